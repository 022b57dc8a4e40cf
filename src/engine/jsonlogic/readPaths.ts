import { isLogic, operandPointer, operandsOf, operatorOf } from "./logicShape";
import { arrayOperators, type OperatorName } from "./operatorNames";

/** One read of the outer evaluation context. */
export interface ReadPath {
  /** The dotted path read (`sales.net_ytd`); `""` means the whole context. */
  path: string;
  /** RFC 6901 pointer to the `var` operation, or to the key inside `missing`/`missing_some`. */
  pointer: string;
  /** The path is computed by logic, so the read cannot be known before evaluation. */
  dynamic?: true;
}

/**
 * Lists the paths `logic` may read from the outer data scope: every `var` (string, number or array
 * form) and every `missing`/`missing_some` key, in document order. Reads inside the per-element body
 * of `map`, `filter`, `reduce`, `all`, `some` and `none` are element-relative and left out; their
 * array operand (and `reduce`'s initial value) are outer reads and included. Operands json-logic-js
 * never evaluates (past the second of `map`, past the third of `reduce`) are skipped too.
 * `base` prefixes every pointer (for example `/logic` inside a rule file).
 */
export function readPaths(logic: unknown, base = ""): ReadPath[] {
  const reads: ReadPath[] = [];
  const key = (value: unknown, pointer: string, fallbackPointer: string) => {
    if (value === undefined || value === null) reads.push({ path: "", pointer: fallbackPointer });
    else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      reads.push({ path: String(value), pointer: fallbackPointer });
    } else reads.push({ path: "", pointer, dynamic: true });
  };
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
    if (!isLogic(node)) return;
    const op = operatorOf(node) as OperatorName;
    const values = operandsOf(node, op);
    const at = (i: number) => operandPointer(node, op, pointer, i);
    if (arrayOperators.has(op)) {
      visit(values[0], at(0));
      if (op === "reduce" && typeof values[2] !== "undefined") visit(values[2], at(2));
      return;
    }
    if (op === "var") {
      key(values[0], at(0), pointer);
    } else if (op === "missing") {
      const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
      const keyAt = Array.isArray(values[0]) ? (i: number) => `${at(0)}/${i}` : at;
      if (keys.length === 0) return;
      keys.forEach((k, i) => key(k, keyAt(i), keyAt(i)));
    } else if (op === "missing_some") {
      const options = values[1];
      if (Array.isArray(options)) options.forEach((k, i) => key(k, `${at(1)}/${i}`, `${at(1)}/${i}`));
      else key(options, at(1), at(1));
    }
    values.forEach((value, i) => visit(value, at(i)));
  };
  visit(logic, base);
  return reads;
}
