import { monaco } from "./monaco";

/**
 * Gives back to the workbench the keys it binds that Monaco binds too, so they work while an editor
 * has focus: Ctrl+Enter is `Rules: Run Tests` (commands.md) rather than Monaco's "insert line after".
 */
export function releaseWorkbenchKeys(): void {
  const { KeyMod, KeyCode } = monaco;
  monaco.editor.addKeybindingRules([
    { keybinding: KeyMod.CtrlCmd | KeyCode.Enter, command: "-editor.action.insertLineAfter" },
  ]);
}
