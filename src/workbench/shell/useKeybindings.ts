import { useEffect } from "react";
import { pressOfEvent, resolvePress, formatKeybinding, type KeyPress } from "../commands/keybindings";
import { evaluateWhen } from "../commands/when";
import type { WorkbenchServices } from "../services";

/**
 * Dispatches key presses to commands, in the capture phase so the workbench's bindings win over
 * Monaco's and over inputs (as VS Code's keybinding service does), and chords wait for their second
 * press. A press no command binds goes on to its target untouched.
 */
export function useKeybindings(services: WorkbenchServices, onChordPending: (label: string | null) => void) {
  useEffect(() => {
    let pending: KeyPress | undefined;
    /** Monaco took the first press of a chord: its second press is Monaco's too (Ctrl+K Ctrl+J). */
    let editorChord = false;
    const holds = (when: string | undefined) => evaluateWhen(when, services.contextKeys.get);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const press = pressOfEvent(event);
      if (!press) return;
      if (editorChord) {
        editorChord = false;
        return;
      }
      const resolution = resolvePress(services.commands.registry.bindings(), press, pending, holds);
      if (resolution.kind === "none") return;
      // A chord starting in a code editor is Monaco's to resolve: it knows its own chords and the
      // workbench's (editorChords), so `Ctrl+K Ctrl+C` still comments and `Ctrl+K Ctrl+T` still
      // picks a theme.
      if (resolution.kind === "chord" && inCodeEditor(event.target)) {
        editorChord = true;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (resolution.kind === "chord") {
        pending = press;
        onChordPending(formatKeybinding(describe(press)));
        return;
      }
      pending = undefined;
      onChordPending(null);
      if (resolution.kind === "run") void services.commands.execute(resolution.commandId);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [services, onChordPending]);
}

function inCodeEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(".monaco-editor") !== null;
}

function describe(press: KeyPress): string {
  return [press.ctrl && "ctrl", press.shift && "shift", press.alt && "alt", press.meta && "meta", press.key]
    .filter(Boolean)
    .join("+");
}
