/**
 * The vocabulary of the rule and manifest language services. They are pure functions over a
 * document's text and a {@link LanguageContext}; positions are character offsets, so they run (and
 * are tested) in Node without Monaco, and the Monaco adapter converts offsets to line and column.
 */
import type { Locale, LocalizedText } from "../../../base";
import type { Problem } from "../../../engine";

/** A half-open range of character offsets `[start, end)` in a document. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** What a completion item stands for; the Monaco adapter maps it to an icon. */
export type CompletionKind =
  | "operator"
  | "field"
  | "object"
  | "param"
  | "output"
  | "population"
  | "context"
  | "namespace"
  | "file"
  | "value";

/** One completion proposal. */
export interface LanguageCompletion {
  /** The text shown and matched (a path segment, an operator name, a file path). */
  label: string;
  /** Shown right after the label, dimmed (the field's label in the user's language). */
  labelDetail?: string;
  /** Shown right-aligned (type, unit and share of records). */
  description?: string;
  kind: CompletionKind;
  insertText: string;
  /** `insertText` is a snippet with `${1:placeholder}` tab stops. */
  snippet?: boolean;
  /** Markdown shown in the details pane. */
  documentation?: string;
  /** The text the proposal replaces. */
  range: OffsetRange;
  /** What the typed text is matched against when it differs from the label (`"if"` with quotes). */
  filterText?: string;
  sortText?: string;
  /** Ask for completions again after inserting: an object's path segment, its children come next. */
  retrigger?: boolean;
}

/** A hover: markdown paragraphs over a range. */
export interface LanguageHover {
  range: OffsetRange;
  contents: string[];
}

/** A text edit by offsets. */
export interface TextEditByOffset extends OffsetRange {
  text: string;
}

/** A quick fix for one problem. */
export interface QuickFix {
  title: string;
  /** The problem it fixes (the adapter links the fix to that marker). */
  problem: Problem;
  edits: TextEditByOffset[];
  /** The one fix to apply with the "auto fix" keybinding. */
  preferred?: boolean;
}

/** A CodeLens: a line of text above `range`, running `command` when it has one. */
export interface LanguageCodeLens {
  range: OffsetRange;
  title: string;
  command?: { id: string; args?: unknown[] };
}

/** A field of the dataset's records, from the dataset schema and the records themselves. */
export interface FieldInfo {
  /** Dotted path from the record root (`sales.net_ytd`). */
  path: string;
  /** The last segment of the path. */
  name: string;
  /** `title` (English) and `x-title-zh-CN` of the schema, when it gives them. */
  label?: LocalizedText;
  description?: string;
  /** JSON types the schema allows; empty when unconstrained. */
  types: string[];
  /** `x-unit` of the schema (CNY, ratio, days, ...). */
  unit?: string;
  enum?: readonly unknown[];
  /** Share (0–1) of the records looked at that have a non-null value here; undefined without records. */
  share?: number;
  /** Every step is required and not nullable, by the schema. */
  alwaysPresent: boolean;
  /** Sub-fields of an object, by name. */
  children: Map<string, FieldInfo>;
}

/** A pack parameter visible to the rule, from a manifest that includes it. */
export interface ParamInfo {
  name: string;
  type: string;
  default: unknown;
  title?: LocalizedText;
  unit?: string;
  min?: number;
  max?: number;
  /** The manifests (`name@version`) that declare it. */
  from: string[];
}

/** Another rule's output the rule may read as `out.<id>`. */
export interface OutputInfo {
  id: string;
  title?: LocalizedText;
  type: string;
  unit?: string;
  from: string[];
}

/** A population operator's result the rule may read as `pop.<name>`. */
export interface PopulationInfo {
  /** The full path, `pop.abc_class`. */
  path: string;
  op: string;
  measure: string;
  title?: LocalizedText;
  from: string[];
}

/** A run-wide context value (`ctx.as_of`). */
export interface ContextFieldInfo {
  name: string;
  type: string;
  label: LocalizedText;
}

/** Everything the services know besides the document. Every member may be empty. */
export interface LanguageContext {
  locale: Locale;
  /** Top-level fields of the active dataset's records, by name. */
  fields: Map<string, FieldInfo>;
  params: ParamInfo[];
  outputs: OutputInfo[];
  population: PopulationInfo[];
  ctx: readonly ContextFieldInfo[];
  /** The sample record selected in the workbench, for hover values. */
  sampleRecord?: unknown;
}
