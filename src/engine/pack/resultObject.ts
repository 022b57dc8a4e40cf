import type { RecordResult } from "./pipeline";

/** One entry of a result's `errors`, as a `crw eval` line carries it: the message in English. */
export interface ResultObjectError {
  rule?: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
}

/** A `crw eval` output line as an object: what `JSON.parse` of {@link resultLine}'s text gives. */
export interface ResultObject {
  /** The record's `id`; absent when the record has none (`null` when it was `null`). */
  id?: unknown;
  out: Record<string, string | number | boolean | null>;
  pop: Record<string, string | number | boolean | null>;
  errors: ResultObjectError[];
}

/** A primitive as it comes back from JSON: non-finite numbers are `null`, -0 is 0, `undefined` absent. */
function jsonPrimitive(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? value + 0 : null;
    case "string":
    case "boolean":
      return value;
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    default:
      // Objects (and null) go through JSON itself, so nested values read back exactly as in the line.
      return value === null ? null : (JSON.parse(JSON.stringify(value) ?? "null") as unknown);
  }
}

function flat(object: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const copy: Record<string, string | number | boolean | null> = {};
  for (const name of Object.keys(object)) {
    const value = jsonPrimitive(object[name]);
    if (value === undefined) continue;
    // As JSON.parse does, "__proto__" becomes an own member rather than the prototype.
    if (name === "__proto__")
      Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
    else copy[name] = value as string | number | boolean | null;
  }
  return copy;
}

/**
 * The object form of one `crw eval` line, `{ id, out, pop, errors }`, equal to
 * `JSON.parse(resultLine(result))` (tests/engine/pack/resultLine.test.ts checks it) but without the
 * text round trip, and sharing nothing with the pipeline's objects.
 */
export function resultObject(result: RecordResult): ResultObject {
  const id = jsonPrimitive(result.id);
  const line: ResultObject =
    id === undefined ? { out: {}, pop: {}, errors: [] } : { id, out: {}, pop: {}, errors: [] };
  line.out = flat(result.out);
  line.pop = flat(result.pop);
  line.errors = result.errors.map((e) => ({
    ...(e.rule === undefined ? {} : { rule: e.rule }),
    code: e.code,
    message: e.message.en,
    ...(e.line === undefined ? {} : { line: e.line }),
    ...(e.column === undefined ? {} : { column: e.column }),
  }));
  return line;
}
