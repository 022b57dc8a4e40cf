/**
 * The static types the SQL compiler works with. A JsonLogic value has a JavaScript type at run time;
 * the compiler translates an expression only where that type is known from the dataset schema, the
 * pack's parameter declarations and the rules' output specs, so each SQL expression stands for
 * exactly one JavaScript type (SQL `NULL` standing for JavaScript `null`).
 */
import type { JsonSchemaLike } from "../jsonlogic";

export type ScalarType = "number" | "string" | "boolean" | "null";

/** One translated scalar expression. */
export interface SqlValue {
  kind: "scalar";
  sql: string;
  type: ScalarType;
  /** May be SQL NULL (JavaScript `null`). */
  nullable: boolean;
  /** A number that may be NaN or ±Infinity (only arithmetic makes these; data never holds them). */
  nonFinite: boolean;
  /** A number that is always a whole number (schema `integer`, integer literals, their sums). */
  integer: boolean;
  /** The compile-time value, for literals (params, ctx, constants). */
  literal?: { value: unknown };
}

/** A scope that `var` reads in: the record, an array element, or a `reduce` step. */
export interface Scope {
  read(path: string, pointer: string): SqlValue | SqlArray;
}

/** An array of statically known length (a fixed-size array in the schema, or a literal). */
export interface SqlArray {
  kind: "array";
  elements: { scope: Scope; value?: SqlValue; include?: string }[];
}

/** Why a construct has no exact translation; thrown inside the compiler, reported per rule. */
export class SqlRefusal extends Error {
  constructor(
    /** JSON pointer, relative to the rule (`/logic/...`) or operator. */
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "SqlRefusal";
  }
}

/** A field of the dataset schema, flattened to the column name `crw eval`'s CSV reader accepts. */
export interface SchemaField {
  column: string;
  type: Exclude<ScalarType, "null">;
  integer: boolean;
  nullable: boolean;
}

/** What the dataset schema says about record paths: scalar columns and fixed-length arrays. */
export interface SchemaInfo {
  fields: Map<string, SchemaField>;
  /** Arrays with `minItems` = `maxItems`: path → length. */
  arrays: Map<string, number>;
  /** The id field's type, when the schema declares `id`. */
  id?: SchemaField;
}

function resolveRef(root: JsonSchemaLike, schema: JsonSchemaLike): JsonSchemaLike {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 16; hops++) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const table = match ? (match[1] === "$defs" ? root.$defs : root.definitions) : undefined;
    const target = match && table ? table[match[2]!] : undefined;
    if (!target) return {};
    current = target;
  }
  return current;
}

function typeList(schema: JsonSchemaLike): string[] {
  if (typeof schema.type === "string") return [schema.type];
  return Array.isArray(schema.type) ? [...(schema.type as string[])] : [];
}

/** Longest array the compiler unrolls (`filter`, `reduce`, `some` over each element). */
export const MAX_UNROLLED_ARRAY = 64;

/**
 * Flattens a record's JSON Schema: every scalar reachable through `properties` and fixed-length
 * `items` becomes a column (`sales.monthly.0`, `loyalty.lots.3.remaining`). A field is nullable when
 * some step to it is not `required` or its type admits `null`.
 */
export function schemaInfo(root: JsonSchemaLike): SchemaInfo {
  const fields = new Map<string, SchemaField>();
  const arrays = new Map<string, number>();
  const walk = (node: JsonSchemaLike, path: string, nullable: boolean, depth: number) => {
    if (depth > 32) return;
    const schema = resolveRef(root, node);
    const types = typeList(schema);
    const canBeNull = nullable || types.includes("null");
    const real = types.filter((t) => t !== "null");
    if (schema.properties && (real.length === 0 || (real.length === 1 && real[0] === "object"))) {
      for (const [name, child] of Object.entries(schema.properties)) {
        const required = schema.required?.includes(name) ?? false;
        walk(child, path === "" ? name : `${path}.${name}`, canBeNull || !required, depth + 1);
      }
      return;
    }
    if (real.length === 1 && real[0] === "array") {
      const min = schema.minItems;
      const max = schema.maxItems;
      if (typeof min === "number" && min === max && min <= MAX_UNROLLED_ARRAY && !canBeNull) {
        arrays.set(path, min);
        const items = schema.items;
        for (let i = 0; i < min; i++) {
          const item = Array.isArray(items) ? (items as JsonSchemaLike[])[i] : items;
          if (item) walk(item as JsonSchemaLike, `${path}.${i}`, false, depth + 1);
        }
      }
      return;
    }
    if (real.length !== 1 || path === "") return;
    const type = real[0];
    if (type === "number" || type === "integer") {
      fields.set(path, { column: path, type: "number", integer: type === "integer", nullable: canBeNull });
    } else if (type === "string" || type === "boolean") {
      fields.set(path, { column: path, type, integer: false, nullable: canBeNull });
    }
  };
  walk(root, "", false, 0);
  const id = fields.get("id");
  return { fields, arrays, ...(id ? { id } : {}) };
}
