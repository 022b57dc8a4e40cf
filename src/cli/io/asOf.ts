/**
 * The evaluation date of a run (`ctx.as_of`). Results of rules that read `ctx` (an annual review in
 * December, a birthday month) depend on it, so a run without `--as-of` must not silently take the day
 * it happens to run: it takes the date the data was extracted for, the first record's `as_of`, and only
 * falls back to today (with a note) when the records carry none.
 */
import { makeRunContext, RecordBatches, type RunContext } from "../../engine";
import { CliError } from "./files";

/** Where the run's date came from. */
export type AsOfSource = "option" | "records" | "today";

export interface RunDate {
  ctx: RunContext;
  source: AsOfSource;
  /** The records to run, the peeked first batch included. */
  records: RecordBatches;
  /** Records read so far whose own `as_of` differs from `ctx.as_of` (counted only for `records`). */
  mismatches(): number;
}

/** Today's date in UTC as YYYY-MM-DD, the last resort for data without `as_of`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function recordAsOf(record: unknown): unknown {
  return record !== null && typeof record === "object" && !Array.isArray(record)
    ? (record as { as_of?: unknown }).as_of
    : undefined;
}

/**
 * Decides `ctx` for a run: `--as-of` when given; otherwise the first record's `as_of` (the first batch is
 * read ahead and handed on, so nothing is read twice); otherwise today. With a date from the records,
 * the returned records count those whose `as_of` differs, so the command can say so.
 */
export async function resolveRunDate(option: string | undefined, records: RecordBatches): Promise<RunDate> {
  if (option !== undefined) {
    const ctx = makeRunContext(option);
    if (!ctx.ok) throw new CliError(`--as-of: ${ctx.error.en}`);
    return { ctx: ctx.value, source: "option", records, mismatches: () => 0 };
  }
  const iterator = toAsyncIterator(records.batches);
  const ahead: (readonly unknown[])[] = [];
  let first: unknown;
  let found = false;
  while (!found) {
    const next = await iterator.next();
    if (next.done === true) break;
    ahead.push(next.value);
    if (next.value.length > 0) {
      first = next.value[0];
      found = true;
    }
  }
  const candidate = recordAsOf(first);
  const fromRecords = typeof candidate === "string" ? makeRunContext(candidate) : undefined;
  const chosen = fromRecords?.ok ? fromRecords : makeRunContext(today());
  if (!chosen.ok) throw new Error(`today's date ${today()} is not a run date`);
  const ctx = chosen.value;
  const source: AsOfSource = fromRecords?.ok ? "records" : "today";
  let mismatches = 0;
  const count = (batch: readonly unknown[]): readonly unknown[] => {
    if (source === "records")
      for (const record of batch) {
        const own = recordAsOf(record);
        if (typeof own === "string" && own !== ctx.as_of) mismatches++;
      }
    return batch;
  };
  async function* replay(): AsyncGenerator<readonly unknown[]> {
    for (const batch of ahead) yield count(batch);
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
      yield count(next.value);
  }
  return { ctx, source, records: new RecordBatches(replay()), mismatches: () => mismatches };
}

/** The note for stderr that says where `ctx.as_of` came from when `--as-of` was not given. */
export function runDateNote(command: string, date: RunDate): string | undefined {
  if (date.source === "today")
    return `${command}: ctx.as_of is today (${date.ctx.as_of}) because the records carry no as_of; pass --as-of YYYY-MM-DD for results that do not depend on the day you run them.`;
  const other = date.mismatches();
  if (date.source === "records" && other > 0)
    return `${command}: ctx.as_of ${date.ctx.as_of} comes from the first record, but ${other} records carry another as_of; pass --as-of YYYY-MM-DD to choose the evaluation date.`;
  return undefined;
}

function toAsyncIterator<T>(source: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}
