import type { RecordResult } from "./pipeline";
import type { RecordError } from "./prepare";

/** `"key":` for each member name seen, so names are escaped once per run, not once per record. */
const names = new Map<string, string>();

export function member(name: string): string {
  let text = names.get(name);
  if (text === undefined) {
    text = JSON.stringify(name) + ":";
    names.set(name, text);
  }
  return text;
}

/** A value as JSON.stringify writes it inside an object; `undefined` where it leaves the member out. */
export function valueText(value: unknown): string | undefined {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "string":
    case "object":
    case "bigint":
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

/** JSON.stringify of a flat object of primitives (out, pop), without its generic per-value work. */
function objectText(object: Record<string, unknown>): string {
  let text = "{";
  for (const name of Object.keys(object)) {
    const value = valueText(object[name]);
    if (value === undefined) continue;
    text += (text.length === 1 ? "" : ",") + member(name) + value;
  }
  return text + "}";
}

/** The `errors` member of an output line. */
export function errorsText(errors: readonly RecordError[]): string {
  return errors.length === 0
    ? "[]"
    : JSON.stringify(
        errors.map((e) => ({
          ...(e.rule === undefined ? {} : { rule: e.rule }),
          code: e.code,
          message: e.message.en,
          ...(e.line === undefined ? {} : { line: e.line }),
          ...(e.column === undefined ? {} : { column: e.column }),
        })),
      );
}

/**
 * One `crw eval` output line, `{"id","out","pop","errors"}`, byte for byte what JSON.stringify gives
 * (tests/cli compare both); `errors` carry English messages, the CLI's language.
 */
export function resultLine(result: RecordResult): string {
  const id = valueText(result.id);
  const errors = errorsText(result.errors);
  return (
    (id === undefined ? "{" : `{"id":${id},`) +
    `"out":${objectText(result.out)},"pop":${objectText(result.pop)},"errors":${errors}}`
  );
}
