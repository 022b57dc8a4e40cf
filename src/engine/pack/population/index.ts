import type { PopulationOp } from "../model";
import { budgetFactor, groupStat, normalizeToMax } from "./aggregate";
import { inputOf, type PopulationInput, type PopulationRow, type PopulationValue } from "./partition";
import { percentile, rank } from "./rank";
import { cumulativeShare, cumulativeShareClass } from "./share";

export type { PopulationInput, PopulationRow, PopulationValue } from "./partition";
export { partitionKey, compareIds } from "./partition";

/**
 * Computes one population operator (pack-format.md §5) over all records at once. `rows[i]` carries
 * record i's measure, partition value, id and budget; the result holds record i's value at index i.
 */
export function computePopulation(op: PopulationOp, rows: readonly PopulationRow[]): PopulationValue[] {
  return computePopulationInput(op, inputOf(rows));
}

/** {@link computePopulation} over column-wise input (what the pipeline's held store gives). */
export function computePopulationInput(op: PopulationOp, rows: PopulationInput): PopulationValue[] {
  switch (op.op) {
    case "rank":
      return rank(op, rows);
    case "percentile":
      return percentile(op, rows);
    case "cumulative_share":
      return cumulativeShare(rows);
    case "cumulative_share_class":
      return cumulativeShareClass(op, rows);
    case "group_stat":
      return groupStat(op.stat, rows);
    case "normalize_to_max":
      return normalizeToMax(rows);
    case "budget_factor":
      return budgetFactor(rows);
  }
}
