import type { LocalizedText } from "../../base";
import { roundHalfAwayFromZero, type ParamSpec, type RuleTest } from "../pack";
import type { FieldChoice, TableColumn, TableRow, TemplateField, TemplateValues } from "./model";

/** Localized text, English first. */
export const L = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

/** `{"var": path}`. */
export const v = (path: string) => ({ var: path });

/** A binary comparison or arithmetic node. */
export const op = (name: string, ...operands: unknown[]) => ({ [name]: operands });

/** `and`/`or`/`+` of the operands, or the single operand itself when there is only one. */
export const join = (name: "and" | "or" | "+", operands: unknown[]): unknown =>
  operands.length === 1 ? operands[0] : { [name]: operands };

/** An `if` chain `[c1, v1, c2, v2, …, else]`, or the else value when there are no cases. */
export function chain(cases: readonly (readonly [unknown, unknown])[], otherwise: unknown): unknown {
  if (cases.length === 0) return otherwise;
  return { if: [...cases.flatMap(([c, value]) => [c, value]), otherwise] };
}

/** Reads the checked form values. */
export const num = (values: TemplateValues, key: string): number => values[key] as number;
export const str = (values: TemplateValues, key: string): string => (values[key] as string | undefined) ?? "";
export const bool = (values: TemplateValues, key: string): boolean => values[key] === true;
export const rows = (values: TemplateValues, key: string): TableRow[] => (values[key] as TableRow[]) ?? [];
export const cell = (row: TableRow, key: string): number => row[key] as number;
export const cellText = (row: TableRow, key: string): string => (row[key] as string | undefined) ?? "";

/** Sets a dotted path in a test's data object, creating the objects on the way. */
export function put(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const parts = path.split(".");
  let at = data;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (typeof next === "object" && next !== null && !Array.isArray(next))
      at = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      at[part] = created;
      at = created;
    }
  }
  at[parts[parts.length - 1] as string] = value;
  return data;
}

/** A test's data: the parameters at their defaults plus the given paths. */
export function testData(
  params: Record<string, ParamSpec>,
  inputs: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(params)) defaults[name] = spec.default;
  if (Object.keys(defaults).length > 0) data["params"] = defaults;
  for (const [path, value] of Object.entries(inputs)) put(data, path, value);
  return data;
}

/** A starter test whose expectation is computed by the template's own statement of the scheme. */
export function test(
  name: string,
  params: Record<string, ParamSpec>,
  inputs: Record<string, unknown>,
  expected: unknown,
): RuleTest {
  return { name, data: testData(params, inputs), expect: expected };
}

export function errorTest(
  name: string,
  params: Record<string, ParamSpec>,
  inputs: Record<string, unknown>,
): RuleTest {
  return { name, data: testData(params, inputs), expectError: true };
}

export const money2 = (x: number) => roundHalfAwayFromZero(x, 2);

/** A parameter declaration. */
export function param(
  type: "number" | "integer" | "boolean" | "string",
  value: unknown,
  title: LocalizedText,
  bounds: { min?: number; max?: number; unit?: string } = {},
): ParamSpec {
  return { type, default: value, ...bounds, title };
}

export const money = (value: number, title: LocalizedText, max = 1e10): ParamSpec =>
  param("number", value, title, { min: 0, max: Math.max(max, value), unit: "CNY" });
export const ratio = (value: number, title: LocalizedText, max = 1): ParamSpec =>
  param("number", value, title, { min: 0, max: Math.max(max, value), unit: "ratio" });

/** Formats numbers in generated titles and test names: 1,000,000 and 1.5 %. */
export const fmt = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 6 });
export const pct = (x: number) => `${fmt(Math.round(x * 1e8) / 1e6)} %`;

/** Field builders. */
export function field(
  key: string,
  kind: TemplateField["kind"],
  value: unknown,
  label: LocalizedText,
  help: LocalizedText,
  extra: Partial<TemplateField> = {},
): TemplateField {
  return { key, kind, default: value, label, help, ...extra };
}

export function column(
  key: string,
  kind: TableColumn["kind"],
  label: LocalizedText,
  help: LocalizedText,
  extra: Partial<TableColumn> = {},
): TableColumn {
  return { key, kind, label, help, ...extra };
}

export const choice = (value: string, en: string, zh: string): FieldChoice => ({ value, label: L(en, zh) });

/** A parameter-name-safe form of a label (`must_train`, `gold`). */
export const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
