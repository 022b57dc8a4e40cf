/** What a population operator needs of one record. */
export interface PopulationRow {
  measure: unknown;
  /** Value of `partitionBy`; `undefined` when the operator has none or the record lacks it. */
  partition?: unknown;
  id?: unknown;
  /** Value of a path `budget` for this record (budget_factor only). */
  budget?: unknown;
}

/**
 * What the operators read, column-wise: record i takes part when `finite[i]` is 1 (its measure is a
 * finite number, `measure[i]`); the accessors give its partition value, id and budget. Typed arrays,
 * so a million records cost no object each (see {@link inputOf} for rows).
 */
export interface PopulationInput {
  count: number;
  measure: Float64Array;
  finite: Uint8Array;
  partition?: (i: number) => unknown;
  id: (i: number) => unknown;
  budget?: (i: number) => unknown;
}

/** {@link PopulationInput} over rows. */
export function inputOf(rows: readonly PopulationRow[]): PopulationInput {
  const measure = new Float64Array(rows.length);
  const finite = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    if (isFiniteNumber(row.measure)) {
      measure[i] = row.measure;
      finite[i] = 1;
    }
  });
  return {
    count: rows.length,
    measure,
    finite,
    partition: (i) => rows[i]!.partition,
    id: (i) => rows[i]!.id,
    budget: (i) => rows[i]!.budget,
  };
}

/** A result array with `null` for every record. */
export function nulls(input: PopulationInput): PopulationValue[] {
  return new Array<PopulationValue>(input.count).fill(null);
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
 * records' input order, which is the order sums run in. Groups are keyed as {@link partitionKey}
 * keys them, with strings and numbers looked up without building the key.
 */
export function partitions(input: PopulationInput): number[][] {
  const list: number[][] = [];
  const strings = new Map<string, number[]>();
  const numbers = new Map<number, number[]>();
  const others = new Map<string, number[]>();
  const { finite, partition } = input;
  for (let index = 0; index < input.count; index++) {
    if (!finite[index]) continue;
    const value = partition?.(index);
    let group: number[] | undefined;
    if (typeof value === "string") {
      group = strings.get(value);
      if (!group) strings.set(value, (group = []));
    } else if (typeof value === "number") {
      // Map keys compare like String(value) does here: -0 and 0 together, NaN with NaN.
      group = numbers.get(value);
      if (!group) numbers.set(value, (group = []));
    } else {
      const key = partitionKey(value);
      group = others.get(key);
      if (!group) others.set(key, (group = []));
    }
    if (group.length === 0) list.push(group);
    group.push(index);
  }
  return list;
}

/** Sum in the given (input) order, so every runtime adds the same floats in the same sequence. */
export function sumInOrder(input: PopulationInput, indices: readonly number[]): number {
  const { measure } = input;
  let sum = 0;
  for (const i of indices) sum += measure[i]!;
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
