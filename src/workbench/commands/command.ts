import type { LocalizedText } from "../../base";
import type { WorkbenchServices } from "../services/services";

/**
 * A command: the one definition the palette, menus, keybindings, the Keyboard Shortcuts list and the
 * tests all read (commands.md). Titles are data, so a language switch needs no re-registration.
 */
export interface CommandDefinition {
  /** Stable id, `<area>.<verb>` (`rules.runTests`); never shown. */
  id: string;
  title: LocalizedText;
  /** Shown before the title in the palette: `Rules: Run Tests`. */
  category?: LocalizedText;
  /** One binding or several; a chord is two presses separated by a space (`ctrl+k ctrl+t`). */
  keybinding?: string | readonly string[];
  /** Context expression (see when.ts) that must hold for the command to run or be listed. */
  when?: string;
  /** False keeps the command out of the palette (menu-only or internal). Default true. */
  palette?: boolean;
  run(services: WorkbenchServices, ...args: unknown[]): unknown;
}

/** The bindings of a command as a list, whatever form the definition used. */
export function bindingsOf(command: CommandDefinition): readonly string[] {
  const { keybinding } = command;
  if (keybinding === undefined) return [];
  return typeof keybinding === "string" ? [keybinding] : keybinding;
}
