import type { LocalizedText } from "../../base";
import { recordProblem, type RunContext } from "./context";
import { getPath } from "./paths";
import { computePopulation, type PopulationRow } from "./population";
import { evaluateRule, type PreparedPack, type PreparedStep, type RecordError } from "./prepare";
import { neededFields, project } from "./projection";

/** A record that could not be read (a CSV row with a bad cell, a malformed JSONL line). */
export class RejectedRecord {
  constructor(
    readonly errors: RecordError[],
    /** Whatever could be read of it, for the `id` in the output. */
    readonly partial?: Record<string, unknown>,
  ) {}
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

interface Held {
  context: Record<string, unknown>;
  out: Record<string, unknown>;
  pop: Record<string, unknown>;
  errors: RecordError[];
  evaluate: boolean;
}

type Pass =
  | { kind: "rules"; steps: PreparedStep[] }
  | { kind: "population"; step: PreparedStep & { kind: "population" } };

/** Splits the order into passes: runs of rules, and each population operator on its own. */
function passesOf(steps: readonly PreparedStep[]): Pass[] {
  const passes: Pass[] = [];
  for (const step of steps) {
    const last = passes[passes.length - 1];
    if (step.kind === "population") passes.push({ kind: "population", step });
    else if (last?.kind === "rules") last.steps.push(step);
    else passes.push({ kind: "rules", steps: [step] });
  }
  return passes;
}

function runRules(steps: readonly PreparedStep[], held: Held): void {
  if (!held.evaluate) return;
  for (const step of steps) {
    if (step.kind !== "rule") continue;
    const { value, error } = evaluateRule(step.rule, held.context);
    held.out[step.rule.rule.id] = value;
    if (error) held.errors.push(error);
  }
}

function runPopulation(step: PreparedStep & { kind: "population" }, records: Held[]) {
  const { op } = step;
  const name = op.out.slice("pop.".length);
  const fixedBudget = op.op === "budget_factor" && typeof op.budget === "number" ? op.budget : undefined;
  const rows: PopulationRow[] = records.map((held) => {
    if (!held.evaluate) return { measure: undefined };
    const c = held.context;
    return {
      measure: getPath(c, op.measure),
      partition: op.partitionBy === undefined ? undefined : getPath(c, op.partitionBy),
      id: c.id,
      budget: op.op !== "budget_factor" ? undefined : (fixedBudget ?? getPath(c, op.budget as string)),
    };
  });
  const values = computePopulation(op, rows);
  records.forEach((held, i) => {
    if (held.evaluate) held.pop[name] = values[i] ?? null;
  });
}

function toResult(held: Held): RecordResult {
  return { id: held.context.id ?? null, out: held.out, pop: held.pop, errors: held.errors };
}

/**
 * Runs a prepared pack over records (pack-format.md §3, §5, §6) and yields results in input order, a
 * chunk at a time. Packs without population operators stream: memory holds one chunk. Population
 * operators need every record, so records are held from the first operator on; fields that later
 * steps never read are dropped from held records where the reads are statically known.
 *
 * @throws DatasetError for a record that is not an object or carries a reserved key.
 * @throws RunCancelled when `signal` is aborted (checked between chunks).
 */
export async function* runPack(
  pack: PreparedPack,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options: RunOptions,
): AsyncGenerator<RecordResult[]> {
  const chunkSize = options.chunkSize ?? 4096;
  const passes = passesOf(pack.steps);
  const streaming = passes.every((p) => p.kind === "rules");
  const first = passes[0]?.kind === "rules" ? passes[0] : undefined;
  const later = passes.slice(first ? 1 : 0);
  const keep = streaming
    ? undefined
    : neededFields(later.flatMap((p) => (p.kind === "rules" ? p.steps : [p.step])));
  const pause = options.yieldControl ?? (() => Promise.resolve());
  const checkCancel = () => {
    if (options.signal?.aborted) throw new RunCancelled();
  };
  const progress = (phase: RunProgress["phase"], pass: number, done: number, total?: number) =>
    options.onProgress?.({
      phase,
      pass,
      passes: Math.max(passes.length, 1),
      done,
      ...(total === undefined ? {} : { total }),
    });

  const held: Held[] = [];
  let chunk: Held[] = [];
  let index = 0;
  const flushRead = async function* (): AsyncGenerator<RecordResult[]> {
    if (first) for (const h of chunk) runRules(first.steps, h);
    if (streaming) yield chunk.map(toResult);
    else {
      for (const h of chunk) {
        if (keep)
          h.context = {
            ...project(h.context, keep),
            params: options.params,
            ctx: options.ctx,
            pop: h.pop,
            out: h.out,
          };
        held.push(h);
      }
    }
    chunk = [];
    // The read phase is pass 1 when it evaluates rules, and pass 0 when it only collects records.
    progress("read", first ? 1 : 0, index, options.total);
    checkCancel();
    await pause();
  };

  for await (const record of records) {
    chunk.push(admit(record, index, options));
    index++;
    if (chunk.length >= chunkSize) yield* flushRead();
  }
  if (chunk.length > 0 || index === 0) yield* flushRead();
  if (streaming) return;

  for (const [p, pass] of later.entries()) {
    const passNumber = p + (first ? 2 : 1);
    const last = p === later.length - 1;
    if (pass.kind === "population") {
      runPopulation(pass.step, held);
      progress("population", passNumber, held.length, held.length);
      checkCancel();
      await pause();
      if (last)
        for (let i = 0; i < held.length; i += chunkSize) yield held.slice(i, i + chunkSize).map(toResult);
      continue;
    }
    for (let i = 0; i < held.length; i += chunkSize) {
      const part = held.slice(i, i + chunkSize);
      for (const h of part) runRules(pass.steps, h);
      if (last) yield part.map(toResult);
      progress("rules", passNumber, Math.min(i + chunkSize, held.length), held.length);
      checkCancel();
      await pause();
    }
  }
}

function admit(record: unknown, index: number, options: RunOptions): Held {
  if (record instanceof RejectedRecord) {
    const context: Record<string, unknown> = { id: record.partial?.id ?? null };
    return { context, out: {}, pop: {}, errors: record.errors, evaluate: false };
  }
  const problem = recordProblem(record, index);
  if (problem) throw new DatasetError(index, problem);
  const out: Record<string, unknown> = {};
  const pop: Record<string, unknown> = {};
  const context = {
    ...(record as Record<string, unknown>),
    params: options.params,
    ctx: options.ctx,
    pop,
    out,
  };
  return { context, out, pop, errors: [], evaluate: true };
}
