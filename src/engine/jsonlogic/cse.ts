/**
 * Common-subexpression analysis for the code generator. JsonLogic has no `let`, so real rules repeat
 * whole subexpressions (E1 computes its attitude score in two conditions). Repeats whose operators
 * are deterministic and free of effects on JSON data (arithmetic, comparisons, `!`, `if`, `and`,
 * `or`, literal-path `var`) are evaluated at most once per call. This is exact: a repeat only runs if
 * the first evaluation returned (an exception ends the whole evaluation), and on JSON data these
 * operators always return the same primitive for the same operands.
 */
import { isLogic, operandsOf, operatorOf } from "./logicShape";
import { arrayOperators, type OperatorName } from "./operatorNames";
import { operatorsIn } from "./operators";

const pureOps: ReadonlySet<string> = new Set<OperatorName>([
  ...operatorsIn("arithmetic", "comparison", "logic"),
  "var",
]);

/** A `var` whose path and default are literals: `{"var":"a.b"}` or `{"var":["a.b", 0]}`. */
export interface ConstantVar {
  /** Path segments; empty for the whole data (`""`, `null` or no path). */
  segments: string[];
  fallback: string | number | boolean | null | undefined;
}

export function constantVar(values: readonly unknown[]): ConstantVar | undefined {
  const [path, fallback] = values;
  if (values.length > 2) return undefined;
  const pathOk = typeof path === "string" || typeof path === "number" || path === undefined || path === null;
  const fallbackOk =
    fallback === undefined ||
    fallback === null ||
    typeof fallback === "number" ||
    typeof fallback === "string" ||
    typeof fallback === "boolean";
  if (!pathOk || !fallbackOk) return undefined;
  const segments = path === undefined || path === null || path === "" ? [] : String(path).split(".");
  return { segments, fallback };
}

function primitiveKey(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return String(value);
    case "undefined":
      return "undefined";
    default:
      return undefined;
  }
}

/** A canonical key for a pure expression, or undefined when it is not pure. */
export function pureKey(node: unknown, cache: WeakMap<object, string | null>): string | undefined {
  if (typeof node !== "object" || node === null) return primitiveKey(node);
  const cached = cache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  let key: string | undefined;
  if (isLogic(node)) {
    const op = operatorOf(node);
    const values = operandsOf(node, op);
    if (op === "var") {
      const constant = constantVar(values);
      key = constant
        ? `var(${JSON.stringify(constant.segments)},${primitiveKey(constant.fallback)})`
        : undefined;
    } else if (pureOps.has(op)) {
      const parts = values.map((value) => pureKey(value, cache));
      key = parts.every((p) => p !== undefined) ? `${JSON.stringify(op)}(${parts.join(",")})` : undefined;
    }
  }
  cache.set(node, key ?? null);
  return key;
}

/**
 * Keys of the pure operations (not `var`, which is hoisted separately) that occur at least twice in
 * one data scope, counting only outermost repeats: inside a repeat, the parts are evaluated once.
 */
export function repeatedExpressions(scopeRoot: unknown, cache: WeakMap<object, string | null>): Set<string> {
  const counts = new Map<string, number>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isLogic(node)) return;
    const op = operatorOf(node);
    const values = operandsOf(node, op);
    if (arrayOperators.has(op as OperatorName)) {
      visit(values[0]);
      if (op === "reduce") visit(values[2]);
      return;
    }
    if (op !== "var") {
      const key = pureKey(node, cache);
      if (key !== undefined) {
        const seen = counts.get(key) ?? 0;
        counts.set(key, seen + 1);
        if (seen > 0) return;
      }
    }
    values.forEach(visit);
  };
  visit(scopeRoot);
  return new Set([...counts].filter(([, n]) => n > 1).map(([key]) => key));
}
