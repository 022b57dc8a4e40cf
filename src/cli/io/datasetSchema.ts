/**
 * Column typing for CSV input from a dataset schema. The schema is a JSON Schema of one record
 * (nested `properties`, `items` for arrays), the same the workbench uses for completion; only `type`
 * is read here.
 */
export type CellType = "number" | "integer" | "boolean" | "string";

export function typeAtPath(schema: unknown, path: readonly string[]): CellType | undefined {
  let node: unknown = schema;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    const n = node as { properties?: Record<string, unknown>; items?: unknown };
    node = /^\d+$/.test(segment) && n.items !== undefined ? n.items : n.properties?.[segment];
  }
  if (typeof node !== "object" || node === null) return undefined;
  const type = (node as { type?: unknown }).type;
  const types = Array.isArray(type) ? type : [type];
  return types.find((t): t is CellType => ["number", "integer", "boolean", "string"].includes(t as string));
}

const numberPattern = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Converts a cell. With a declared type a wrong cell is an error; without one, `true`/`false` become
 * booleans and plain decimal numbers become numbers (no leading zeros, so ids like "0012" stay strings).
 */
export function convertCell(
  text: string,
  type: CellType | undefined,
): { value: unknown } | { error: string } {
  if (type === undefined) {
    if (text === "true" || text === "false") return { value: text === "true" };
    return numberPattern.test(text) ? { value: Number(text) } : { value: text };
  }
  switch (type) {
    case "string":
      return { value: text };
    case "boolean":
      if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
      return { error: `"${text}" is not a boolean (true or false)` };
    case "number":
    case "integer": {
      const trimmed = text.trim();
      const n = Number(trimmed);
      if (trimmed === "" || !Number.isFinite(n)) return { error: `"${text}" is not a number` };
      if (type === "integer" && !Number.isInteger(n)) return { error: `"${text}" is not a whole number` };
      return { value: n };
    }
  }
}

/** Sets a dotted path in a record, creating objects (arrays for numeric segments) on the way. */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((segment, i) => {
    const container = node as Record<string, unknown>;
    if (i === path.length - 1) {
      container[segment] = value;
      return;
    }
    let next = container[segment];
    if (typeof next !== "object" || next === null) {
      next = /^\d+$/.test(path[i + 1]!) ? [] : {};
      container[segment] = next;
    }
    node = next as Record<string, unknown>;
  });
}
