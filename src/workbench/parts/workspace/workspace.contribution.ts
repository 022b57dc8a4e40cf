import type { Contribution } from "../contribution";
import { workspaceCommands } from "./workspace.commands";

/** The whole workspace at once: reset to the shipped samples, back up, restore (commands.md, data). */
export const workspaceContribution: Contribution = {
  commands: workspaceCommands,
};
