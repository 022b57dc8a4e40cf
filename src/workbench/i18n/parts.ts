// Every part's own string table (see partMessages.ts). One line a part.
import type { PartMessages } from "./partMessages";
import { templatesMessages } from "../parts/templates/templates.i18n";
import { builderMessages } from "../parts/builder/builder.i18n";

export const partMessages: readonly PartMessages[] = [templatesMessages, builderMessages];
