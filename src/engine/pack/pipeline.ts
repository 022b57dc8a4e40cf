import type { LocalizedText } from "../../base";
import { recordProblem, type RunContext } from "./context";
import { pathReader } from "./paths";
import { computePopulation, type PopulationRow } from "./population";
import { evaluateChecked, RuleFailure, upstreamError, type PreparedPack, type RecordError } from "./prepare";
import { planRun, type PopulationStep, type RuleStep, type RunPlan } from "./runPlan";

/** A record that could not be read (a CSV row with a bad cell, a malformed JSONL line). */
export class RejectedRecord {
  constructor(
    readonly errors: RecordError[],
    /** Whatever could be read of it, for the `id` in the output. */
    readonly partial?: Record<string, unknown>,
  ) {}
}

/**
 * Records delivered in batches (arrays), e.g. the lines of one block of a file: {@link runPack} takes
 * them without a promise per record. Chunks, progress and cancellation are the same as for records
 * one by one.
 */
export class RecordBatches {
  constructor(readonly batches: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>) {}
}

/** The output of one record, in input order: `{"id","out","pop","errors"}` (pack-format.md §8). */
export interface RecordResult {
  id: unknown;
  out: Record<string, unknown>;
  pop: Record<string, unknown>;
  errors: RecordError[];
}

/** Progress of a run, reported between chunks. */
export interface RunProgress {
  /** `read`: evaluating rules while records arrive; `population`/`rules`: later passes over held records. */
  phase: "read" | "population" | "rules";
  /** 1-based pass number and the number of passes. */
  pass: number;
  passes: number;
  done: number;
  /** Known once every record has been read (or when the caller gives it). */
  total?: number;
}

/** Cancellation between chunks; an AbortSignal fits. */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface RunOptions {
  params: Record<string, unknown>;
  ctx: RunContext;
  /** Records per chunk: the unit of progress, cancellation and output. Default 4096. */
  chunkSize?: number;
  signal?: CancelSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Number of records when known in advance, for progress. */
  total?: number;
  /**
   * Called between chunks. Workers pass a macrotask yield (e.g. setTimeout 0) so a cancel message can
   * arrive during a long run; the default only yields to microtasks.
   */
  yieldControl?: () => Promise<void>;
  /**
   * The records are fresh objects that nobody else holds (a parser's output): the pipeline adds
   * `params`, `ctx`, `pop` and `out` to each record itself instead of copying it. Leave unset for
   * records the caller keeps, such as a dataset shown in the workbench.
   */
  reuseRecords?: boolean;
}

/** A record the pipeline refuses for the whole dataset (not an object, reserved key). */
export class DatasetError extends Error {
  constructor(
    readonly index: number,
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = "DatasetError";
  }
}

/** The run was cancelled through its signal. */
export class RunCancelled extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "AbortError";
  }
}

/** What the pipeline keeps of one record between steps. */
class Held {
  constructor(
    /** The evaluation context; replaced by its projection when the record is held for later passes. */
    public context: Record<string, unknown>,
    readonly out: Record<string, unknown>,
    readonly pop: Record<string, unknown>,
    public errors: RecordError[] | undefined,
    /** False for rejected records, which take no part in rules or population operators. */
    readonly evaluate: boolean,
  ) {}
}

/** The rules among `upstream` that failed for a record, given its errors so far. */
function failedAmong(upstream: readonly string[], errors: readonly RecordError[]): string[] {
  return upstream.filter((id) => errors.some((e) => e.rule === id));
}

function runRules(steps: readonly RuleStep[], held: Held): void {
  const { context, out } = held;
  for (const step of steps) {
    // Only a record that already has errors can have a failed upstream rule, so records without
    // errors pay one comparison per rule. A failed rule's out is null; computing with it would give
    // NaN or a silent 0, so the dependent is not evaluated and gets its own error instead.
    if (held.errors !== undefined && step.upstream.length > 0) {
      const failed = failedAmong(step.upstream, held.errors);
      if (failed.length > 0) {
        out[step.node.id] = null;
        held.errors.push(upstreamError(step.node.id, failed));
        continue;
      }
    }
    const value = evaluateChecked(step.rule, context);
    if (value instanceof RuleFailure) {
      out[step.node.id] = null;
      (held.errors ??= []).push(value.error);
    } else out[step.node.id] = value;
  }
}

function runPopulation(step: PopulationStep, records: readonly Held[]) {
  const { op } = step;
  const name = op.out.slice("pop.".length);
  const measure = pathReader(op.measure);
  const partition = op.partitionBy === undefined ? undefined : pathReader(op.partitionBy);
  const budget =
    op.op !== "budget_factor"
      ? undefined
      : typeof op.budget === "number"
        ? () => op.budget
        : pathReader(op.budget);
  const rows: PopulationRow[] = records.map((held) => {
    if (!held.evaluate) return { measure: undefined };
    const c = held.context;
    return { measure: measure(c), partition: partition?.(c), id: c.id, budget: budget?.(c) };
  });
  const values = computePopulation(op, rows);
  records.forEach((held, i) => {
    if (held.evaluate) held.pop[name] = values[i] ?? null;
  });
}

function toResult(held: Held, errorRank: RunPlan["errorRank"]): RecordResult {
  const errors = held.errors ?? [];
  // Rules that need no population operator ran first; list the errors in the pack's order.
  if (errorRank && held.evaluate && errors.length > 1)
    errors.sort((a, b) => (errorRank.get(a.rule ?? "") ?? 0) - (errorRank.get(b.rule ?? "") ?? 0));
  return { id: held.context.id ?? null, out: held.out, pop: held.pop, errors };
}

/**
 * Runs a prepared pack over records (pack-format.md §3, §5, §6) and yields results in input order, a
 * chunk at a time. Packs without population operators stream: memory holds one chunk. Population
 * operators need every record, so records are held until the last pass; rules that need no operator
 * are evaluated while reading (see {@link planRun}), and held records keep only the fields later
 * steps read where those reads are statically known, plus `out`, `pop` and errors.
 *
 * @throws DatasetError for a record that is not an object or carries a reserved key.
 * @throws RunCancelled when `signal` is aborted (checked between chunks).
 */
export async function* runPack(
  pack: PreparedPack,
  records: Iterable<unknown> | AsyncIterable<unknown> | RecordBatches,
  options: RunOptions,
): AsyncGenerator<RecordResult[]> {
  const chunkSize = options.chunkSize ?? 4096;
  const plan = planRun(pack.steps);
  const { early, later, errorRank } = plan;
  const streaming = later.length === 0;
  const readPass = early.length > 0 ? 1 : 0;
  const passes = readPass + later.length;
  const pause = options.yieldControl ?? (() => Promise.resolve());
  const checkCancel = () => {
    if (options.signal?.aborted) throw new RunCancelled();
  };
  const progress = (phase: RunProgress["phase"], pass: number, done: number, total?: number) =>
    options.onProgress?.({
      phase,
      pass,
      passes: Math.max(passes, 1),
      done,
      ...(total === undefined ? {} : { total }),
    });
  const result = (held: Held) => toResult(held, errorRank);

  const held: Held[] = [];
  let chunk: Held[] = [];
  let index = 0;
  // Each record is evaluated (and projected) as it arrives rather than a chunk later, so the parsed
  // record is garbage while still young and never reaches the old generation.
  const take = (record: unknown) => {
    const h = admit(record, index, options, plan);
    index++;
    if (readPass && h.evaluate) runRules(early, h);
    if (!streaming && plan.project && h.evaluate) {
      const context = plan.project(h.context);
      context.params = options.params;
      context.ctx = options.ctx;
      context.pop = h.pop;
      context.out = h.out;
      h.context = context;
    }
    chunk.push(h);
  };
  const flushRead = async function* (): AsyncGenerator<RecordResult[]> {
    if (streaming) yield chunk.map(result);
    else for (const h of chunk) held.push(h);
    chunk = [];
    // The read phase is pass 1 when it evaluates rules, and pass 0 when it only collects records.
    progress("read", readPass, index, options.total);
    checkCancel();
    await pause();
  };

  if (records instanceof RecordBatches) {
    for await (const batch of records.batches) {
      for (const record of batch) {
        take(record);
        if (chunk.length >= chunkSize) yield* flushRead();
      }
    }
  } else {
    for await (const record of records) {
      take(record);
      if (chunk.length >= chunkSize) yield* flushRead();
    }
  }
  if (chunk.length > 0 || index === 0) yield* flushRead();
  if (streaming) return;

  for (const [p, pass] of later.entries()) {
    const passNumber = p + readPass + 1;
    const last = p === later.length - 1;
    if (pass.kind === "population") {
      runPopulation(pass.step, held);
      progress("population", passNumber, held.length, held.length);
      checkCancel();
      await pause();
      if (last)
        for (let i = 0; i < held.length; i += chunkSize) yield held.slice(i, i + chunkSize).map(result);
      continue;
    }
    for (let i = 0; i < held.length; i += chunkSize) {
      const part = held.slice(i, i + chunkSize);
      for (const h of part) if (h.evaluate) runRules(pass.steps, h);
      if (last) yield part.map(result);
      progress("rules", passNumber, Math.min(i + chunkSize, held.length), held.length);
      checkCancel();
      await pause();
    }
  }
}

function admit(record: unknown, index: number, options: RunOptions, plan: RunPlan): Held {
  if (record instanceof RejectedRecord) {
    return new Held({ id: record.partial?.id ?? null }, {}, {}, record.errors, false);
  }
  const problem = recordProblem(record, index);
  if (problem) throw new DatasetError(index, problem);
  const out: Record<string, unknown> = plan.templates ? { ...plan.templates.out } : {};
  const pop: Record<string, unknown> = plan.templates ? { ...plan.templates.pop } : {};
  let context: Record<string, unknown>;
  if (options.reuseRecords) {
    context = record as Record<string, unknown>;
    context.params = options.params;
    context.ctx = options.ctx;
    context.pop = pop;
    context.out = out;
  } else {
    context = { ...(record as Record<string, unknown>), params: options.params, ctx: options.ctx, pop, out };
  }
  return new Held(context, out, pop, undefined, true);
}
