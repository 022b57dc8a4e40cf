/**
 * The evaluation date of a run (`ctx.as_of`). Results of rules that read `ctx` (an annual review in
 * December, a birthday month) depend on it, so a run without an explicit date must not silently take the
 * day it happens to run: it takes the date the data was extracted for, the first record's `as_of`, and
 * only falls back to today (which the caller should point out) when the records carry none. `crw eval`,
 * `crw pack diff` and the embeddable runtime decide it here.
 */
import type { LocalizedText } from "../../base";
import { makeRunContext, type RunContext } from "./context";
import { RecordBatches } from "./pipeline";

/** Where the run's date came from: given by the caller, the first record's `as_of`, or today. */
export type AsOfSource = "option" | "records" | "today";

/** Records as {@link runPack} takes them. */
export type RunRecords = Iterable<unknown> | AsyncIterable<unknown> | RecordBatches;

export interface RunDate {
  ctx: RunContext;
  source: AsOfSource;
  /** The records to run, the peeked first record included; batches stay batches. */
  records: RunRecords;
  /** Records read so far whose own `as_of` differs from `ctx.as_of` (counted only for `records`). */
  mismatches(): number;
}

/** A date given for the run that is not a calendar date in the form YYYY-MM-DD. */
export class RunDateError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "RunDateError";
  }
}

/** Today's date in UTC as YYYY-MM-DD, the last resort for data without `as_of`. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function recordAsOf(record: unknown): unknown {
  return record !== null && typeof record === "object" && !Array.isArray(record)
    ? (record as { as_of?: unknown }).as_of
    : undefined;
}

/**
 * Decides `ctx` for a run: `asOf` when given; otherwise the first record's `as_of` (read ahead and handed
 * on, so nothing is read twice); otherwise `today()`. With a date from the records, the returned records
 * count those whose `as_of` differs, so the caller can say so.
 *
 * @throws RunDateError when `asOf` is given and is not a date.
 */
export async function resolveRunDate(
  asOf: string | undefined,
  records: RunRecords,
  today: () => string = todayUtc,
): Promise<RunDate> {
  if (asOf !== undefined) {
    const ctx = makeRunContext(asOf);
    if (!ctx.ok) throw new RunDateError(ctx.error);
    return { ctx: ctx.value, source: "option", records, mismatches: () => 0 };
  }
  const batched = records instanceof RecordBatches;
  const iterator = toAsyncIterator<unknown>(batched ? records.batches : (records as Iterable<unknown>));
  // Read ahead to the first record: the first non-empty batch, or the first record.
  const ahead: unknown[] = [];
  let first: unknown;
  for (let found = false; !found;) {
    const next = await iterator.next();
    if (next.done === true) break;
    ahead.push(next.value);
    if (!batched) [first, found] = [next.value, true];
    else if ((next.value as readonly unknown[]).length > 0) {
      [first, found] = [(next.value as readonly unknown[])[0], true];
    }
  }
  const candidate = recordAsOf(first);
  const fromRecords = typeof candidate === "string" ? makeRunContext(candidate) : undefined;
  const chosen = fromRecords?.ok ? fromRecords : makeRunContext(today());
  if (!chosen.ok) throw new RunDateError(chosen.error);
  const ctx = chosen.value;
  const source: AsOfSource = fromRecords?.ok ? "records" : "today";
  let mismatches = 0;
  const count = (record: unknown): void => {
    const own = recordAsOf(record);
    if (typeof own === "string" && own !== ctx.as_of) mismatches++;
  };
  const counted = (item: unknown): unknown => {
    if (source === "records") {
      if (batched) for (const record of item as readonly unknown[]) count(record);
      else count(item);
    }
    return item;
  };
  async function* replay(): AsyncGenerator<unknown> {
    for (const item of ahead) yield counted(item);
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
      yield counted(next.value);
  }
  const rest = batched ? new RecordBatches(replay() as AsyncIterable<readonly unknown[]>) : replay();
  return { ctx, source, records: rest, mismatches: () => mismatches };
}

function toAsyncIterator<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}
