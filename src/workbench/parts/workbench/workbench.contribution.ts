import type { Contribution } from "../contribution";
import { workbenchCommands } from "./workbench.commands";

/** The frame's own commands (palette, quick open, layout, editors, files, preferences). */
export const workbenchContribution: Contribution = {
  commands: workbenchCommands,
};
