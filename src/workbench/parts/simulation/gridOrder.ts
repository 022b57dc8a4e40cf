import { text } from "./format";

/**
 * The results grid's row order for a filter and a sort, computed in slices of at most
 * {@link SLICE_MS} of the main thread each, so that sorting or filtering 100,000 rows or more never
 * blocks the page: the filter is a loop that pauses, the sort a bottom-up merge sort on typed arrays
 * that pauses between runs of merges. The order is the one `Array.prototype.sort` gave with
 * `(numbers ? x - y : localeCompare) * dir || a - b`: missing values as "", ties in record order
 * (a column that mixes numbers and texts sorts by text throughout).
 */
export const SLICE_MS = 12;

export interface OrderQuery {
  count: number;
  /** Lower-cased text to find in any of `filterColumns`; empty for none. */
  needle: string;
  filterColumns: readonly (readonly unknown[])[];
  sort?: { column: readonly unknown[]; dir: 1 | -1 };
  locale: string;
}

/** Thrown out of {@link orderRows} when the caller gave up on it (a newer query). */
export class OrderCancelled extends Error {}

export interface Slicer {
  /** True when this slice has used its time. */
  due(): boolean;
  /** Ends the slice (lets the page run) and starts the next; throws OrderCancelled once cancelled. */
  pause(): Promise<void>;
}

export function createSlicer(isCancelled: () => boolean, budget = SLICE_MS): Slicer {
  let start = performance.now();
  return {
    due: () => performance.now() - start > budget,
    async pause() {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (isCancelled()) throw new OrderCancelled();
      start = performance.now();
    },
  };
}

/** The rows (record indices) to show in order, or null for all records in record order. */
export async function orderRows(query: OrderQuery, slicer: Slicer): Promise<Uint32Array | null> {
  const { count, needle, filterColumns, sort } = query;
  if (!needle && !sort) return null;
  let rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  if (needle) {
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (filterColumns.some((c) => text(c[i]).toLowerCase().includes(needle))) rows[kept++] = i;
      if ((i & 1023) === 1023 && slicer.due()) await slicer.pause();
    }
    rows = rows.slice(0, kept);
  }
  if (!sort) return rows;
  const keys = await sortKeys(rows, sort.column, query.locale, slicer);
  const dir = sort.dir;
  return mergeSort(rows, (a, b) => (keys[a] === keys[b] ? 0 : keys[a]! < keys[b]! ? -dir : dir), slicer);
}

/**
 * A number per record that sorts as the column does: the value itself when every shown value is a
 * number (missing ones first, as "" came before any number's text), otherwise the rank of the
 * value's text among the distinct texts under the locale's collation.
 */
async function sortKeys(
  rows: Uint32Array,
  column: readonly unknown[],
  locale: string,
  slicer: Slicer,
): Promise<Float64Array> {
  const keys = new Float64Array(column.length);
  let numeric = true;
  for (const i of rows) {
    const v = column[i];
    if (v !== undefined && v !== null && typeof v !== "number") {
      numeric = false;
      break;
    }
  }
  if (numeric) {
    for (const i of rows) {
      const v = column[i];
      keys[i] = typeof v === "number" ? v : -Infinity;
    }
    return keys;
  }
  const distinct = new Map<string, number>();
  const texts: string[] = [];
  for (let k = 0; k < rows.length; k++) {
    const v = column[rows[k]!];
    const s = v === undefined || v === null ? "" : text(v);
    if (!distinct.has(s)) {
      distinct.set(s, texts.length);
      texts.push(s);
    }
    if ((k & 4095) === 4095 && slicer.due()) await slicer.pause();
  }
  const collator = new Intl.Collator(locale);
  const ids = new Uint32Array(texts.length);
  for (let k = 0; k < ids.length; k++) ids[k] = k;
  const sorted = await mergeSort(ids, (a, b) => collator.compare(texts[a]!, texts[b]!), slicer);
  // Equal under the collator (but different texts) share a rank, as localeCompare's 0 did.
  const rank = new Float64Array(texts.length);
  for (let k = 0, r = 0; k < sorted.length; k++) {
    if (k > 0 && collator.compare(texts[sorted[k - 1]!]!, texts[sorted[k]!]!) !== 0) r++;
    rank[sorted[k]!] = r;
  }
  for (const i of rows) {
    const v = column[i];
    keys[i] = rank[distinct.get(v === undefined || v === null ? "" : text(v))!]!;
  }
  return keys;
}

/** A stable bottom-up merge sort of `items`, pausing when a slice is due. */
export async function mergeSort(
  items: Uint32Array,
  compare: (a: number, b: number) => number,
  slicer: Slicer,
): Promise<Uint32Array> {
  const n = items.length;
  const RUN = 32;
  let src = items.slice();
  let dst = new Uint32Array(n);
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = src[i]!;
      let j = i - 1;
      while (j >= lo && compare(src[j]!, x) > 0) {
        src[j + 1] = src[j]!;
        j--;
      }
      src[j + 1] = x;
    }
    if (slicer.due()) await slicer.pause();
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = compare(src[i]!, src[j]!) <= 0 ? src[i++]! : src[j++]!;
        if ((k & 4095) === 0 && slicer.due()) await slicer.pause();
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return src;
}
