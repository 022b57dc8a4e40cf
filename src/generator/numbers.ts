/** Rounding used for every derived ratio and money field, exported so tests derive fields the same way. */

/** Rounds to `decimals` places, half away from zero (ratios use 4, survey scores 1, CNY 0 here). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(value) * f) / f;
  return value < 0 ? -r : r;
}

/** A ratio as stored in records: 4 decimals, 0 when the denominator is not positive. */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? roundTo(numerator / denominator, 4) : 0;
}

/** Clips a value into [lo, hi]. */
export function clip(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/** Rounds money to a multiple of `step` yuan (targets are set in round numbers). */
export function roundStep(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Sum of a list. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** YoY of the last four quarters from eight (oldest first); 0 where last year's quarter is 0. */
export function quarterYoy(quarterly: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const prior = quarterly[i] ?? 0;
    out.push(prior > 0 ? roundTo((quarterly[i + 4] ?? 0) / prior - 1, 4) : 0);
  }
  return out;
}

/** Consecutive quarters, ending at the latest, whose YoY is below −10 %. */
export function declineStreak(qYoy: readonly number[]): number {
  let streak = 0;
  for (let i = qYoy.length - 1; i >= 0 && (qYoy[i] ?? 0) < -0.1; i -= 1) streak += 1;
  return streak;
}
