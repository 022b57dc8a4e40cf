import type { LocalizedText } from "../../../base";
import type { FieldInfo } from "./types";

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Arrays of a fixed length up to this many items get one completion per index (`monthly.0` …). */
const MAX_INDEXED_ITEMS = 24;

function resolve(root: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === "string" && hops < 16; hops++) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const table = match ? root[match[1]!] : undefined;
    const target = match && isObject(table) ? table[match[2]!] : undefined;
    if (!isObject(target)) return {};
    current = target;
  }
  return current;
}

function typesOf(schema: Schema): string[] {
  if (typeof schema.type === "string") return [schema.type];
  return Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === "string") : [];
}

function labelOf(schema: Schema): LocalizedText | undefined {
  const en = schema.title;
  const zh = schema["x-title-zh-CN"];
  if (typeof en !== "string") return typeof zh === "string" ? { en: zh, "zh-CN": zh } : undefined;
  return typeof zh === "string" ? { en, "zh-CN": zh } : { en };
}

function describe(
  root: Schema,
  raw: Schema,
  path: string,
  name: string,
  parentPresent: boolean,
  required: boolean,
): FieldInfo {
  const schema = resolve(root, raw);
  const types = typesOf(schema);
  const alwaysPresent = parentPresent && required && !types.includes("null");
  const field: FieldInfo = { path, name, types, alwaysPresent, children: new Map() };
  const label = labelOf(schema) ?? labelOf(raw);
  if (label) field.label = label;
  if (typeof schema.description === "string") field.description = schema.description;
  if (typeof schema["x-unit"] === "string") field.unit = schema["x-unit"];
  if (Array.isArray(schema.enum)) field.enum = schema.enum;
  addChildren(root, schema, field);
  return field;
}

function addChildren(root: Schema, schema: Schema, field: FieldInfo): void {
  const prefix = field.path === "" ? "" : `${field.path}.`;
  if (isObject(schema.properties)) {
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const [name, child] of Object.entries(schema.properties)) {
      if (!isObject(child)) continue;
      field.children.set(
        name,
        describe(root, child, prefix + name, name, field.alwaysPresent, required.includes(name)),
      );
    }
    return;
  }
  const items = schema.items;
  const length = schema.minItems === schema.maxItems ? schema.maxItems : undefined;
  if (isObject(items) && typeof length === "number" && length <= MAX_INDEXED_ITEMS) {
    for (let i = 0; i < length; i++) {
      const name = String(i);
      field.children.set(name, describe(root, items, prefix + name, name, field.alwaysPresent, true));
    }
  }
}

/**
 * The fields of a dataset's records as a tree, from the JSON Schema of one record (`title`,
 * `x-title-zh-CN`, `type`, `x-unit`, `enum`, `required`, local `$ref`s) and, when records are given,
 * the share of them that have a value at each path. Fields found only in the records are added
 * without a label, so a dataset imported without a schema still completes. Pass a bounded sample of
 * a large dataset: the walk is linear in the size of the records given.
 */
export function datasetFields(schema: unknown, records: readonly unknown[] = []): Map<string, FieldInfo> {
  const root: Schema = isObject(schema) ? schema : {};
  const top: FieldInfo = { path: "", name: "", types: [], alwaysPresent: true, children: new Map() };
  addChildren(root, resolve(root, root), top);
  if (records.length > 0) {
    const counts = new Map<string, number>();
    for (const record of records) countPresent(record, "", counts, 0);
    applyShares(top, counts, records.length);
  }
  return top.children;
}

/** Depth limit of the presence walk: records are trees of modest depth, and cycles cannot occur in JSON. */
const MAX_DEPTH = 8;

function countPresent(value: unknown, prefix: string, counts: Map<string, number>, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    if (value.length > MAX_INDEXED_ITEMS) return;
    value.forEach((item, i) => visitMember(`${prefix}${i}`, item, counts, depth));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) visitMember(prefix + key, item, counts, depth);
  }
}

function visitMember(path: string, value: unknown, counts: Map<string, number>, depth: number): void {
  if (value === null || value === undefined) return;
  counts.set(path, (counts.get(path) ?? 0) + 1);
  countPresent(value, `${path}.`, counts, depth + 1);
}

function applyShares(top: FieldInfo, counts: Map<string, number>, total: number): void {
  for (const [path, count] of counts) {
    let node = top;
    for (const segment of path.split(".")) {
      let child = node.children.get(segment);
      if (!child) {
        const childPath = node.path === "" ? segment : `${node.path}.${segment}`;
        child = { path: childPath, name: segment, types: [], alwaysPresent: false, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.share = count / total;
  }
  const fill = (node: FieldInfo) => {
    for (const child of node.children.values()) {
      child.share ??= 0;
      fill(child);
    }
  };
  fill(top);
}

/** The field at a dotted path, if the tree knows it. */
export function fieldAt(fields: ReadonlyMap<string, FieldInfo>, path: string): FieldInfo | undefined {
  let children: ReadonlyMap<string, FieldInfo> = fields;
  let found: FieldInfo | undefined;
  for (const segment of path.split(".")) {
    found = children.get(segment);
    if (!found) return undefined;
    children = found.children;
  }
  return found;
}
