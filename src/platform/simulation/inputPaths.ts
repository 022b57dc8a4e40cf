import type { PreparedPack } from "../../engine";

/** Top-level keys a record must not carry (the pipeline refuses such a record for the whole run). */
const RESERVED = ["params", "ctx", "pop", "out"];

/**
 * The record paths a run reads: every static read of the pack's rules and population operators,
 * the report's fields, `id`, `as_of` (the run date and its mismatches) and the reserved keys (so a
 * record carrying one is refused exactly as when the whole record is read). `undefined` when some
 * step reads the whole context or a computed path: then the run needs whole records.
 *
 * A path through an array index (`sales.q_yoy.0`) or an array's `length` is read as the array
 * itself (`sales.q_yoy`), so the record built from the columns holds the same array the stored
 * record does; a path under another requested path is dropped (the parent brings it).
 */
export function runInputPaths(pack: PreparedPack, fieldPaths: readonly string[]): string[] | undefined {
  const wanted = new Set<string>(["id", "as_of", ...RESERVED]);
  for (const step of pack.steps) {
    for (const read of step.node.allReads) {
      if (read.path === "") return undefined;
      const segments = read.path.split(".");
      if (RESERVED.includes(segments[0]!)) continue;
      wanted.add(arrayRoot(segments));
    }
  }
  for (const path of fieldPaths) if (path !== "") wanted.add(arrayRoot(path.split(".")));
  return withoutNested([...wanted]);
}

/** The path up to (not including) the first index-like or `length` segment after the first. */
function arrayRoot(segments: readonly string[]): string {
  const cut = segments.findIndex((s, i) => i > 0 && (/^\d+$/.test(s) || s === "length"));
  return (cut < 0 ? segments : segments.slice(0, cut)).join(".");
}

/** Drops every path that lies under another path of the list; keeps the list's order otherwise. */
export function withoutNested(paths: readonly string[]): string[] {
  const set = new Set(paths);
  return paths.filter((path) => {
    const segments = path.split(".");
    for (let i = 1; i < segments.length; i++) if (set.has(segments.slice(0, i).join("."))) return false;
    return true;
  });
}
