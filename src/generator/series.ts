/**
 * The monthly sell-in history behind a record: 36 months ending at the `as_of` month (index 35), from
 * which every sales field is aggregated, so YTD, prior-year, quarterly and YoY figures agree exactly.
 */
import type { Rng } from "./prng";
import { clip } from "./numbers";

/** Months in the history window. */
export const WINDOW = 36;

/** How a distributor's sales behave over the window. */
export interface SalesShape {
  /** Rebate-base sales of the 12 months before the current 12 (CNY). */
  level: number;
  /** Year-on-year trend of the underlying business. */
  trend: number;
  /** Calendar-month weights of the industry (January first). */
  seasonality: readonly number[];
  /** Month index of the as_of month's calendar month (1–12). */
  asOfMonth: number;
  /** First month with sales (0 = trading before the window). */
  onboardAt: number;
  /** Months at the end of the window without any purchase (0 = bought this month). */
  silentMonths: number;
  /** Number of trailing quarters hit by a decline shock, and its depth. */
  shockQuarters: number;
  shockDepth: number;
  returnsRate: number;
  specialRate: number;
}

/** Per-month amounts in whole yuan; base = gross − returns − special holds for every month. */
export interface MonthlySeries {
  gross: number[];
  returns: number[];
  special: number[];
  base: number[];
}

/** Calendar month (1–12) of window index t. */
export function calendarMonth(t: number, asOfMonth: number): number {
  return ((((asOfMonth - 1 - (WINDOW - 1 - t)) % 12) + 12) % 12) + 1;
}

/** Draws the 36-month history for a shape. */
export function buildSeries(rng: Rng, shape: SalesShape): MonthlySeries {
  const series: MonthlySeries = { gross: [], returns: [], special: [], base: [] };
  // The latest complete quarter ends at the as_of month when it is a quarter end, else before it.
  const quarterEnd = WINDOW - 1 - (shape.asOfMonth % 3);
  const shockFrom = quarterEnd + 1 - 3 * shape.shockQuarters;
  // (1 + trend) ^ ((t − 17.5) / 12), advanced by one monthly step instead of a power per month.
  const step = (1 + shape.trend) ** (1 / 12);
  let growth = (1 + shape.trend) ** (-17.5 / 12);
  for (let t = 0; t < WINDOW; t += 1, growth *= step) {
    const weight = shape.seasonality[calendarMonth(t, shape.asOfMonth) - 1] ?? 1 / 12;
    let value = shape.level * weight * growth * clip(1 + 0.06 * rng.quickNormal(), 0.75, 1.25);
    if (t < shape.onboardAt) value = 0;
    else if (shape.onboardAt > 0) value *= Math.min(1, (t - shape.onboardAt + 1) / 4);
    if (shape.shockQuarters > 0 && t >= shockFrom)
      value *= 1 - shape.shockDepth * clip(rng.normal(1, 0.1), 0.7, 1.3);
    if (t >= WINDOW - shape.silentMonths) value = 0;
    const base = Math.max(0, Math.round(value));
    const gross = Math.round(base / (1 - shape.returnsRate - shape.specialRate));
    const returns = Math.round(gross * shape.returnsRate);
    series.gross.push(gross);
    series.returns.push(returns);
    series.special.push(gross - returns - base);
    series.base.push(base);
  }
  return series;
}

/** Sum of `values` over window indices [from, to] (inclusive). */
export function sumRange(values: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let t = Math.max(0, from); t <= to; t += 1) total += values[t] ?? 0;
  return total;
}

/** The last 8 quarters (oldest first) ending at the latest complete quarter. */
export function quarterlyTotals(base: readonly number[], asOfMonth: number): number[] {
  const quarterEnd = WINDOW - 1 - (asOfMonth % 3);
  const out: number[] = [];
  for (let q = 7; q >= 0; q -= 1) {
    const end = quarterEnd - 3 * q;
    out.push(sumRange(base, end - 2, end));
  }
  return out;
}
