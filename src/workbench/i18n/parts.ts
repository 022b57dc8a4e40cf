// Every part's own string table (see partMessages.ts). One line a part.
import type { PartMessages } from "./partMessages";
import { packsMessages } from "../parts/packs/packs.i18n";
import { statementMessages } from "../parts/statement/statement.i18n";
import { simulationMessages } from "../parts/simulation/simulation.i18n";
import { dataMessages } from "../parts/data/data.i18n";
import { templatesMessages } from "../parts/templates/templates.i18n";
import { builderMessages } from "../parts/builder/builder.i18n";
import { generateMessages } from "../parts/data/generate.i18n";
import { storageMessages } from "../parts/data/storage.i18n";
import { workspaceMessages } from "../parts/workspace/workspace.i18n";

export const partMessages: readonly PartMessages[] = [
  packsMessages,
  statementMessages,
  simulationMessages,
  dataMessages,
  templatesMessages,
  builderMessages,
  generateMessages,
  storageMessages,
  workspaceMessages,
];
