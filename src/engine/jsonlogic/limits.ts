import { LogicError } from "./errors";
import { isLogic, operandPointer, operandsOf, operatorOf } from "./logicShape";
import { isOperatorName } from "./operatorNames";

/**
 * Size limits on logic, so a hostile pack cannot hang or crash a browser tab or a production worker
 * (pack-format §1, hardening). Real rules stay far below them: the domain catalogue's largest rule
 * nests about 12 levels and has a few hundred nodes.
 */
export interface LogicLimits {
  /** Maximum nesting of operations and arrays. */
  maxDepth: number;
  /** Maximum length of any array inside the logic (operand lists included). */
  maxArrayLength: number;
  /** Maximum number of values (operations, arrays and literals) in the whole expression. */
  maxNodes: number;
}

export const defaultLimits: LogicLimits = { maxDepth: 64, maxArrayLength: 10_000, maxNodes: 100_000 };

/** One refusal found by {@link scanLogic}. */
export interface LogicViolation {
  code: LogicError["code"];
  message: string;
  pointer: string;
  /** The refused operator name, for unknown operators. */
  operator?: string;
}

/**
 * Walks logic the way json-logic-js does (arrays element-wise, one-key objects as operations, every
 * other object as a literal) and lists every operator not on the allow-list and every limit exceeded.
 * Operands are checked even where they would never run (an untaken `if` branch): refusal happens
 * before evaluation, never half-way through it.
 */
export function scanLogic(logic: unknown, limits: LogicLimits = defaultLimits, base = ""): LogicViolation[] {
  const violations: LogicViolation[] = [];
  let nodes = 0;
  let reportedSize = false;
  const visit = (value: unknown, pointer: string, depth: number): void => {
    nodes++;
    if (nodes > limits.maxNodes && !reportedSize) {
      reportedSize = true;
      violations.push({
        code: "logic/too-large",
        message: `logic has more than ${limits.maxNodes} nodes`,
        pointer,
      });
    }
    if (reportedSize) return;
    if (depth > limits.maxDepth) {
      violations.push({
        code: "logic/too-deep",
        message: `logic nests deeper than ${limits.maxDepth} levels`,
        pointer,
      });
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        violations.push({
          code: "logic/too-large",
          message: `an array in the logic has ${value.length} elements (limit ${limits.maxArrayLength})`,
          pointer,
        });
        return;
      }
      value.forEach((item, i) => visit(item, `${pointer}/${i}`, depth + 1));
      return;
    }
    if (!isLogic(value)) return;
    const op = operatorOf(value);
    if (!isOperatorName(op)) {
      violations.push({
        code: "logic/unknown-operator",
        message: `unknown operator "${op}"`,
        pointer,
        operator: op,
      });
    }
    const operands = operandsOf(value, op);
    if (operands.length > limits.maxArrayLength) {
      violations.push({
        code: "logic/too-large",
        message: `"${op}" has ${operands.length} operands (limit ${limits.maxArrayLength})`,
        pointer,
      });
      return;
    }
    operands.forEach((operand, i) => visit(operand, operandPointer(value, op, pointer, i), depth + 1));
  };
  visit(logic, base, 0);
  return violations;
}

const checked = new WeakMap<object, LogicLimits>();

/**
 * Throws a {@link LogicError} for the first violation {@link scanLogic} finds. Object logic already
 * checked under the same limits object is remembered, so evaluating one rule per record stays cheap.
 */
export function checkLogic(logic: unknown, limits: LogicLimits = defaultLimits): void {
  const key = typeof logic === "object" && logic !== null ? logic : undefined;
  if (key && checked.get(key) === limits) return;
  const first = scanLogic(logic, limits)[0];
  if (first) throw new LogicError(first.code, first.message, first.pointer);
  if (key) checked.set(key, limits);
}
