import type { GroupStat } from "../model";
import {
  isFiniteNumber,
  nulls,
  partitions,
  sumInOrder,
  type PopulationInput,
  type PopulationValue,
} from "./partition";

function statOf(stat: GroupStat, rows: PopulationInput, group: readonly number[]): number {
  switch (stat) {
    case "sum":
      return sumInOrder(rows, group);
    case "mean":
      return sumInOrder(rows, group) / group.length;
    case "count":
      return group.length;
    case "min":
    case "max": {
      // A loop, not Math.min(...spread): a million-record partition would overflow the call stack.
      const { measure } = rows;
      let best = measure[group[0]!]!;
      for (const i of group) {
        const m = measure[i]!;
        if (stat === "min" ? m < best : m > best) best = m;
      }
      return best;
    }
  }
}

/** The statistic of the partition, the same value for all its records. */
export function groupStat(stat: GroupStat, rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  for (const group of partitions(rows)) {
    const value = statOf(stat, rows, group);
    for (const index of group) values[index] = value;
  }
  return values;
}

/** Measure ÷ partition maximum × 100; `null` when the maximum is not positive. */
export function normalizeToMax(rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  for (const group of partitions(rows)) {
    const max = statOf("max", rows, group);
    if (!(max > 0)) continue;
    for (const index of group) values[index] = (rows.measure[index]! / max) * 100;
  }
  return values;
}

/**
 * `min(1, budget ÷ partition sum)`, or 1 when the sum is not positive. A path budget is read from the
 * first record of the partition in input order (it is meant to be constant there, e.g. a parameter);
 * a budget that is not a finite number gives `null` for the partition.
 */
export function budgetFactor(rows: PopulationInput): PopulationValue[] {
  const values = nulls(rows);
  for (const group of partitions(rows)) {
    const budget = rows.budget?.(group[0]!);
    if (!isFiniteNumber(budget)) continue;
    const sum = sumInOrder(rows, group);
    const factor = sum > 0 ? Math.min(1, budget / sum) : 1;
    for (const index of group) values[index] = factor;
  }
  return values;
}
