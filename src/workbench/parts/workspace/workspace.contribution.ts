import type { Contribution } from "../contribution";
import { RestoreConflictsHost } from "./RestoreConflictsDialog";
import { workspaceCommands } from "./workspace.commands";

/** The whole workspace at once: reset to the shipped samples, back up, restore (commands.md, data). */
export const workspaceContribution: Contribution = {
  commands: workspaceCommands,
  // Renders nothing in the status bar: the restore's conflict dialog, while it is open.
  statusItems: [{ id: "workspace.restoreConflicts", component: RestoreConflictsHost }],
};
