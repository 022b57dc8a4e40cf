/**
 * The reference evaluator: json-logic-js 2.0.5 behind one facade, hardened (pack-format §1).
 *
 * Approach, and why. json-logic-js's own `var` walks inherited members (`data["toString"]`), and its
 * only extension point, `add_operation`, mutates a module-level table shared by every importer, which
 * this project never touches. A data proxy cannot fix `var` either: values read through it flow on
 * into `in`, `merge` or `map`, which need the real inherited `indexOf`, `concat` or `map`. So the
 * facade walks the logic itself, with a copy of json-logic-js's `apply` (arrays element-wise, literals
 * as they are, the lazy operators `if`, `?:`, `and`, `or`, `map`, `filter`, `reduce`, `all`, `some`
 * and `none`), looks `var` up through own properties only (and so `missing` and `missing_some`,
 * which are built on `var`), and hands every other operator, with its already evaluated operands, to
 * json-logic-js itself. The operands that are arrays or objects travel as `{"var":"0"}`, `{"var":"1"}`... against the operand
 * array as data, so json-logic-js never re-reads a value as logic; `undefined` operands (from
 * `{"and":[]}`) travel as `{"and":[]}`, which is how json-logic-js spells undefined.
 *
 * Before anything runs, {@link checkLogic} refuses operators outside the allow-list and logic past the
 * depth and size limits. A tests/engine differential suite proves this facade equal to raw
 * json-logic-js wherever the hardening does not apply.
 */
import jsonLogic from "json-logic-js";
import { LogicError } from "./errors";
import { checkLogic, defaultLimits, type LogicLimits } from "./limits";
import { isLogic, operandsOf, operatorOf } from "./logicShape";
import { isOperatorName } from "./operatorNames";
import { lookup, missingSomeResult, truthy } from "./values";

/** Options of the evaluators. */
export interface EvaluateOptions {
  limits?: LogicLimits;
}

/**
 * Evaluates `logic` against `data` with json-logic-js 2.0.5 semantics plus the hardening.
 * @throws LogicError when the logic is refused; any Error json-logic-js itself would throw.
 */
export function applyReference(logic: unknown, data: unknown, options: EvaluateOptions = {}): unknown {
  checkLogic(logic, options.limits ?? defaultLimits);
  return interpret(logic, data);
}

/**
 * Evaluates without the up-front check. Still refuses unknown operators when it meets them, which
 * matters for logic that arrives inside data (`missing` re-reads its keys as logic, as json-logic-js
 * does). Used by the compiled evaluators for exactly those rare dynamic cases.
 */
export function interpret(logic: unknown, data: unknown): unknown {
  if (Array.isArray(logic)) return logic.map((item) => interpret(item, data));
  if (!isLogic(logic)) return logic;
  const op = operatorOf(logic);
  if (!isOperatorName(op)) throw new LogicError("logic/unknown-operator", `Unrecognized operation ${op}`, "");
  const values = operandsOf(logic, op);
  let current: unknown;
  let scoped: unknown;
  switch (op) {
    case "if":
    case "?:": {
      let i = 0;
      for (; i < values.length - 1; i += 2) {
        if (truthy(interpret(values[i], data))) return interpret(values[i + 1], data);
      }
      return values.length === i + 1 ? interpret(values[i], data) : null;
    }
    case "and":
      for (const value of values) {
        current = interpret(value, data);
        if (!truthy(current)) return current;
      }
      return current;
    case "or":
      for (const value of values) {
        current = interpret(value, data);
        if (truthy(current)) return current;
      }
      return current;
    case "filter":
      scoped = interpret(values[0], data);
      if (!Array.isArray(scoped)) return [];
      return scoped.filter((datum) => truthy(interpret(values[1], datum)));
    case "map":
      scoped = interpret(values[0], data);
      if (!Array.isArray(scoped)) return [];
      return scoped.map((datum) => interpret(values[1], datum));
    case "reduce": {
      scoped = interpret(values[0], data);
      const initial = typeof values[2] !== "undefined" ? interpret(values[2], data) : null;
      if (!Array.isArray(scoped)) return initial;
      return scoped.reduce(
        (accumulator: unknown, item: unknown) => interpret(values[1], { current: item, accumulator }),
        initial,
      );
    }
    case "all":
    case "some":
    case "none": {
      scoped = interpret(values[0], data);
      const empty = op === "none";
      if (!Array.isArray(scoped) || !scoped.length) return empty;
      for (const datum of scoped) {
        const hit = truthy(interpret(values[1], datum));
        if (op === "all" && !hit) return false;
        if (op !== "all" && hit) return op === "some";
      }
      return op !== "some";
    }
  }
  return applyOperation(
    op,
    values.map((value) => interpret(value, data)),
    data,
  );
}

/**
 * Applies an eager operator (any but the lazy ones above) to its evaluated operands, as
 * json-logic-js would; shared with {@link explain} so traced values are the reference's own.
 */
export function applyOperation(op: string, evaluated: unknown[], data: unknown): unknown {
  switch (op) {
    case "var":
      return lookup(data, evaluated[0], evaluated[1]);
    case "missing":
      return missingKeys(evaluated, data);
    case "missing_some":
      return missingSomeResult(
        evaluated[0],
        evaluated[1],
        interpret({ missing: evaluated[1] }, data) as unknown[],
      );
    default:
      return delegate(op, evaluated);
  }
}

/** json-logic-js's `missing`: every key is read back through `{"var": key}`, logic included. */
export function missingKeys(args: readonly unknown[], data: unknown): unknown[] {
  const missing: unknown[] = [];
  const keys: readonly unknown[] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  for (const key of keys) {
    const value =
      typeof key === "object" && key !== null ? interpret({ var: key }, data) : lookup(data, key, undefined);
    if (value === null || value === "") missing.push(key);
  }
  return missing;
}

const undefinedOperand = { and: [] };
const operandRefs = new Map<string, Record<string, unknown>>();

/** Runs a plain (eager, data-free) operator of json-logic-js on already evaluated operands. */
function delegate(op: string, evaluated: unknown[]): unknown {
  // Numbers, strings, booleans and null are literals to json-logic-js, so they can be passed as they
  // are; arrays and objects could be read back as logic, so they travel by reference.
  if (evaluated.every(isPlainLiteral)) return jsonLogic.apply({ [op]: evaluated });
  let logic: Record<string, unknown> | undefined;
  if (evaluated.includes(undefined)) {
    logic = { [op]: evaluated.map((v, i) => (v === undefined ? undefinedOperand : { var: String(i) })) };
  } else {
    const key = `${op}/${evaluated.length}`;
    logic = operandRefs.get(key);
    if (!logic) {
      logic = { [op]: evaluated.map((_, i) => ({ var: String(i) })) };
      operandRefs.set(key, logic);
    }
  }
  return jsonLogic.apply(logic, evaluated);
}

function isPlainLiteral(value: unknown): boolean {
  return value === null || (typeof value !== "object" && value !== undefined);
}
