import type { LocalizedText } from "../../base";

/** Kinds of channel rule a rule file can hold (pack-format.md §2). */
export type RuleKind = "incentive" | "elimination" | "loyalty";

/** Value types a rule output or a pack parameter can have. */
export type ValueType = "number" | "integer" | "boolean" | "string";

/** What a rule returns and how the runtime checks it after evaluation (§2). */
export interface OutputSpec {
  type: ValueType;
  /** Allowed values of a `string` output. */
  enum?: string[];
  unit?: string;
  /**
   * Digits after the decimal point; numbers are rounded half away from zero on their decimal value,
   * the double read to 15 significant digits.
   */
  decimals?: number;
  min?: number;
  max?: number;
}

/** One example evaluation embedded in a rule file. */
export interface RuleTest {
  name: string;
  /** The whole evaluation context the rule sees: record fields plus any params, ctx, pop and out. */
  data: Record<string, unknown>;
  expect?: unknown;
  /** Largest allowed absolute difference for number results; exact comparison when absent. */
  tolerance?: number;
  /** When true the test passes only if evaluation or the output checks fail. */
  expectError?: boolean;
}

/** A rule file (`*.rule.json`), after normalisation to the current version. */
export interface RuleFile {
  $schema?: string;
  id: string;
  kind: RuleKind;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  output: OutputSpec;
  logic: unknown;
  tests: RuleTest[];
  /** Extension members (`x-` prefix) are kept untouched. */
  [extension: `x-${string}`]: unknown;
}

/** A pack parameter: its type, default and bounds (§4). */
export interface ParamSpec {
  type: ValueType;
  default: unknown;
  min?: number;
  max?: number;
  enum?: (string | number)[];
  unit?: string;
  title?: LocalizedText;
  description?: LocalizedText;
}

interface PopulationBase {
  /** Unique among the pack's population operators and rules; names the operator in `order`. */
  id: string;
  /** Path under `pop.` that receives the value, such as `pop.abc_class`. */
  out: string;
  /** Path into the evaluation context whose value is the number the operator works on. */
  measure: string;
  /** Path whose value groups the records; records without a value form their own group. */
  partitionBy?: string;
  title?: LocalizedText;
}

export interface RankOp extends PopulationBase {
  op: "rank";
  order?: "asc" | "desc";
}
export interface PercentileOp extends PopulationBase {
  op: "percentile";
  order?: "asc" | "desc";
}
export interface CumulativeShareOp extends PopulationBase {
  op: "cumulative_share";
}
export interface CumulativeShareClassOp extends PopulationBase {
  op: "cumulative_share_class";
  breaks: number[];
  labels: string[];
}
export type GroupStat = "sum" | "mean" | "min" | "max" | "count";
export interface GroupStatOp extends PopulationBase {
  op: "group_stat";
  stat: GroupStat;
}
export interface NormalizeToMaxOp extends PopulationBase {
  op: "normalize_to_max";
}
export interface BudgetFactorOp extends PopulationBase {
  op: "budget_factor";
  /** A number, or a path such as `params.rebate_budget`. */
  budget: number | string;
}

/** A declarative population operator (§5). */
export type PopulationOp =
  | RankOp
  | PercentileOp
  | CumulativeShareOp
  | CumulativeShareClassOp
  | GroupStatOp
  | NormalizeToMaxOp
  | BudgetFactorOp;

export type PopulationOpName = PopulationOp["op"];

export interface ChangelogEntry {
  version: string;
  date: string;
  notes: string | LocalizedText;
}

/** A pack manifest (`*.manifest.json`): the authored source of a pack (§4). */
export interface Manifest {
  $schema?: string;
  name: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  params: Record<string, ParamSpec>;
  population: PopulationOp[];
  /** Rule file paths relative to the manifest. */
  rules: string[];
  changelog: ChangelogEntry[];
  [extension: `x-${string}`]: unknown;
}

/** The pack format version this build writes and reads natively. */
export const PACK_FORMAT_VERSION = 1;

/** The engine whose semantics a pack's logic follows (pack-format.md §1). */
export const REFERENCE_ENGINE = { name: "json-logic-js", version: "2.0.5" } as const;

/** A built, self-contained pack (§4). */
export interface Pack {
  format: "channel-rule-pack";
  formatVersion: typeof PACK_FORMAT_VERSION;
  name: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  createdAt: string;
  engine: { name: string; version: string };
  params: Record<string, ParamSpec>;
  population: PopulationOp[];
  rules: RuleFile[];
  order: string[];
  changelog: ChangelogEntry[];
  integrity: string;
  [extension: `x-${string}`]: unknown;
}

/** The parts of a pack the runtime needs; a manifest with its rules resolved, or a built pack. */
export interface PackContent {
  params: Record<string, ParamSpec>;
  population: PopulationOp[];
  rules: RuleFile[];
}

/** Top-level record keys the evaluation context reserves (§3). */
export const RESERVED_KEYS = ["params", "ctx", "pop", "out"] as const;
