import type { LocalizedText } from "../../base";
import type { JsonSchemaLike } from "../jsonlogic";

/** One leaf field of a dataset record, as a field picker lists it. */
export interface SchemaField {
  /** Dotted path, as rules read it (`sales.rebate_base_ytd`). */
  path: string;
  /** The schema's `title` and `x-title-zh-CN`, joined with the parents' titles. */
  title: LocalizedText;
  type: "number" | "integer" | "boolean" | "string" | "array" | "unknown";
  /** `x-unit` (`CNY`, `ratio`, `days`, …). */
  unit?: string;
  enum?: string[];
  /** Dates (`format: date`, or `x-unit: date`), given as ISO strings. */
  date?: boolean;
}

type Node = JsonSchemaLike & {
  title?: string;
  "x-title-zh-CN"?: string;
  "x-unit"?: string;
  format?: string;
  enum?: unknown[];
  type?: string | string[];
  $ref?: string;
};

function resolve(root: Node, node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return node;
  let at: unknown = root;
  for (const part of ref.slice(2).split("/")) at = (at as Record<string, unknown> | undefined)?.[part];
  return (at as Node | undefined) ?? node;
}

function typeOf(node: Node): SchemaField["type"] {
  const raw: unknown = node.type;
  const types = (Array.isArray(raw) ? (raw as unknown[]) : [raw]).filter((t) => t !== "null");
  const t = types[0];
  return t === "number" || t === "integer" || t === "boolean" || t === "string" || t === "array"
    ? t
    : "unknown";
}

/** Every leaf field of a record schema, depth first in the schema's order. */
export function schemaFields(schema: unknown): SchemaField[] {
  if (typeof schema !== "object" || schema === null) return [];
  const root = schema as Node;
  const out: SchemaField[] = [];
  const walk = (node: Node, path: string[], title: { en: string[]; zh: string[] }) => {
    const n = resolve(root, node);
    const properties = n.properties as Record<string, Node> | undefined;
    if (properties && typeOf(n) !== "array") {
      for (const [key, child] of Object.entries(properties)) {
        const c = resolve(root, child);
        walk(c, [...path, key], {
          en: [...title.en, c.title ?? key],
          zh: [...title.zh, c["x-title-zh-CN"] ?? c.title ?? key],
        });
      }
      return;
    }
    if (path.length === 0) return;
    const field: SchemaField = {
      path: path.join("."),
      title: { en: title.en.join(" · "), "zh-CN": title.zh.join(" · ") },
      type: typeOf(n),
    };
    if (typeof n["x-unit"] === "string") field.unit = n["x-unit"];
    if (Array.isArray(n.enum)) field.enum = n.enum.filter((e): e is string => typeof e === "string");
    if (n.format === "date" || n["x-unit"] === "date") field.date = true;
    out.push(field);
  };
  walk(root, [], { en: [], zh: [] });
  return out;
}
