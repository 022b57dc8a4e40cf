import type { LocalizedText } from "../../base";
import type { ParamSpec, PopulationOp, RuleFile, RuleKind } from "../pack";

/**
 * What a template form field holds. Numbers carry their meaning so a form can format them:
 * `money` is CNY, `ratio` a share shown as a percentage, `days`/`integer` whole numbers.
 * `path` is a dotted path into the evaluation context (a dataset field, `out.<rule>`, `pop.<x>`),
 * `choice` one of `choices`, `table` a list of rows with `columns`.
 */
export type FieldKind =
  "id" | "text" | "money" | "ratio" | "number" | "integer" | "days" | "path" | "choice" | "boolean" | "table";

export type ScalarFieldKind = Exclude<FieldKind, "table">;

export interface FieldChoice {
  value: string;
  label: LocalizedText;
}

/** One column of a table field; a row is an object keyed by the columns' keys. */
export interface TableColumn {
  key: string;
  label: LocalizedText;
  help: LocalizedText;
  kind: ScalarFieldKind;
  choices?: FieldChoice[];
  min?: number;
  max?: number;
}

/** One field of a template's form: a label and an explanation in both languages, a kind and a default. */
export interface TemplateField {
  key: string;
  label: LocalizedText;
  help: LocalizedText;
  kind: FieldKind;
  default: unknown;
  choices?: FieldChoice[];
  columns?: TableColumn[];
  min?: number;
  max?: number;
  /** Table fields: how many rows are allowed. */
  minRows?: number;
  maxRows?: number;
  /** A `path` or `text` field that may be left empty (the template then leaves that part out). */
  optional?: boolean;
}

/** The values a form collected, by field key (a table's value is an array of row objects). */
export type TemplateValues = Record<string, unknown>;
export type TableRow = Record<string, unknown>;

/** A problem with one form value, named so the form can show it beside the field (and the cell). */
export interface FieldError {
  field: string;
  /** For table fields: the row (0-based) and the column key. */
  row?: number;
  column?: string;
  message: LocalizedText;
}

/** What instantiating a template produces: the rule and the changes the pack manifest needs. */
export interface TemplateOutput {
  rule: RuleFile;
  /** Parameters to declare in the manifest (the rule's levers), with their defaults and bounds. */
  params: Record<string, ParamSpec>;
  /** Population operators the rule reads (ABC classification), to add to the manifest. */
  population: PopulationOp[];
  /** `out.<id>` values the rule reads: those rules must be in the same pack. */
  requires: string[];
}

/** A rule template for one scheme of the rule catalogue (domain §5). */
export interface RuleTemplate {
  /** Stable id of the template (`tiered-rebate`). */
  id: string;
  /** The catalogue entries it implements (`I1/I2`). */
  catalogue: string;
  kind: RuleKind;
  title: LocalizedText;
  description: LocalizedText;
  /** The scheme's own fields (the rule id and titles are asked for every template). */
  fields: TemplateField[];
  /** The default rule id, also the default prefix of the parameters. */
  defaultId: string;
  defaultTitle: LocalizedText;
  /** Checks beyond each field's kind and bounds (band floors ascending, weights positive, …). */
  check?: (values: TemplateValues) => FieldError[];
  /** Builds the rule from checked values; `prefix` is the parameter prefix derived from the id. */
  build: (
    values: TemplateValues,
    prefix: string,
  ) => Omit<TemplateOutput, "rule"> & {
    rule: Omit<RuleFile, "id" | "title" | "kind" | "version">;
  };
}
