import type { Locale } from "../../../base";
import { bindingsOf, type CommandDefinition } from "../../commands/command";
import { fuzzyMatch } from "../../commands/fuzzy";
import { formatKeybinding } from "../../commands/keybindings";
import { commandLabel } from "../workbench/paletteItems";

export interface ShortcutRow {
  id: string;
  label: string;
  keybindings: string[];
  when: string;
}

/**
 * The Keyboard Shortcuts list: every command with its bindings, filtered by the search text against
 * the label (in both languages), the id and the keys as shown (`ctrl+k` finds the chords).
 */
export function shortcutRows(
  commands: readonly CommandDefinition[],
  locale: Locale,
  search: string,
): ShortcutRow[] {
  const rows = commands.map((command) => ({
    id: command.id,
    label: commandLabel(command, locale),
    english: commandLabel(command, "en"),
    keybindings: bindingsOf(command).map(formatKeybinding),
    when: command.when ?? "",
  }));
  const query = search.trim();
  const kept = query
    ? rows.filter((row) => {
        const keys = row.keybindings.join(" ").toLowerCase();
        const typedKeys = query.toLowerCase().replace(/\s*\+\s*/g, "+");
        return (
          fuzzyMatch(query, row.label) !== undefined ||
          fuzzyMatch(query, row.english) !== undefined ||
          row.id.toLowerCase().includes(query.toLowerCase()) ||
          keys.includes(typedKeys)
        );
      })
    : rows;
  return kept
    .map(({ english: _english, ...row }) => row)
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
