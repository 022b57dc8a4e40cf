import { getBit } from "../storage/columnar";
import type { ProjectedColumn } from "../storage/projection";
import { valueText } from "./columnQuery";

/** What one column of a dataset holds, for the viewer's column profile. */
export interface ColumnProfile {
  path: string;
  type: ProjectedColumn["type"];
  /** Rows in the dataset. */
  rows: number;
  /** Rows where the key is absent. */
  missing: number;
  /** Rows whose value is `null`. */
  nulls: number;
  /** Distinct values among the others. */
  distinct: number;
  /** Numbers only (undefined when no row has a number). */
  min?: number;
  max?: number;
  mean?: number;
  /** Numbers: equal-width bins from min to max. */
  histogram?: number[];
  /** Strings, booleans and mixed values: the most frequent, most first (ties in text order). */
  top?: { value: string; count: number }[];
  /** Strings and booleans with at most {@link CHOICE_LIMIT} distinct values: all of them, sorted. */
  choices?: string[];
}

export const TOP_VALUES = 5;
export const HISTOGRAM_BINS = 10;
export const CHOICE_LIMIT = 40;

function choices(counts: Map<string, number>): { choices?: string[] } {
  return counts.size <= CHOICE_LIMIT ? { choices: [...counts.keys()].sort() } : {};
}

function topValues(counts: Map<string, number>): { value: string; count: number }[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP_VALUES)
    .map(([value, count]) => ({ value, count }));
}

/** Missing and null counts, and a test for rows holding a value. */
function presence(column: ProjectedColumn, rows: number) {
  let missing = 0;
  let nulls = 0;
  const has = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    if (column.type === "mixed") {
      const value = column.values[row];
      if (value === undefined) missing++;
      else if (value === null) nulls++;
      else has[row] = 1;
      continue;
    }
    if (column.present && !getBit(column.present, row)) missing++;
    else if (column.type === "null" || (column.nulls && getBit(column.nulls, row))) nulls++;
    else has[row] = 1;
  }
  return { missing, nulls, has };
}

/** Profiles one projected column of `rows` rows in one pass (two for a histogram). */
export function profileColumn(column: ProjectedColumn, rows: number): ColumnProfile {
  const { missing, nulls, has } = presence(column, rows);
  const base = { path: column.path, type: column.type, rows, missing, nulls };
  if (column.type === "number") {
    const values = column.values;
    // Distinct values by sorting a copy (typed-array sort is native): a Set of a million doubles is
    // several times slower.
    const present = new Float64Array(rows);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    let count = 0;
    for (let row = 0; row < rows; row++) {
      if (!has[row]) continue;
      const value = values[row]!;
      present[count] = value + 0;
      if (value < min) min = value;
      if (value > max) max = value;
      sum += value;
      count++;
    }
    if (count === 0) return { ...base, distinct: 0 };
    const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
    const width = (max - min) / HISTOGRAM_BINS;
    for (let row = 0; row < rows; row++) {
      if (!has[row]) continue;
      const bin = width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((values[row]! - min) / width)) : 0;
      histogram[bin]!++;
    }
    const sorted = present.subarray(0, count).sort();
    let distinct = 1;
    for (let i = 1; i < count; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
    return { ...base, distinct, min, max, mean: sum / count, histogram };
  }
  if (column.type === "string") {
    const byCode = new Uint32Array(column.dictionary.length);
    for (let row = 0; row < rows; row++) if (has[row]) byCode[column.codes[row]!]!++;
    const counts = new Map<string, number>();
    byCode.forEach((count, code) => {
      if (count > 0) counts.set(column.dictionary[code]!, count);
    });
    return { ...base, distinct: counts.size, top: topValues(counts), ...choices(counts) };
  }
  if (column.type === "boolean") {
    let yes = 0;
    let no = 0;
    for (let row = 0; row < rows; row++) {
      if (!has[row]) continue;
      if (getBit(column.values, row)) yes++;
      else no++;
    }
    const counts = new Map<string, number>();
    if (yes) counts.set("true", yes);
    if (no) counts.set("false", no);
    return { ...base, distinct: counts.size, top: topValues(counts), ...choices(counts) };
  }
  if (column.type === "null") return { ...base, distinct: 0 };
  const counts = new Map<string, number>();
  for (let row = 0; row < rows; row++) {
    if (!has[row]) continue;
    const text = valueText(column.values[row]);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return { ...base, distinct: counts.size, top: topValues(counts) };
}
