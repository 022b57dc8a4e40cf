import type { PercentileOp, RankOp } from "../model";
import { nulls, partitions, type PopulationInput, type PopulationValue } from "./partition";

/** 1-based competition rank within the partition: ties share the lowest rank (1, 2, 2, 4). */
export function rank(op: Pick<RankOp, "order">, rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  const m = rows.measure;
  const sign = (op.order ?? "desc") === "desc" ? -1 : 1;
  for (const group of partitions(rows)) {
    const sorted = [...group].sort((a, b) => sign * (m[a]! - m[b]!));
    sorted.forEach((index, position) => {
      const previous = sorted[position - 1];
      values[index] = previous !== undefined && m[previous]! === m[index]! ? values[previous]! : position + 1;
    });
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
  const sign = (op.order ?? "asc") === "asc" ? 1 : -1;
  for (const group of partitions(rows)) {
    const sorted = [...group].sort((a, b) => sign * (m[a]! - m[b]!));
    let end = sorted.length;
    // Walk from the back so each record learns how many records are at or before the end of its tie.
    for (let position = sorted.length - 1; position >= 0; position--) {
      const next = sorted[position + 1];
      const index = sorted[position]!;
      if (next === undefined || m[next]! !== m[index]!) end = position + 1;
      values[index] = end / sorted.length;
    }
  }
  return values;
}
