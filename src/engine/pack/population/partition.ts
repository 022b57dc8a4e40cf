/** What a population operator needs of one record. */
export interface PopulationRow {
  measure: unknown;
  /** Value of `partitionBy`; `undefined` when the operator has none or the record lacks it. */
  partition?: unknown;
  id?: unknown;
  /** Value of a path `budget` for this record (budget_factor only). */
  budget?: unknown;
}

/** A value an operator writes for a record; `null` where the record takes no part. */
export type PopulationValue = number | string | null;

/** Records whose measure is not a finite number take no part in an operator (pack-format.md §5). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * A key that keeps partition values of different types apart ("1" and 1 are different groups) and
 * puts missing and null values in one group of their own.
 */
export function partitionKey(value: unknown): string {
  if (value === undefined || value === null) return "missing";
  switch (typeof value) {
    case "string":
      return "s:" + value;
    case "number":
      return "n:" + String(value);
    case "boolean":
      return "b:" + String(value);
    default:
      return "j:" + JSON.stringify(value);
  }
}

/**
 * Indices of the records taking part in the operator, grouped by partition; each group keeps the
 * records' input order, which is the order sums run in.
 */
export function partitions(rows: readonly PopulationRow[]): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (!isFiniteNumber(row.measure)) return;
    const key = partitionKey(row.partition);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

/** Sum in the given (input) order, so every runtime adds the same floats in the same sequence. */
export function sumInOrder(rows: readonly PopulationRow[], indices: readonly number[]): number {
  let sum = 0;
  for (const i of indices) sum += rows[i]!.measure as number;
  return sum;
}

/**
 * Orders record ids for tie-breaks: numbers numerically, strings by UTF-16 code units (not locale,
 * which would differ between hosts), numbers before strings, missing ids last.
 */
export function compareIds(a: unknown, b: unknown): number {
  const rank = (v: unknown) =>
    typeof v === "number" ? 0 : typeof v === "string" ? 1 : v === undefined || v === null ? 3 : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  const sa = ra === 1 ? (a as string) : (JSON.stringify(a) ?? "");
  const sb = rb === 1 ? (b as string) : (JSON.stringify(b) ?? "");
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
