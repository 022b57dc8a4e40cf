/**
 * Totals of a pack run per output: sums for numbers (rounded to the cent, so float summation order
 * cannot flip a digit), counts per value for strings and booleans. This is what the golden snapshot
 * stores, so any change in results shows up as a readable diff.
 */
import type { EvalLine } from "./crw";

/** Totals of one output. */
export type OutputTotal = { sum: number; nonzero: number } | Record<string, number>;

/** Totals of every output (and of the ABC population class), keys sorted. */
export function totals(lines: readonly EvalLine[]): Record<string, OutputTotal> {
  const sums = new Map<string, { sum: number; nonzero: number }>();
  const counts = new Map<string, Record<string, number>>();
  const add = (key: string, value: unknown): void => {
    if (typeof value === "number") {
      const t = sums.get(key) ?? { sum: 0, nonzero: 0 };
      t.sum += value;
      if (value !== 0) t.nonzero += 1;
      sums.set(key, t);
    } else {
      const c = counts.get(key) ?? {};
      c[String(value)] = (c[String(value)] ?? 0) + 1;
      counts.set(key, c);
    }
  };
  for (const line of lines) {
    for (const [id, value] of Object.entries(line.out)) add(`out.${id}`, value);
    add("pop.abc_class", line.pop.abc_class);
  }
  const result: Record<string, OutputTotal> = {};
  for (const [key, t] of sums) result[key] = { sum: Math.round(t.sum * 100) / 100, nonzero: t.nonzero };
  for (const [key, c] of counts)
    result[key] = Object.fromEntries(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)));
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

/** Distinct values of one output over a run. */
export function distinct(lines: readonly EvalLine[], id: string): Set<unknown> {
  return new Set(lines.map((line) => line.out[id]));
}
