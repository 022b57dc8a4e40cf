import type { QuickPickEntry } from "../../machines";
import { fuzzyMatch } from "../commands/fuzzy";

export interface VisibleEntry {
  /** Index into the request's items: what an accept reports. */
  index: number;
  entry: QuickPickEntry;
  labelRanges: [number, number][];
  descriptionRanges: [number, number][];
  /** The group heading to show above this entry, when it starts one. */
  heading?: string;
}

/**
 * The entries a pick shows for the typed text: all of them in the caller's order (recently used first)
 * when the text is empty, else the fuzzy matches best first, the caller's order breaking ties. A
 * label match counts fully; a match only in the description or search text counts less.
 */
export function visibleEntries(items: readonly QuickPickEntry[], text: string): VisibleEntry[] {
  const query = text.trim();
  if (query === "") {
    let lastGroup: string | undefined;
    return items.map((entry, index) => {
      const visible: VisibleEntry = { index, entry, labelRanges: [], descriptionRanges: [] };
      if (entry.group !== undefined && entry.group !== lastGroup) visible.heading = entry.group;
      lastGroup = entry.group;
      return visible;
    });
  }
  const scored: { visible: VisibleEntry; score: number }[] = [];
  items.forEach((entry, index) => {
    const label = fuzzyMatch(query, entry.label);
    const description = entry.description !== undefined ? fuzzyMatch(query, entry.description) : undefined;
    const extra = entry.searchText !== undefined ? fuzzyMatch(query, entry.searchText) : undefined;
    const score = Math.max(
      label?.score ?? -Infinity,
      (description?.score ?? -Infinity) - 5,
      (extra?.score ?? -Infinity) - 5,
    );
    if (score === -Infinity) return;
    scored.push({
      visible: {
        index,
        entry,
        labelRanges: label?.ranges ?? [],
        descriptionRanges: label ? [] : (description?.ranges ?? []),
      },
      score,
    });
  });
  scored.sort((a, b) => b.score - a.score || a.visible.index - b.visible.index);
  return scored.map((s) => s.visible);
}

/** Splits `text` into plain and highlighted pieces for rendering matches in bold. */
export function highlightPieces(text: string, ranges: readonly [number, number][]) {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
