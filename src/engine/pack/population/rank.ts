import type { PercentileOp, RankOp } from "../model";
import { nulls, partitions, type PopulationInput, type PopulationValue } from "./partition";

/**
 * The partition's measures in ascending order: a typed-array sort (native, no comparator), which
 * ranks and percentiles only count in, so they need no sorted record order. -0 sorts before 0 there,
 * but neither is `<` nor `>` the other, so the counts below treat them as the tie they are.
 */
function sortedMeasures(rows: PopulationInput, group: readonly number[]): Float64Array {
  const m = rows.measure;
  const values = new Float64Array(group.length);
  for (let i = 0; i < group.length; i++) values[i] = m[group[i]!]!;
  return values.sort();
}

/** How many of the ascending `values` are at most `x` (or, `strict`, below it): a binary search. */
function countUpTo(values: Float64Array, x: number, strict: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (strict ? values[mid]! < x : values[mid]! <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * 1-based competition rank within the partition: ties share the lowest rank (1, 2, 2, 4), i.e. one
 * more than the number of records strictly before it in the order.
 */
export function rank(op: Pick<RankOp, "order">, rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  const m = rows.measure;
  const desc = (op.order ?? "desc") === "desc";
  for (const group of partitions(rows)) {
    const sorted = sortedMeasures(rows, group);
    const n = sorted.length;
    for (const index of group) {
      const x = m[index]!;
      // Before it: the larger measures (descending) or the smaller ones (ascending).
      values[index] = 1 + (desc ? n - countUpTo(sorted, x, false) : countUpTo(sorted, x, true));
    }
  }
  return values;
}

/**
 * Share of the partition whose measure is at or before this record's in the given order, like SQL
 * CUME_DIST: ties all get the share of the last of them, so 0 < p ≤ 1.
 */
export function percentile(op: Pick<PercentileOp, "order">, rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  const m = rows.measure;
  const asc = (op.order ?? "asc") === "asc";
  for (const group of partitions(rows)) {
    const sorted = sortedMeasures(rows, group);
    const n = sorted.length;
    for (const index of group) {
      const x = m[index]!;
      const atOrBefore = asc ? countUpTo(sorted, x, false) : n - countUpTo(sorted, x, true);
      values[index] = atOrBefore / n;
    }
  }
  return values;
}
