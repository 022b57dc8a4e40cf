/**
 * Just enough JSON Schema to answer "does the dataset know this path, and can it be null?" for the
 * linter: `properties`, `required`, `items`, `type` (string or list), `additionalProperties`, and
 * local `$ref`s to `#/$defs/...` or `#/definitions/...`.
 */
export interface JsonSchemaLike {
  type?: string | readonly string[];
  properties?: Readonly<Record<string, JsonSchemaLike>>;
  required?: readonly string[];
  items?: JsonSchemaLike | readonly JsonSchemaLike[];
  additionalProperties?: boolean | JsonSchemaLike;
  $ref?: string;
  $defs?: Readonly<Record<string, JsonSchemaLike>>;
  definitions?: Readonly<Record<string, JsonSchemaLike>>;
  [keyword: string]: unknown;
}

/** What the schema says about one dotted path. */
export interface PathInfo {
  /** The schema describes this path (or allows any property there). */
  known: boolean;
  /** Every step is required and no step's type admits null. */
  alwaysPresent: boolean;
  /** The JSON types the value may have; empty when unconstrained. */
  types: string[];
}

/** Follows local `$ref`s (`#/$defs/...`, `#/definitions/...`); `{}` where one leads nowhere. */
export function resolveSchemaRef(root: JsonSchemaLike, schema: JsonSchemaLike): JsonSchemaLike {
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

/** The `type` keyword as a list. */
export function typesOf(schema: JsonSchemaLike): string[] {
  if (typeof schema.type === "string") return [schema.type];
  return Array.isArray(schema.type) ? [...(schema.type as string[])] : [];
}

/** Looks `segments` up in `root` (the schema of one record). */
export function describePath(root: JsonSchemaLike, segments: readonly string[]): PathInfo {
  let schema = resolveSchemaRef(root, root);
  let alwaysPresent = true;
  for (const segment of segments) {
    const types = typesOf(schema);
    if (types.includes("null")) alwaysPresent = false;
    const property = schema.properties?.[segment];
    if (property) {
      if (!schema.required?.includes(segment)) alwaysPresent = false;
      schema = resolveSchemaRef(root, property);
      continue;
    }
    if (schema.items && /^\d+$/.test(segment)) {
      alwaysPresent = false;
      schema = resolveSchemaRef(
        root,
        Array.isArray(schema.items)
          ? ((schema.items as JsonSchemaLike[])[Number(segment)] ?? {})
          : (schema.items as JsonSchemaLike),
      );
      continue;
    }
    if (types.includes("string") && segment === "length")
      return { known: true, alwaysPresent, types: ["number"] };
    const extra = schema.additionalProperties;
    if (extra === undefined && !schema.properties) return { known: true, alwaysPresent: false, types: [] };
    if (typeof extra === "object") {
      alwaysPresent = false;
      schema = resolveSchemaRef(root, extra);
      continue;
    }
    return { known: extra === true, alwaysPresent: false, types: [] };
  }
  const types = typesOf(schema);
  return { known: true, alwaysPresent: alwaysPresent && !types.includes("null"), types };
}

/** Top-level property names of the record schema. */
export function topLevelFields(root: JsonSchemaLike): Set<string> {
  return new Set(Object.keys(resolveSchemaRef(root, root).properties ?? {}));
}
