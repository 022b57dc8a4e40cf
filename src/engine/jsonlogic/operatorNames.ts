/**
 * The operators of json-logic-js 2.0.5, the reference engine of format version 1 (pack-format §1).
 * This list is the allow-list: any other key of a one-key object is refused before anything runs.
 *
 * `method` is deliberately absent. Later json-logic-js releases added it; it calls an arbitrary method
 * of a value (`{"method":["abc","constructor"]}`), which no sandboxed rule should be able to do, and
 * 2.0.5 does not have it either, so leaving it out costs no portability.
 */
export const operatorNames = [
  "var",
  "missing",
  "missing_some",
  "if",
  "?:",
  "and",
  "or",
  "!",
  "!!",
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "min",
  "max",
  "cat",
  "substr",
  "in",
  "merge",
  "map",
  "filter",
  "reduce",
  "all",
  "some",
  "none",
  "log",
] as const;

/** The exhaustive union of supported operators. */
export type OperatorName = (typeof operatorNames)[number];

const allowed: ReadonlySet<string> = new Set(operatorNames);

/** True when `name` is a supported operator (own names only: `toString` or `__proto__` are not). */
export function isOperatorName(name: string): name is OperatorName {
  return allowed.has(name);
}

/** Operators whose second operand is evaluated once per array element, against that element. */
export const arrayOperators: ReadonlySet<OperatorName> = new Set([
  "map",
  "filter",
  "reduce",
  "all",
  "some",
  "none",
]);
