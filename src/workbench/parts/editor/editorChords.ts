import type { EditorKeybinding } from "../../../platform";
import { evaluateWhen } from "../../commands/when";
import type { WorkbenchServices } from "../../services";

/**
 * The workbench's chords, for Monaco to resolve beside its own: a chord that starts in the editor
 * (`Ctrl+K`) is left to Monaco (see useKeybindings), which then runs either its own second press
 * (`Ctrl+K Ctrl+C`, comment) or the workbench command bound to it (`Ctrl+K Ctrl+T`, theme).
 */
export function editorChords(services: WorkbenchServices): EditorKeybinding[] {
  return services.commands.registry
    .bindings()
    .filter((b) => b.presses.length === 2)
    .map((b) => ({
      presses: b.presses,
      run: () => {
        if (evaluateWhen(b.when, services.contextKeys.get)) void services.commands.execute(b.commandId);
      },
    }));
}
