import type { LocalizedText } from "../../base";
import { recordProblem, type RunContext } from "./context";
import { pathReader } from "./paths";
import { computePopulation, computePopulationInput, type PopulationRow } from "./population";
import { evaluateChecked, RuleFailure, upstreamError, type PreparedPack, type RecordError } from "./prepare";
import { ABSENT, HeldStore, OBJECT, type Column, type HeldData, type InputNode } from "./heldStore";
import { errorsText, member, resultLine, valueText } from "./resultLine";
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
  /**
   * `false` holds records for population passes as objects (one per record) instead of typed-array
   * columns: the straightforward form the columnar one is tested against. Default `true`; packs whose
   * reads are not all statically known always hold objects.
   */
  columnar?: boolean;
  /**
   * Records held elsewhere that follow `records` (another thread's part of the input, see
   * {@link readHeldPart}): called once `records` are read, with their count; its records are appended
   * before the population passes. Only for packs {@link holdsInColumns} accepts. Several parts
   * (several threads) are appended in the order given.
   */
  append?: (count: number) => Promise<HeldData | readonly HeldData[]>;
  /**
   * About how many records the run will hold (its own and appended ones), e.g. estimated from a
   * file's size: the columns are sized for that many once instead of doubling (which briefly holds
   * both copies). Only a hint; more records still fit.
   */
  expectedRecords?: number;
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

/** One chunk of output lines of {@link runPackLines}. */
export interface LineChunk {
  /** The lines, each ending in a line break. */
  text: string;
  /** Records in the chunk. */
  count: number;
  /** The errors of each record of the chunk that has any. */
  errors: RecordError[][];
  /** With `withResults`: the chunk's results as objects too (guardrails read them). */
  results?: RecordResult[];
}

/** A chunk of output, rendered on demand as result objects or as lines. */
interface Emitted {
  results(): RecordResult[];
  lines(): LineChunk;
}

function emitHeld(chunk: readonly Held[], errorRank: RunPlan["errorRank"]): Emitted {
  return {
    results: () => chunk.map((h) => toResult(h, errorRank)),
    lines: () => {
      let text = "";
      const errors: RecordError[][] = [];
      for (const h of chunk) {
        const result = toResult(h, errorRank);
        text += resultLine(result) + "\n";
        if (result.errors.length > 0) errors.push(result.errors);
      }
      return { text, count: chunk.length, errors };
    },
  };
}

/**
 * Runs a prepared pack over records (pack-format.md §3, §5, §6) and yields results in input order, a
 * chunk at a time. Packs without population operators stream: memory holds one chunk. Population
 * operators need every record, so records are held until the last pass; rules that need no operator
 * are evaluated while reading (see {@link planRun}), and held records keep only the fields later
 * steps read where those reads are statically known, plus `out`, `pop` and errors, in typed-array
 * columns (heldStore.ts).
 *
 * @throws DatasetError for a record that is not an object or carries a reserved key.
 * @throws RunCancelled when `signal` is aborted (checked between chunks).
 */
export async function* runPack(
  pack: PreparedPack,
  records: Iterable<unknown> | AsyncIterable<unknown> | RecordBatches,
  options: RunOptions,
): AsyncGenerator<RecordResult[]> {
  for await (const chunk of run(pack, records, options)) yield chunk.results();
}

/**
 * {@link runPack} writing `crw eval` lines ({@link resultLine}) instead of result objects: the same
 * text, without building an object per record for held records.
 */
export async function* runPackLines(
  pack: PreparedPack,
  records: Iterable<unknown> | AsyncIterable<unknown> | RecordBatches,
  options: RunOptions & { withResults?: boolean },
): AsyncGenerator<LineChunk> {
  for await (const chunk of run(pack, records, options)) {
    const lines = chunk.lines();
    yield options.withResults ? { ...lines, results: chunk.results() } : lines;
  }
}

async function* run(
  pack: PreparedPack,
  records: Iterable<unknown> | AsyncIterable<unknown> | RecordBatches,
  options: RunOptions,
): AsyncGenerator<Emitted> {
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
  // Held records go into columns when every read is statically known (the usual case).
  const store =
    !streaming && plan.templates && plan.keep && options.columnar !== false
      ? new HeldStore(Object.keys(plan.templates.out), Object.keys(plan.templates.pop), plan.keep)
      : undefined;

  const held: Held[] = [];
  let chunk: Held[] = [];
  let index = 0;
  // Each record is evaluated (and projected) as it arrives rather than a chunk later, so the parsed
  // record is garbage while still young and never reaches the old generation.
  const take = (record: unknown) => {
    const h = admit(record, index, options, plan);
    index++;
    if (readPass && h.evaluate) runRules(early, h);
    if (store) {
      hold(store, h, record);
      return;
    }
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
  let taken = 0;
  const flushRead = async function* (): AsyncGenerator<Emitted> {
    if (streaming) yield emitHeld(chunk, errorRank);
    else for (const h of chunk) held.push(h);
    chunk = [];
    taken = index;
    // The read phase is pass 1 when it evaluates rules, and pass 0 when it only collects records.
    progress("read", readPass, index, options.total);
    checkCancel();
    await pause();
  };

  if (records instanceof RecordBatches) {
    for await (const batch of records.batches) {
      for (const record of batch) {
        take(record);
        if (index - taken >= chunkSize) yield* flushRead();
      }
    }
  } else {
    for await (const record of records) {
      take(record);
      if (index - taken >= chunkSize) yield* flushRead();
    }
  }
  if (index - taken > 0 || index === 0) yield* flushRead();
  if (streaming) return;
  if (options.append) {
    if (!store) throw new Error("runPack: append needs a pack whose held records go into columns");
    const parts = await options.append(store.count);
    const list: readonly HeldData[] = Array.isArray(parts) ? parts : [parts as HeldData];
    for (const part of list) store.append(part);
    progress("read", readPass, store.count, options.total);
  }
  if (store) {
    yield* laterPasses(store, plan, options, chunkSize, readPass, progress, checkCancel, pause);
    return;
  }

  for (const [p, pass] of later.entries()) {
    const passNumber = p + readPass + 1;
    const last = p === later.length - 1;
    if (pass.kind === "population") {
      runPopulation(pass.step, held);
      progress("population", passNumber, held.length, held.length);
      checkCancel();
      await pause();
      if (last)
        for (let i = 0; i < held.length; i += chunkSize)
          yield emitHeld(held.slice(i, i + chunkSize), errorRank);
      continue;
    }
    for (let i = 0; i < held.length; i += chunkSize) {
      const part = held.slice(i, i + chunkSize);
      for (const h of part) if (h.evaluate) runRules(pass.steps, h);
      if (last) yield emitHeld(part, errorRank);
      progress("rules", passNumber, Math.min(i + chunkSize, held.length), held.length);
      checkCancel();
      await pause();
    }
  }
}

function storeFor(plan: RunPlan, expected?: number): HeldStore | undefined {
  if (plan.later.length === 0 || !plan.templates || !plan.keep) return undefined;
  return new HeldStore(Object.keys(plan.templates.out), Object.keys(plan.templates.pop), plan.keep, expected);
}

/**
 * Whether a run of `pack` holds records in columns, so its input can be read in parts on several
 * threads ({@link readHeldPart}, `append`): it has population operators and every read is static.
 */
export function holdsInColumns(pack: PreparedPack): boolean {
  return storeFor(planRun(pack.steps)) !== undefined;
}

/** What {@link readHeldPart} gives: the part's held records, or the first record the run refuses. */
export type HeldPart =
  { ok: true; data: HeldData; transfer: ArrayBuffer[] } | { ok: false; index: number; record: unknown };

/**
 * The read phase of a run on one part of the input: each record admitted, its early rules run and
 * held in columns, exactly as {@link runPack} does with the whole input. Another thread runs it on
 * the later part of a file and hands the data to the run's `append`. A refused record comes back
 * with its index in the part, for the caller to report (pack-format.md §3) at its place in the input.
 */
export async function readHeldPart(
  pack: PreparedPack,
  records: Iterable<unknown> | AsyncIterable<unknown> | RecordBatches,
  options: RunOptions,
): Promise<HeldPart> {
  const plan = planRun(pack.steps);
  const store = storeFor(plan, options.expectedRecords);
  if (!store) throw new Error("readHeldPart: this pack's held records do not go into columns");
  let index = 0;
  const take = (record: unknown): HeldPart | undefined => {
    let h: Held;
    try {
      h = admit(record, index, options, plan);
    } catch (error) {
      if (error instanceof DatasetError) return { ok: false, index, record };
      throw error;
    }
    index++;
    if (plan.early.length > 0 && h.evaluate) runRules(plan.early, h);
    hold(store, h, record);
    return undefined;
  };
  if (records instanceof RecordBatches) {
    for await (const batch of records.batches)
      for (const record of batch) {
        const refused = take(record);
        if (refused) return refused;
      }
  } else {
    for await (const record of records) {
      const refused = take(record);
      if (refused) return refused;
    }
  }
  return { ok: true, ...store.toData() };
}

/** Moves a record that was read (and had its early rules run) into the columns. */
function hold(store: HeldStore, h: Held, record: unknown): void {
  const i = store.add();
  if (h.evaluate) {
    const context = h.context;
    store.ids[i] = Object.prototype.hasOwnProperty.call(context, "id") ? context.id : undefined;
    store.evaluated[i] = 1;
    const { out, outNames } = store;
    for (let c = 0; c < out.length; c++) out[c]!.set(i, h.out[outNames[c]!]);
    store.putInput(i, record as Record<string, unknown>);
  } else {
    store.ids[i] = h.context.id;
    store.evaluated[i] = 0;
  }
  if (h.errors !== undefined) store.errors.set(i, h.errors);
}

/** The passes after reading, over the columns, then the output in chunks. */
async function* laterPasses(
  store: HeldStore,
  plan: RunPlan,
  options: RunOptions,
  chunkSize: number,
  readPass: number,
  progress: (phase: RunProgress["phase"], pass: number, done: number, total?: number) => void,
  checkCancel: () => void,
  pause: () => Promise<void>,
): AsyncGenerator<Emitted> {
  const templates = plan.templates!;
  const n = store.count;
  const base = { params: options.params, ctx: options.ctx };
  const context = (i: number): Held => {
    const out = store.valuesObject(store.out, templates.out, i);
    const pop = store.valuesObject(store.pop, templates.pop, i);
    const c = store.inputObject(i);
    c.params = options.params;
    c.ctx = options.ctx;
    c.pop = pop;
    c.out = out;
    return new Held(c, out, pop, store.errors.get(i), true);
  };
  const output = (start: number) => storeChunk(store, plan, templates, start, Math.min(start + chunkSize, n));
  for (const [p, pass] of plan.later.entries()) {
    const passNumber = p + readPass + 1;
    const last = p === plan.later.length - 1;
    if (pass.kind === "population") {
      const { op } = pass.step;
      const read = (path: string) => storeReader(store, path, base, context);
      const measure = read(op.measure);
      const partition = op.partitionBy === undefined ? undefined : read(op.partitionBy);
      const budget =
        op.op !== "budget_factor"
          ? undefined
          : typeof op.budget === "number"
            ? () => op.budget
            : read(op.budget);
      // Measures in a typed array; partition values, ids and budgets read from the columns on demand.
      const measures = new Float64Array(n);
      const finite = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        if (!store.evaluated[i]) continue;
        const m = measure(i);
        if (typeof m === "number" && Number.isFinite(m)) {
          measures[i] = m;
          finite[i] = 1;
        }
      }
      const values = computePopulationInput(op, {
        count: n,
        measure: measures,
        finite,
        ...(partition ? { partition } : {}),
        id: (i) => store.ids[i],
        ...(budget ? { budget } : {}),
      });
      const column = store.pop[store.popIndex.get(op.out.slice("pop.".length))!]!;
      for (let i = 0; i < n; i++) if (store.evaluated[i]) column.set(i, values[i] ?? null);
      progress("population", passNumber, n, n);
      checkCancel();
      await pause();
      if (last) for (let start = 0; start < n; start += chunkSize) yield output(start);
      continue;
    }
    const columns = pass.steps.map((s) => store.out[store.outIndex.get(s.node.id)!]!);
    // One `out` and one `pop` object for the whole pass, refilled per record: their keys never change
    // (the templates), rules only read them, and rule values are primitives, so no record can see
    // another's values.
    const out = { ...templates.out } as Record<string, unknown>;
    const pop = { ...templates.pop } as Record<string, unknown>;
    for (let start = 0; start < n; start += chunkSize) {
      const end = Math.min(start + chunkSize, n);
      for (let i = start; i < end; i++) {
        if (!store.evaluated[i]) continue;
        store.fill(out, store.out, i);
        store.fill(pop, store.pop, i);
        const c = store.inputObject(i);
        c.params = options.params;
        c.ctx = options.ctx;
        c.pop = pop;
        c.out = out;
        const h = new Held(c, out, pop, store.errors.get(i), true);
        runRules(pass.steps, h);
        pass.steps.forEach((s, k) => columns[k]!.set(i, h.out[s.node.id]));
        if (h.errors !== undefined) store.errors.set(i, h.errors);
      }
      if (last) yield output(start);
      progress("rules", passNumber, end, n);
      checkCancel();
      await pause();
    }
  }
}

/**
 * A reader of `path` in the context of held record `i`, as {@link pathReader} reads the projected
 * context: straight from a column where the path names one, else from the rebuilt context.
 */
function storeReader(
  store: HeldStore,
  path: string,
  base: { params: unknown; ctx: unknown },
  context: (i: number) => Held,
): (i: number) => unknown {
  const segments = path.split(".");
  const [head, name] = segments;
  const rest = segments.slice(2).join(".");
  const inner = rest === "" ? undefined : pathReader(rest);
  if ((head === "out" || head === "pop") && name !== undefined) {
    const index = (head === "out" ? store.outIndex : store.popIndex).get(name);
    const column = index === undefined ? undefined : (head === "out" ? store.out : store.pop)[index];
    if (column) return inner ? (i) => inner(column.get(i)) : (i) => column.get(i);
  }
  if ((head === "params" || head === "ctx") && segments.length > 1) {
    const r = pathReader(path);
    return () => r(base);
  }
  const node = head === undefined ? undefined : store.input.find((x) => x.key === head);
  if (node && head !== "out" && head !== "pop" && head !== "params" && head !== "ctx") {
    return inputReader(store, node, segments.slice(1));
  }
  const r = pathReader(path);
  return (i) => r(context(i).context);
}

function inputReader(store: HeldStore, node: InputNode, rest: readonly string[]): (i: number) => unknown {
  const tail = rest.length === 0 ? undefined : pathReader(rest.join("."));
  const child = rest.length === 0 ? undefined : node.children?.find((x) => x.key === rest[0]);
  const below = child ? inputReader(store, child, rest.slice(1)) : undefined;
  return (i) => {
    const tag = node.column.tags[i];
    if (tag === ABSENT) return undefined;
    if (tag === OBJECT) {
      if (rest.length === 0) return store.inputObject(i, node.children);
      return below ? below(i) : undefined;
    }
    const value = node.column.get(i);
    return tail ? tail(value) : value;
  };
}

/** Output of held records [start, end) from the columns. */
function storeChunk(
  store: HeldStore,
  plan: RunPlan,
  templates: NonNullable<RunPlan["templates"]>,
  start: number,
  end: number,
): Emitted {
  const { errorRank } = plan;
  const errorsOf = (i: number): RecordError[] => {
    const errors = store.errors.get(i) ?? [];
    if (errorRank && store.evaluated[i] && errors.length > 1)
      errors.sort((a, b) => (errorRank.get(a.rule ?? "") ?? 0) - (errorRank.get(b.rule ?? "") ?? 0));
    return errors;
  };
  return {
    results: () => {
      const results: RecordResult[] = [];
      for (let i = start; i < end; i++) {
        const evaluated = store.evaluated[i] === 1;
        results.push({
          id: store.ids[i] ?? null,
          out: evaluated ? store.valuesObject(store.out, templates.out, i) : {},
          pop: evaluated ? store.valuesObject(store.pop, templates.pop, i) : {},
          errors: errorsOf(i),
        });
      }
      return results;
    },
    lines: () => {
      const outMembers = store.outNames.map(member);
      const popMembers = store.popNames.map(member);
      const object = (columns: readonly Column[], members: readonly string[], i: number) => {
        let text = "{";
        for (let c = 0; c < columns.length; c++) {
          const value = columns[c]!.text(i);
          if (value === undefined) continue;
          text += (text.length === 1 ? "" : ",") + members[c]! + value;
        }
        return text + "}";
      };
      let text = "";
      const errors: RecordError[][] = [];
      for (let i = start; i < end; i++) {
        const evaluated = store.evaluated[i] === 1;
        const recordErrors = errorsOf(i);
        if (recordErrors.length > 0) errors.push(recordErrors);
        const id = valueText(store.ids[i] ?? null);
        text +=
          (id === undefined ? "{" : `{"id":${id},`) +
          `"out":${evaluated ? object(store.out, outMembers, i) : "{}"},` +
          `"pop":${evaluated ? object(store.pop, popMembers, i) : "{}"},` +
          `"errors":${errorsText(recordErrors)}}\n`;
      }
      return { text, count: end - start, errors };
    },
  };
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
