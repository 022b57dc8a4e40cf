/**
 * What an interim settlement under the current program (dealer-program 1.0.0 defaults: I1 tiers, I3
 * growth bonus, I4 collection multiplier, E3 forfeiture) paid out earlier in the period. The generator
 * needs it to fill `rebate.paid_to_date_period` so that the clawback rule (I7) has a real history to
 * true up against: with the same policy, a clawback appears exactly where post-settlement returns or
 * write-offs shrank the base.
 */

/** Inputs of the interim settlement. */
export interface SettlementInput {
  base: number;
  attainment: number;
  prior: number;
  hasPriorYear: boolean;
  collectionRate: number;
  overdue90: number;
  daysToPay: number;
  violationPoints: number;
}

function volumeRebate(base: number, attainment: number): number {
  if (attainment < 0.9 || base <= 0) return 0;
  const rate = base < 1_000_000 ? 0.005 : base < 3_000_000 ? 0.01 : base < 6_000_000 ? 0.015 : 0.02;
  return rate * base;
}

function growthBonus(base: number, prior: number, hasPriorYear: boolean): number {
  if (!hasPriorYear || prior < 300_000) return 0;
  const raw = 0.05 * Math.max(0, base - prior * 1.05);
  return Math.min(raw, 0.01 * base, 200_000);
}

function collectionMultiplier(rate: number, overdue90: number, days: number): number {
  if (rate < 0.9 || overdue90 > 0) return 0;
  return days <= 15 ? 1 : days <= 30 ? 0.8 : days <= 45 ? 0.5 : 0;
}

/** The payable amount of the interim settlement, in CNY with 2 decimals. */
export function interimPayable(input: SettlementInput): number {
  if (input.violationPoints >= 3) return 0;
  const rebate =
    volumeRebate(input.base, input.attainment) + growthBonus(input.base, input.prior, input.hasPriorYear);
  return (
    Math.round(rebate * collectionMultiplier(input.collectionRate, input.overdue90, input.daysToPay) * 100) /
    100
  );
}
