import type { CumulativeShareClassOp } from "../model";
import {
  compareIds,
  nulls,
  partitions,
  sumInOrder,
  type PopulationInput,
  type PopulationValue,
} from "./partition";

/** Partition members sorted by measure descending, ties by record id ascending, then input order. */
function sortedForShare(rows: PopulationInput, group: readonly number[]): number[] {
  const m = rows.measure;
  return [...group].sort((a, b) => {
    const byMeasure = m[b]! - m[a]!;
    if (byMeasure !== 0) return byMeasure;
    return compareIds(rows.id(a), rows.id(b)) || a - b;
  });
}

/**
 * Running sum including the record ÷ partition total, in descending measure order; `null` for the
 * whole partition when its total is not positive. The total is summed in input order.
 */
export function cumulativeShare(rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  for (const group of partitions(rows)) {
    const total = sumInOrder(rows, group);
    if (!(total > 0)) continue;
    let running = 0;
    for (const index of sortedForShare(rows, group)) {
      running += rows.measure[index]!;
      values[index] = running / total;
    }
  }
  return values;
}

/**
 * ABC-style classes: with `before` = running sum excluding the record ÷ total, the label at the number
 * of breaks b with `before ≥ b`, so the record that crosses a break stays in the upper class
 * (channel-rules-domain.md §5.2 E4). `null` when the partition total is not positive.
 */
export function cumulativeShareClass(
  op: Pick<CumulativeShareClassOp, "breaks" | "labels">,
  rows: PopulationInput,
): PopulationValue[] {
  const values = nulls(rows);
  for (const group of partitions(rows)) {
    const total = sumInOrder(rows, group);
    if (!(total > 0)) continue;
    let running = 0;
    for (const index of sortedForShare(rows, group)) {
      const before = running / total;
      const reached = op.breaks.filter((b) => before >= b).length;
      values[index] = op.labels[reached] ?? null;
      running += rows.measure[index]!;
    }
  }
  return values;
}
