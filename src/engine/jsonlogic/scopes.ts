import { interpret, missingKeys } from "./reference";
import { missingSomeResult, truthy } from "./values";

/**
 * The data-scoping operators as both compiled evaluators run them: `body` is the compiled second
 * operand, applied to each element (or, for `reduce`, to `{current, accumulator}`), mirroring
 * json-logic-js's `apply` branch for each operator.
 */
export type Body = (data: unknown) => unknown;

export function mapOp(scoped: unknown, body: Body): unknown[] {
  if (!Array.isArray(scoped)) return [];
  return scoped.map((datum) => body(datum));
}

export function filterOp(scoped: unknown, body: Body): unknown[] {
  if (!Array.isArray(scoped)) return [];
  return scoped.filter((datum) => truthy(body(datum)));
}

export function reduceOp(scoped: unknown, body: Body, initial: unknown): unknown {
  if (!Array.isArray(scoped)) return initial;
  return scoped.reduce((accumulator: unknown, current: unknown) => body({ current, accumulator }), initial);
}

export function allOp(scoped: unknown, body: Body): boolean {
  if (!Array.isArray(scoped) || !scoped.length) return false;
  for (let i = 0; i < scoped.length; i++) if (!truthy(body(scoped[i]))) return false;
  return true;
}

export function someOp(scoped: unknown, body: Body): boolean {
  if (!Array.isArray(scoped) || !scoped.length) return false;
  for (let i = 0; i < scoped.length; i++) if (truthy(body(scoped[i]))) return true;
  return false;
}

export function noneOp(scoped: unknown, body: Body): boolean {
  if (!Array.isArray(scoped) || !scoped.length) return true;
  for (let i = 0; i < scoped.length; i++) if (truthy(body(scoped[i]))) return false;
  return true;
}

/** `missing` on evaluated operands (keys that are logic are re-read as logic, as json-logic-js does). */
export function missingOp(data: unknown, args: unknown[]): unknown[] {
  return missingKeys(args, data);
}

/** `missing_some`: json-logic-js evaluates `{"missing": options}` again, so options may be re-read. */
export function missingSomeOp(data: unknown, needCount: unknown, options: unknown): unknown[] {
  const plain =
    Array.isArray(options) &&
    options.every((key) => key === null || (typeof key !== "object" && key !== undefined));
  const areMissing = plain
    ? missingKeys(options, data)
    : (interpret({ missing: options }, data) as unknown[]);
  return missingSomeResult(needCount, options, areMissing);
}
