/**
 * How json-logic-js reads the shape of a logic value, shared by every walker so they agree on what
 * is an operation and what is a literal.
 */

/** An object with exactly one own enumerable key is an operation; any other object is a literal. */
export function isLogic(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1
  );
}

/** The operator of an operation (its single key). */
export function operatorOf(logic: Record<string, unknown>): string {
  return Object.keys(logic)[0]!;
}

/** The operands, with json-logic-js's "unary sugar": a non-array operand means a list of one. */
export function operandsOf(logic: Record<string, unknown>, op: string): unknown[] {
  const values = logic[op];
  return Array.isArray(values) ? values : [values];
}

/** Whether the operands were written as an array; pointers to operands depend on it. */
export function operandPointer(
  logic: Record<string, unknown>,
  op: string,
  base: string,
  index: number,
): string {
  const escaped = op.replace(/~/g, "~0").replace(/\//g, "~1");
  return Array.isArray(logic[op]) ? `${base}/${escaped}/${index}` : `${base}/${escaped}`;
}
