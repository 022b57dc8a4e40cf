import type { GroupStat } from "../model";
import {
  isFiniteNumber,
  partitions,
  sumInOrder,
  type PopulationRow,
  type PopulationValue,
} from "./partition";

function statOf(stat: GroupStat, rows: readonly PopulationRow[], group: readonly number[]): number {
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
      let best = rows[group[0]!]!.measure as number;
      for (const i of group) {
        const m = rows[i]!.measure as number;
        if (stat === "min" ? m < best : m > best) best = m;
      }
      return best;
    }
  }
}

/** The statistic of the partition, the same value for all its records. */
export function groupStat(stat: GroupStat, rows: readonly PopulationRow[]): PopulationValue[] {
  const values: PopulationValue[] = rows.map(() => null);
  for (const group of partitions(rows)) {
    const value = statOf(stat, rows, group);
    for (const index of group) values[index] = value;
  }
  return values;
}

/** Measure ÷ partition maximum × 100; `null` when the maximum is not positive. */
export function normalizeToMax(rows: readonly PopulationRow[]): PopulationValue[] {
  const values: PopulationValue[] = rows.map(() => null);
  for (const group of partitions(rows)) {
    const max = statOf("max", rows, group);
    if (!(max > 0)) continue;
    for (const index of group) values[index] = ((rows[index]!.measure as number) / max) * 100;
  }
  return values;
}

/**
 * `min(1, budget ÷ partition sum)`, or 1 when the sum is not positive. A path budget is read from the
 * first record of the partition in input order (it is meant to be constant there, e.g. a parameter);
 * a budget that is not a finite number gives `null` for the partition.
 */
export function budgetFactor(rows: readonly PopulationRow[]): PopulationValue[] {
  const values: PopulationValue[] = rows.map(() => null);
  for (const group of partitions(rows)) {
    const budget = rows[group[0]!]!.budget;
    if (!isFiniteNumber(budget)) continue;
    const sum = sumInOrder(rows, group);
    const factor = sum > 0 ? Math.min(1, budget / sum) : 1;
    for (const index of group) values[index] = factor;
  }
  return values;
}
