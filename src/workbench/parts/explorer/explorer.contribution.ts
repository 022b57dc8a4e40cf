import type { Contribution } from "../contribution";
import { explorerCommands } from "./explorer.commands";
import { ExplorerView } from "./ExplorerView";

export const explorerContribution: Contribution = {
  views: { explorer: ExplorerView },
  commands: explorerCommands,
};
