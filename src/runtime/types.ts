/**
 * The public types of the embeddable runtime. They are declared here on their own (not re-exported from
 * the engine) so the published declarations are self-contained; the runtime's implementation assigns
 * the engine's values to them, so the compiler flags any drift.
 */

/** A value of `out.<id>` or `pop.<name>` in a result: what a rule output or population operator holds. */
export type ResultValue = string | number | boolean | null;

/** One entry of a result's `errors`, exactly as a `crw eval` line carries it. */
export interface ResultError {
  /** The rule whose evaluation or output check failed. */
  rule?: string;
  /** Stable code such as `output/not-finite`, `rule/evaluation`, `rule/upstream`. */
  code: string;
  /** English message, as `crw eval` writes it. */
  message: string;
  line?: number;
  column?: number;
}

/** The result of one record: a `crw eval` output line as an object, `{ id, out, pop, errors }`. */
export interface ResultLine {
  /** The record's `id`; absent when the record has none. */
  id?: unknown;
  /** Every rule's checked output, in the pack's order; `null` where the rule failed for the record. */
  out: Record<string, ResultValue>;
  /** Every population operator's value for the record, in the pack's order. */
  pop: Record<string, ResultValue>;
  errors: ResultError[];
}

/** Cancellation between chunks of records; an `AbortSignal` fits. */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface LoadOptions {
  /**
   * Also run every rule's embedded tests and refuse the pack when one fails, as `crw pack verify` does.
   * Default `true`. Schema, integrity (the content hashes to the recorded `integrity`) and the stored
   * evaluation order are always checked: a pack that changed after it was built never runs.
   */
  verify?: boolean;
  /** Name of the pack in problem locations (`name:line:col`). Default `pack.json`. */
  name?: string;
}

export interface EvaluateOptions {
  /** Overrides of the pack's parameter defaults, typed as declared (`{ rebate_budget: 5e7 }`). */
  params?: Record<string, unknown>;
  /**
   * Evaluation date `YYYY-MM-DD` for `ctx.as_of` and `ctx.eval_month`. Default, as `crw eval`: the first
   * record's `as_of`, else today in UTC (the summary's `asOf` says which).
   */
  asOf?: string;
  /** Records per chunk, the unit of output and cancellation. Default 4096. */
  chunkSize?: number;
  signal?: CancelSignal;
}

export interface ExplainOptions {
  /** As for {@link RuntimePack.evaluate}; pass the same ones the result came from. */
  params?: Record<string, unknown>;
  /** As for {@link RuntimePack.evaluate}; default the record's own `as_of`, else today in UTC. */
  asOf?: string;
  /**
   * The record's result from `evaluate`. Needed for a rule that depends on a population operator
   * (whose values come from the whole dataset); without it the record is evaluated on its own.
   */
  result?: ResultLine;
  /** Element evaluations traced per array operator (map, filter, reduce, ...). Default 50. */
  maxIterations?: number;
}

/** One node of an evaluation trace: a sub-expression of the rule's logic and its value. */
export interface TraceNode {
  /** The operator; `"literal"` for a plain value, `"array"` for an array of expressions. */
  op: string;
  /** RFC 6901 pointer to this expression inside the rule's `logic`. */
  pointer: string;
  args: TraceNode[];
  /** Whether this expression ran (untaken `if` branches and short-circuited operands did not). */
  evaluated: boolean;
  value?: unknown;
  error?: string;
  /** For array operators: the body's trace per element, up to `maxIterations`. */
  iterations?: { data: unknown; node: TraceNode }[];
}

/** Why a rule gave a record its value. */
export interface Explanation {
  rule: string;
  /** What `out.<rule>` holds for the record (after rounding and the other output checks). */
  value: ResultValue;
  /** The rule's error for the record, when it failed. */
  error?: ResultError;
  /**
   * The evaluation of the rule's logic on the record's context, every sub-expression with its value;
   * the root's value is the value before the output checks. Absent when the rule was not evaluated
   * because a rule it reads failed (`rule/upstream`).
   */
  trace?: TraceNode;
  /** The context the logic saw: the record's fields with `params`, `ctx`, `pop` and `out`. */
  context: Record<string, unknown>;
}

/** Totals of one output over a run. */
export type OutputSummary =
  /** Numeric rule outputs: the exact decimal sum, with the output's `decimals`. */
  | { kind: "total"; total: string; count: number; nonzero: number; nulls: number }
  /** String and boolean outputs and class labels: records per value (`null` for failed records). */
  | { kind: "counts"; counts: Record<string, number> }
  /** Numeric population values (ranks, shares, factors), where a sum means nothing. */
  | {
      kind: "stats";
      count: number;
      /** `null` when no record has a number. */
      min: number | null;
      mean: number | null;
      max: number | null;
      nulls: number;
    };

/** A record a failed guardrail names, with the values its condition or total read. */
export interface GuardrailOffender {
  id: unknown;
  values: Record<string, unknown>;
}

/** What one of the pack's guardrails (`x-guardrails`) found over a run. */
export interface GuardrailOutcome {
  id: string;
  kind: "total" | "none" | "share" | "count";
  title?: { en: string; "zh-CN"?: string };
  passed: boolean;
  /** total: the exact decimal sum; share: the share as a decimal; count and none: records matching. */
  actual: string;
  /** The bounds as resolved for the run's parameters, and the parameter each came from. */
  max?: { value: string; param?: string };
  min?: { value: string; param?: string };
  records: number;
  matched: number;
  /** The records named as the cause of a failure (at most 100). */
  offending: GuardrailOffender[];
  offendingCount: number;
  /** Records whose condition could not be evaluated (counted as not matching). */
  errors: number;
  /** What was checked and found, in English and Chinese. */
  message: { en: string; "zh-CN"?: string };
}

/** What a run gave, over all its records. */
export interface RunSummary {
  records: number;
  /** Records with at least one error. */
  withErrors: number;
  /** Errors per code. */
  errors: Record<string, number>;
  /** Where the evaluation date came from (streams only; `summarize` does not know it). */
  asOf?: { date: string; source: "option" | "records" | "today"; mismatches: number };
  /** Per `out.<id>` and `pop.<name>`, in the pack's order. */
  outputs: Record<string, OutputSummary>;
  /** The pack's guardrails over the run, in declaration order (empty when it declares none). */
  guardrails: GuardrailOutcome[];
}

export interface SummarizeOptions {
  /** The parameter overrides the results were evaluated with, for bounds such as `params.rebate_budget`. */
  params?: Record<string, unknown>;
}

/** Results one record at a time, in input order; the summary grows as they are read. */
export interface ResultStream extends AsyncIterable<ResultLine> {
  /** The summary of the results read so far: of the whole run once iteration has ended. */
  summary(): RunSummary;
}

/** A declared parameter of the pack. */
export interface ParamInfo {
  type: "number" | "integer" | "boolean" | "string";
  default: unknown;
  min?: number;
  max?: number;
  enum?: (string | number)[];
  unit?: string;
}

/** A rule of the pack, in evaluation order. */
export interface RuleInfo {
  id: string;
  kind: "incentive" | "elimination" | "loyalty";
  version: string;
  title: { en: string; "zh-CN"?: string };
  output: {
    type: "number" | "integer" | "boolean" | "string";
    unit?: string;
    decimals?: number;
    enum?: string[];
    min?: number;
    max?: number;
  };
}

/** A released pack, verified and compiled, ready to evaluate records. */
export interface RuntimePack {
  readonly name: string;
  readonly version: string;
  /** `sha256-…` over the pack's canonical content (RFC 8785). */
  readonly integrity: string;
  readonly params: Readonly<Record<string, ParamInfo>>;
  readonly rules: readonly RuleInfo[];
  /**
   * Evaluates records (objects, as `crw eval` reads them from JSON, JSONL or CSV) and returns one
   * result per record in input order, each exactly a `crw eval` line as an object. The records are
   * not modified. Rejects with a {@link RuntimeError} for bad `params` or `asOf`, or a record that is
   * not an object or carries a reserved top-level field (`params`, `ctx`, `pop`, `out`).
   */
  evaluate(
    records: Iterable<unknown> | AsyncIterable<unknown>,
    options?: EvaluateOptions,
  ): Promise<ResultLine[]>;
  /**
   * The streaming form of {@link evaluate}, for inputs too large to hold: results come a chunk at a
   * time as records are read (a pack with population operators holds a small projection of every
   * record until its last pass). Iterate it once.
   */
  evaluateStream(
    records: Iterable<unknown> | AsyncIterable<unknown>,
    options?: EvaluateOptions,
  ): ResultStream;
  /** Why `ruleId` gave `record` its value: the evaluation trace of its logic. */
  explain(record: unknown, ruleId: string, options?: ExplainOptions): Promise<Explanation>;
  /**
   * The run summary of results from {@link evaluate}: records, errors, totals per output and the
   * pack's guardrails (checked with the pack's defaults overridden by `options.params`).
   */
  summarize(results: Iterable<ResultLine>, options?: SummarizeOptions): RunSummary;
}

/** One finding that stopped a pack from loading, or a run from starting. */
export interface RuntimeProblem {
  code: string;
  /** English message. */
  message: string;
  /** The message in every language the engine gives (`en`, `zh-CN`). */
  messages: { en: string; "zh-CN"?: string };
  /** `name:line:col` in the pack text, when known. */
  where?: string;
}
