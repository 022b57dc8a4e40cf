/**
 * The non-codegen compiled evaluator: logic becomes a tree of closures, built once, so a page whose
 * Content-Security-Policy forbids `eval` still runs rules without re-walking the JSON per record.
 * Every closure mirrors the json-logic-js operator it stands for; operands are always evaluated in
 * order and completely before the operator runs, as json-logic-js does (so a throwing or logging
 * operand behaves the same even where its value is ignored).
 */
import { isLogic, operandsOf, operatorOf } from "./logicShape";
import type { OperatorName } from "./operatorNames";
import {
  allOp,
  filterOp,
  mapOp,
  missingOp,
  missingSomeOp,
  noneOp,
  reduceOp,
  someOp,
  type Body,
} from "./scopes";
import * as v from "./values";

type Fn = (data: unknown) => unknown;
type Eager = (args: unknown[], data: unknown) => unknown;

const eager: Record<Exclude<OperatorName, Lazy>, Eager> = {
  var: (a, d) => v.lookup(d, a[0], a[1]),
  missing: (a, d) => missingOp(d, a),
  missing_some: (a, d) => missingSomeOp(d, a[0], a[1]),
  "!": (a) => !v.truthy(a[0]),
  "!!": (a) => v.truthy(a[0]),
  "==": (a) => a[0] == a[1], // eslint-disable-line eqeqeq -- json-logic-js's loose equality, on purpose
  "===": (a) => a[0] === a[1],
  "!=": (a) => a[0] != a[1], // eslint-disable-line eqeqeq -- json-logic-js's loose inequality, on purpose
  "!==": (a) => a[0] !== a[1],
  ">": (a) => (a[0] as number) > (a[1] as number),
  ">=": (a) => (a[0] as number) >= (a[1] as number),
  "<": (a) => v.lessThan(a[0], a[1], a[2]),
  "<=": (a) => v.lessOrEqual(a[0], a[1], a[2]),
  "+": (a) => v.plus(a),
  "-": (a) => v.minus(a[0], a[1]),
  "*": (a) => v.times(a),
  "/": (a) => (a[0] as number) / (a[1] as number),
  "%": (a) => (a[0] as number) % (a[1] as number),
  min: (a) => v.min(a),
  max: (a) => v.max(a),
  cat: (a) => v.cat(a),
  substr: (a) => v.substr(a[0], a[1], a[2]),
  in: (a) => v.isIn(a[0], a[1]),
  merge: (a) => v.merge(a),
  log: (a) => v.log(a[0]),
};

type Lazy = "if" | "?:" | "and" | "or" | "map" | "filter" | "reduce" | "all" | "some" | "none";

const scopedOps: Record<"map" | "filter" | "all" | "some" | "none", (s: unknown, b: Body) => unknown> = {
  map: mapOp,
  filter: filterOp,
  all: allOp,
  some: someOp,
  none: noneOp,
};

/** Builds the closure tree; the caller has already run the allow-list and limit checks. */
export function closureCompile(logic: unknown): Fn {
  if (Array.isArray(logic)) {
    const items = logic.map(closureCompile);
    return (d) => items.map((f) => f(d));
  }
  if (!isLogic(logic)) return () => logic;
  const op = operatorOf(logic) as OperatorName;
  const values = operandsOf(logic, op);
  switch (op) {
    case "if":
    case "?:":
      return compileIf(values.map(closureCompile));
    case "and":
    case "or":
      return compileAndOr(values.map(closureCompile), op === "and");
    case "reduce": {
      const scoped = closureCompile(values[0]);
      const body = closureCompile(values[1]);
      const initial = typeof values[2] !== "undefined" ? closureCompile(values[2]) : () => null;
      return (d) => {
        const s = scoped(d);
        return reduceOp(s, body, initial(d));
      };
    }
    case "map":
    case "filter":
    case "all":
    case "some":
    case "none": {
      const scoped = closureCompile(values[0]);
      const body = closureCompile(values[1]);
      const run = scopedOps[op];
      return (d) => run(scoped(d), body);
    }
  }
  return compileEager(op, values);
}

function compileEager(op: Exclude<OperatorName, Lazy>, values: unknown[]): Fn {
  const fast = op === "var" ? constantVar(values) : undefined;
  if (fast) return fast;
  const args = values.map(closureCompile);
  const special = specialised(op, args);
  if (special) return special;
  const run = eager[op];
  if (args.length === 1) {
    const [a0] = args as [Fn];
    return (d) => run([a0(d)], d);
  }
  if (args.length === 2) {
    const [a0, a1] = args as [Fn, Fn];
    return (d) => run([a0(d), a1(d)], d);
  }
  return (d) =>
    run(
      args.map((f) => f(d)),
      d,
    );
}

/** `{"var":"a.b"}` with a literal path and literal (or no) default: split the path once. */
function constantVar(values: unknown[]): Fn | undefined {
  const [path, fallback] = values;
  if (values.length > 2 || typeof path !== "string" || isLogic(fallback) || Array.isArray(fallback))
    return undefined;
  if (path === "") return (d) => d;
  const segments = path.split(".");
  const notFound = fallback === undefined ? null : fallback;
  return (d) => {
    let current = d;
    for (const segment of segments) {
      if (current === null || current === undefined || !v.hasOwn(current, segment)) return notFound;
      current = (current as Record<string, unknown>)[segment];
      if (current === undefined) return notFound;
    }
    return current;
  };
}

function compileIf(branches: Fn[]): Fn {
  return (d) => {
    let i = 0;
    for (; i < branches.length - 1; i += 2) if (v.truthy(branches[i]!(d))) return branches[i + 1]!(d);
    return branches.length === i + 1 ? branches[i]!(d) : null;
  };
}

function compileAndOr(operands: Fn[], isAnd: boolean): Fn {
  return (d) => {
    let current: unknown;
    for (const operand of operands) {
      current = operand(d);
      if (v.truthy(current) !== isAnd) return current;
    }
    return current;
  };
}

/**
 * Allocation-free closures for the arithmetic and comparisons rules are made of. Operands are still
 * evaluated in order; a coercion may now run before a later operand is evaluated, which can only
 * change which of two errors is thrown, never whether one is.
 */
function specialised(op: OperatorName, args: Fn[]): Fn | undefined {
  if (op === "+") {
    return (d) => {
      let sum = 0;
      for (const f of args) sum = sum + v.addend(f(d));
      return sum;
    };
  }
  if (op === "*" && args.length >= 2) {
    const [a0, a1, ...rest] = args as [Fn, Fn, ...Fn[]];
    return (d) => {
      let product = v.factor(a0(d)) * v.factor(a1(d));
      for (const f of rest) product = v.factor(product) * v.factor(f(d));
      return product;
    };
  }
  if (args.length !== 2) return undefined;
  const [a, b] = args as [Fn, Fn];
  switch (op) {
    case "<":
      return (d) => (a(d) as number) < (b(d) as number);
    case "<=":
      return (d) => (a(d) as number) <= (b(d) as number);
    case ">":
      return (d) => (a(d) as number) > (b(d) as number);
    case ">=":
      return (d) => (a(d) as number) >= (b(d) as number);
    case "===":
      return (d) => a(d) === b(d);
    case "-":
      return (d) => v.minus(a(d), b(d));
    case "/":
      return (d) => (a(d) as number) / (b(d) as number);
    case "min":
      return (d) => Math.min(a(d) as number, b(d) as number);
    case "max":
      return (d) => Math.max(a(d) as number, b(d) as number);
    default:
      return undefined;
  }
}
