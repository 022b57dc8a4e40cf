import type { LocalizedText } from "../../base";
import type { PathSegment } from "../storage/columnar";

/** The kinds of value a CSV or spreadsheet cell becomes. */
export const columnKinds = ["string", "number", "integer", "boolean"] as const;
export type ColumnKind = (typeof columnKinds)[number];

/** What a JSON Schema says about one path: its kind, whether null is allowed, its labels. */
export interface SchemaField {
  kind?: ColumnKind;
  nullable: boolean;
  label?: LocalizedText;
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  title?: string;
  "x-title-zh-CN"?: string;
}

/** Splits a dotted header into a path: all-digit segments are array indexes (`sales.q_yoy.0`). */
export function headerPath(header: string): PathSegment[] {
  return header.split(".").map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The schema of the value at `path` (array indexes go through `items`), or undefined. */
export function schemaAt(schema: unknown, path: readonly PathSegment[]): SchemaNode | undefined {
  let node = schema as SchemaNode | undefined;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = typeof segment === "number" ? node.items : node.properties?.[segment];
  }
  return typeof node === "object" && node !== null ? node : undefined;
}

export function schemaField(schema: unknown, path: readonly PathSegment[]): SchemaField {
  const node = schemaAt(schema, path);
  if (!node) return { nullable: false };
  const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  const kind = columnKinds.find((k) => types.includes(k));
  const label =
    node.title !== undefined
      ? { en: node.title, ...(node["x-title-zh-CN"] ? { "zh-CN": node["x-title-zh-CN"] } : {}) }
      : undefined;
  return { ...(kind ? { kind } : {}), nullable: types.includes("null"), ...(label ? { label } : {}) };
}

/** The labels of a path for column headers: the field's own title, else its parent's and the key. */
export function pathLabel(schema: unknown, path: readonly PathSegment[]): LocalizedText | undefined {
  const own = schemaField(schema, path).label;
  if (own) return own;
  const last = path.at(-1);
  if (typeof last !== "number") return undefined;
  const parent = schemaField(schema, path.slice(0, -1)).label;
  return (
    parent && {
      en: `${parent.en} [${last}]`,
      ...(parent["zh-CN"] ? { "zh-CN": `${parent["zh-CN"]} [${last}]` } : {}),
    }
  );
}

const plainNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * How an untyped cell reads: `true`/`false` as booleans, plain decimal numbers as numbers (no
 * leading zeros, so codes like `0012` stay text; integers beyond 2^53 stay text so no digit is
 * lost), anything else as text.
 */
export function cellKind(text: string): ColumnKind {
  if (text === "true" || text === "false" || text === "TRUE" || text === "FALSE") return "boolean";
  if (plainNumber.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n)) return "string";
    if (Number.isInteger(n) && !/[.eE]/.test(text)) return Number.isSafeInteger(n) ? "integer" : "string";
    return "number";
  }
  return "string";
}

/** The narrowest kind holding both (integer ⊂ number ⊂ string; boolean ⊂ string). */
export function widenKind(a: ColumnKind | undefined, b: ColumnKind): ColumnKind {
  if (a === undefined || a === b) return b;
  if ((a === "integer" && b === "number") || (a === "number" && b === "integer")) return "number";
  return "string";
}

export type CellValue = string | number | boolean;

/** Converts a cell to `kind`; a cell that does not fit is a problem (in both languages). */
export function convertCell(
  cell: CellValue,
  kind: ColumnKind,
): { value: CellValue } | { problem: LocalizedText } {
  const text = typeof cell === "string" ? cell : String(cell);
  switch (kind) {
    case "string":
      return { value: text };
    case "boolean":
      if (typeof cell === "boolean") return { value: cell };
      if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === "true" };
      return {
        problem: { en: `"${text}" is not true or false`, "zh-CN": `“${text}”不是布尔值（true 或 false）` },
      };
    case "number":
    case "integer": {
      const n = typeof cell === "number" ? cell : Number(text.trim());
      if (text.trim() === "" || !Number.isFinite(n)) {
        return { problem: { en: `"${text}" is not a number`, "zh-CN": `“${text}”不是数字` } };
      }
      if (kind === "integer" && !Number.isInteger(n)) {
        return { problem: { en: `"${text}" is not a whole number`, "zh-CN": `“${text}”不是整数` } };
      }
      return { value: n };
    }
  }
}

/**
 * The unit of a path from the schema's `x-unit` (`CNY`, `ratio`, `days`, …), or of its array's
 * items for an indexed path; undefined when the schema does not say.
 */
export function pathUnit(schema: unknown, path: readonly PathSegment[]): string | undefined {
  const unit = (schemaAt(schema, path) as { "x-unit"?: unknown } | undefined)?.["x-unit"];
  return typeof unit === "string" ? unit : undefined;
}
