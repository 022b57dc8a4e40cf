import { pickText, type Locale } from "../../../base";
import type { CommandDefinition } from "../../commands/command";
import { bindingsOf } from "../../commands/command";
import { formatKeybinding } from "../../commands/keybindings";
import type { QuickPickItem } from "../../services";

/** `Category: Title` in the given language, as the palette and the shortcuts list show a command. */
export function commandLabel(command: CommandDefinition, locale: Locale): string {
  const title = pickText(command.title, locale);
  return command.category ? `${pickText(command.category, locale)}: ${title}` : title;
}

/**
 * The palette's items: the commands that may run now, recently used first (in the order used), then
 * the rest alphabetically. Each matches its English label too, so a Chinese UI still finds
 * "run tests".
 */
export function paletteItems(
  commands: readonly CommandDefinition[],
  locale: Locale,
  recent: readonly string[],
  labels: { recent: string; other: string },
): QuickPickItem<string>[] {
  const listed = commands.filter((c) => c.palette !== false);
  const byId = new Map(listed.map((c) => [c.id, c]));
  const recentCommands = recent
    .map((id) => byId.get(id))
    .filter((c): c is CommandDefinition => c !== undefined);
  const recentIds = new Set(recentCommands.map((c) => c.id));
  const others = listed
    .filter((c) => !recentIds.has(c.id))
    .sort((a, b) => commandLabel(a, locale).localeCompare(commandLabel(b, locale), locale));
  const item = (command: CommandDefinition, group: string): QuickPickItem<string> => {
    const result: QuickPickItem<string> = {
      label: commandLabel(command, locale),
      value: command.id,
      group,
      searchText: locale === "en" ? command.id : `${commandLabel(command, "en")} ${command.id}`,
    };
    const first = bindingsOf(command)[0];
    if (first !== undefined) result.keybinding = formatKeybinding(first);
    return result;
  };
  return [
    ...recentCommands.map((c) => item(c, labels.recent)),
    ...others.map((c) => item(c, recentCommands.length > 0 ? labels.other : "")),
  ].map((entry) => {
    if (entry.group !== "") return entry;
    const { group: _group, ...rest } = entry;
    return rest;
  });
}

/** Puts `id` first in the recently used list, without duplicates, keeping the newest `limit`. */
export function pushRecent(recent: readonly string[], id: string, limit = 20): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, limit);
}
