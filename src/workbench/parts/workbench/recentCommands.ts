import { pushRecent } from "./paletteItems";

/**
 * The palette's recently used commands, most recent first, starting from the stored list; `persist`
 * is called with the new list whenever a command runs.
 */
export function createRecentCommands(stored: readonly string[], persist: (ids: string[]) => void) {
  let ids = [...stored];
  return {
    list: (): readonly string[] => ids,
    record(id: string) {
      ids = pushRecent(ids, id);
      persist(ids);
    },
  };
}
