/**
 * The non-codegen compiled evaluator: logic becomes a tree of closures, built once, so a page whose
 * Content-Security-Policy forbids `eval` still runs rules without re-walking the JSON per record.
 * Every closure mirrors the json-logic-js operator it stands for; operands are always evaluated in
 * order and completely before the operator runs, as json-logic-js does (so a throwing or logging
 * operand behaves the same even where its value is ignored; only operands that cannot throw or log,
 * literals and literal-path reads, are skipped where their value is ignored).
 *
 * Speed without `eval` comes from three things, each exact:
 *
 * - **Leaves are not calls.** An operand is a {@link Node}: a literal, a literal-path read or a
 *   closure. Operators read their operands through {@link ev}, one small function V8 inlines into
 *   every operator closure, so a literal costs a field load and `sales.rebate_base_ytd` two property
 *   reads, where a closure per leaf would cost a megamorphic call each (the call target differs for
 *   every node, so V8 can never inline it). Only operands that are themselves operations are calls.
 * - **Static kinds**, as in codegen.ts: truthiness is plain JavaScript where an operand is statically
 *   a boolean, number or string, and `+`/`*` skip parseFloat where an operand is statically a number.
 * - **Repeated pure subexpressions** of the rule's own data scope (E1 computes its scores twice) are
 *   evaluated once per call (see cse.ts), tagged with a per-call counter instead of a fresh frame.
 *
 * Path segments are own-checked exactly where codegen.ts checks them: segments that name a member of
 * a builtin prototype (builtinNames.ts); others cannot be inherited by JSON data and are read directly.
 */
import { isBuiltinMemberName } from "./builtinNames";
import { constantVar, pureKey, repeatedExpressions } from "./cse";
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

/** What an operand is statically known to be (codegen.ts has the same lattice). */
type Kind = "bool" | "number" | "string" | "value" | "any";

const plain = (k: Kind) => k === "bool" || k === "number" || k === "string";

// eslint-disable-next-line @typescript-eslint/unbound-method -- always invoked with .call(target, key)
const hop = Object.prototype.hasOwnProperty;

const CONST = 0;
const PATH1 = 1;
const PATH2 = 2;
const PATH3 = 3;
const PATHN = 4;
const CALL = 5;
const WHOLE = 6;

/**
 * One compiled operand. A single class (one hidden class) so {@link ev} stays monomorphic; `tag` says
 * which fields are used. `own` has bit i set when segment i must be own-checked.
 */
class Node {
  constructor(
    readonly tag: number,
    readonly kind: Kind,
    /** Cannot throw or log: may be skipped where its value is ignored. */
    readonly pure: boolean,
    readonly value: unknown,
    readonly fn: Fn,
    readonly s0: string,
    readonly s1: string,
    readonly s2: string,
    readonly segments: readonly string[],
    readonly own: number,
  ) {}
}

const noFn: Fn = () => undefined;

function constant(value: unknown, kind: Kind): Node {
  return new Node(CONST, kind, true, value, noFn, "", "", "", [], 0);
}

function call(fn: Fn, kind: Kind, pure = false): Node {
  return new Node(CALL, kind, pure, undefined, fn, "", "", "", [], 0);
}

/** The value of an operand for `d`: inlined by V8 into each operator closure. */
function ev(n: Node, d: unknown): unknown {
  switch (n.tag) {
    case CONST:
      return n.value;
    case CALL:
      return n.fn(d);
    case PATH1: {
      if (d === null || d === undefined || (n.own & 1 && !hop.call(d, n.s0))) return n.value;
      const a = (d as Record<string, unknown>)[n.s0];
      return a === undefined ? n.value : a;
    }
    case PATH2: {
      if (d === null || d === undefined || (n.own & 1 && !hop.call(d, n.s0))) return n.value;
      const a = (d as Record<string, unknown>)[n.s0];
      if (a === null || a === undefined || (n.own & 2 && !hop.call(a, n.s1))) return n.value;
      const b = (a as Record<string, unknown>)[n.s1];
      return b === undefined ? n.value : b;
    }
    case PATH3: {
      if (d === null || d === undefined || (n.own & 1 && !hop.call(d, n.s0))) return n.value;
      const a = (d as Record<string, unknown>)[n.s0];
      if (a === null || a === undefined || (n.own & 2 && !hop.call(a, n.s1))) return n.value;
      const b = (a as Record<string, unknown>)[n.s1];
      if (b === null || b === undefined || (n.own & 4 && !hop.call(b, n.s2))) return n.value;
      const c = (b as Record<string, unknown>)[n.s2];
      return c === undefined ? n.value : c;
    }
    case WHOLE:
      return d;
    default:
      return readLong(n, d);
  }
}

/** A literal path of four or more segments (every segment own-checked, as the reference does). */
function readLong(n: Node, d: unknown): unknown {
  let current = d;
  for (const segment of n.segments) {
    if (current === null || current === undefined || !hop.call(current, segment)) return n.value;
    current = (current as Record<string, unknown>)[segment];
    if (current === undefined) return n.value;
  }
  return current;
}

/** A literal-path `var` as a leaf node, or undefined when the path or default is computed. */
function pathNode(values: unknown[]): Node | undefined {
  const found = constantVar(values);
  if (!found) return undefined;
  const { segments } = found;
  if (segments.length === 0) return new Node(WHOLE, "any", true, undefined, noFn, "", "", "", [], 0);
  const notFound = found.fallback === undefined ? null : found.fallback;
  let own = 0;
  segments.forEach((s, i) => {
    if (isBuiltinMemberName(s)) own |= 1 << i;
  });
  const tag =
    segments.length === 1 ? PATH1 : segments.length === 2 ? PATH2 : segments.length === 3 ? PATH3 : PATHN;
  const [s0 = "", s1 = "", s2 = ""] = segments;
  return new Node(tag, "value", true, notFound, noFn, s0, s1, s2, segments, own);
}

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

/** The kind of each eager operator's result (where it is not decided in {@link specialised}). */
const eagerKind: Partial<Record<OperatorName, Kind>> = {
  "!": "bool",
  "!!": "bool",
  "==": "bool",
  "===": "bool",
  "!=": "bool",
  "!==": "bool",
  ">": "bool",
  ">=": "bool",
  "<": "bool",
  "<=": "bool",
  "+": "number",
  "-": "number",
  "/": "number",
  "%": "number",
  min: "number",
  max: "number",
  cat: "string",
  substr: "string",
  in: "bool",
  missing: "value",
  missing_some: "value",
  merge: "value",
  var: "any",
};

type Lazy = "if" | "?:" | "and" | "or" | "map" | "filter" | "reduce" | "all" | "some" | "none";

const scopedOps: Record<"map" | "filter" | "all" | "some" | "none", (s: unknown, b: Body) => unknown> = {
  map: mapOp,
  filter: filterOp,
  all: allOp,
  some: someOp,
  none: noneOp,
};

function union(kinds: Kind[]): Kind {
  const first = kinds[0] ?? "any";
  if (kinds.every((k) => k === first)) return first;
  return kinds.includes("any") ? "any" : "value";
}

/** One data scope being compiled: the rule's own, or an array operator's body. */
interface Scope {
  repeated: Set<string>;
  memos: Map<string, Node>;
  keys: WeakMap<object, string | null>;
  /** Bumped at every call of the scope's root; memo slots compare against it. */
  clock: { now: number };
}

/** Builds the closure tree; the caller has already run the allow-list and limit checks. */
export function closureCompile(logic: unknown): Fn {
  return scopeFunction(logic, new WeakMap());
}

/** The function for one data scope: the root logic, or an array operator's body. */
function scopeFunction(logic: unknown, keys: WeakMap<object, string | null>): Fn {
  const scope: Scope = {
    repeated: repeatedExpressions(logic, keys),
    memos: new Map(),
    keys,
    clock: { now: 0 },
  };
  const root = compileNode(logic, scope);
  if (scope.memos.size === 0) {
    if (root.tag === CALL) return root.fn;
    return (d) => ev(root, d);
  }
  const { clock } = scope;
  return (d) => {
    clock.now++;
    return ev(root, d);
  };
}

function compileNode(logic: unknown, scope: Scope): Node {
  const key = scope.repeated.size && isLogic(logic) ? pureKey(logic, scope.keys) : undefined;
  if (key === undefined || !scope.repeated.has(key)) return compileOperation(logic, scope);
  const known = scope.memos.get(key);
  if (known) return known;
  const inner = compileOperation(logic, scope);
  if (!plain(inner.kind) || inner.tag !== CALL) return inner;
  const { clock } = scope;
  const run = inner.fn;
  let at = 0;
  let value: unknown;
  const memo = call((d) => {
    if (at === clock.now) return value;
    value = run(d);
    at = clock.now;
    return value;
  }, inner.kind);
  scope.memos.set(key, memo);
  return memo;
}

function literalNode(value: unknown): Node {
  switch (typeof value) {
    case "number":
      return constant(value, "number");
    case "string":
      return constant(value, "string");
    case "boolean":
      return constant(value, "bool");
    case "undefined":
      return constant(value, "any");
    default:
      // null, and object literals returned by reference (as json-logic-js returns them).
      return constant(value, "value");
  }
}

function compileOperation(logic: unknown, scope: Scope): Node {
  if (Array.isArray(logic)) {
    const items = logic.map((item) => compileNode(item, scope));
    return call(
      (d) => items.map((n) => ev(n, d)),
      "value",
      items.every((n) => n.pure),
    );
  }
  if (!isLogic(logic)) return literalNode(logic);
  const op = operatorOf(logic) as OperatorName;
  const values = operandsOf(logic, op);
  switch (op) {
    case "if":
    case "?:":
      return compileIf(
        values.map((x) => compileNode(x, scope)),
        0,
      );
    case "and":
    case "or":
      return compileAndOr(
        values.map((x) => compileNode(x, scope)),
        op === "and",
      );
    case "reduce": {
      const scoped = compileNode(values[0], scope);
      const body = scopeFunction(values[1], scope.keys);
      const initial =
        typeof values[2] !== "undefined" ? compileNode(values[2], scope) : constant(null, "value");
      return call((d) => {
        const s = ev(scoped, d);
        return reduceOp(s, body, ev(initial, d));
      }, "any");
    }
    case "map":
    case "filter":
    case "all":
    case "some":
    case "none": {
      const scoped = compileNode(values[0], scope);
      const body = scopeFunction(values[1], scope.keys);
      const run = scopedOps[op];
      return call((d) => run(ev(scoped, d), body), op === "map" || op === "filter" ? "value" : "bool");
    }
    case "var": {
      const leaf = pathNode(values);
      if (leaf) return leaf;
    }
  }
  const args = values.map((x) => compileNode(x, scope));
  return specialised(op, args) ?? generic(op, args);
}

/** `if` from branch `i` on: condition, then, and the rest as a nested `if` (or the else branch). */
function compileIf(branches: Node[], i: number): Node {
  const left = branches.length - i;
  if (left === 0) return constant(null, "value");
  if (left === 1) return branches[i]!;
  const c = branches[i]!;
  const t = branches[i + 1]!;
  const e = left === 2 ? constant(null, "value") : compileIf(branches, i + 2);
  const kind = union([t.kind, e.kind]);
  if (plain(c.kind)) return call((d) => (ev(c, d) ? ev(t, d) : ev(e, d)), kind);
  return call((d) => (v.truthy(ev(c, d)) ? ev(t, d) : ev(e, d)), kind);
}

/** `and`/`or`: the first operand that decides, or the last; nested two at a time. */
function compileAndOr(operands: Node[], isAnd: boolean): Node {
  if (operands.length === 0) return constant(undefined, "any");
  if (operands.length === 1) return operands[0]!;
  const a = operands[0]!;
  const b = compileAndOr(operands.slice(1), isAnd);
  const kind = union(operands.map((n) => n.kind));
  if (plain(a.kind)) {
    return isAnd ? call((d) => ev(a, d) && ev(b, d), kind) : call((d) => ev(a, d) || ev(b, d), kind);
  }
  return isAnd
    ? call((d) => {
        const x = ev(a, d);
        return v.truthy(x) ? ev(b, d) : x;
      }, kind)
    : call((d) => {
        const x = ev(a, d);
        return v.truthy(x) ? x : ev(b, d);
      }, kind);
}

/** The operator over all operands through its json-logic-js body, arguments in an array. */
function generic(op: Exclude<OperatorName, Lazy>, args: Node[]): Node {
  const run = eager[op];
  const kind = op === "*" ? "any" : (eagerKind[op] ?? "any");
  if (args.length === 0) return call((d) => run([], d), kind);
  if (args.length === 1) {
    const [a0] = args as [Node];
    return call((d) => run([ev(a0, d)], d), kind);
  }
  if (args.length === 2) {
    const [a0, a1] = args as [Node, Node];
    return call((d) => run([ev(a0, d), ev(a1, d)], d), kind);
  }
  return call(
    (d) =>
      run(
        args.map((n) => ev(n, d)),
        d,
      ),
    kind,
  );
}

/** `parseFloat` as `+` applies it, skipped where the operand is statically a number. */
function addendOf(n: Node): (d: unknown) => number {
  if (n.tag === CONST && typeof n.value === "number") {
    const k = n.value;
    return () => k;
  }
  return n.kind === "number" ? (d) => ev(n, d) as number : (d) => v.addend(ev(n, d));
}

/**
 * Allocation-free closures for the operators rules are made of. Operands are still evaluated in
 * order; a coercion may now run before a later operand is evaluated, which can only change which of
 * two errors is thrown, never whether one is. Operands whose value the operator ignores are
 * evaluated only when they could throw or log (otherwise {@link generic} runs them).
 */
function specialised(op: OperatorName, args: Node[]): Node | undefined {
  if (op === "+") return plus(args);
  if (op === "*") return times(args);
  if (op === "!" || op === "!!") {
    if (args.length !== 1) return undefined;
    const a = args[0]!;
    if (plain(a.kind)) return op === "!" ? call((d) => !ev(a, d), "bool") : call((d) => !!ev(a, d), "bool");
    return op === "!" ? call((d) => !v.truthy(ev(a, d)), "bool") : call((d) => v.truthy(ev(a, d)), "bool");
  }
  if (op === "-" && args.length === 1) {
    const a = args[0]!;
    return call((d) => -(ev(a, d) as number), "number");
  }
  if ((op === "min" || op === "max") && args.length === 3) {
    const [a, b, c] = args as [Node, Node, Node];
    return op === "min"
      ? call((d) => Math.min(ev(a, d) as number, ev(b, d) as number, ev(c, d) as number), "number")
      : call((d) => Math.max(ev(a, d) as number, ev(b, d) as number, ev(c, d) as number), "number");
  }
  // Binary operators: a third operand is only ignored (json-logic-js reads a[0] and a[1]).
  const binary = args.length === 2 || (args.length > 2 && args.slice(2).every((n) => n.pure));
  if (!binary || op === "<" || op === "<=") {
    if ((op === "<" || op === "<=") && args.length === 2) return comparison(op, args[0]!, args[1]!);
    return undefined;
  }
  const [a, b] = args as [Node, Node];
  switch (op) {
    case ">":
    case ">=":
    case "==":
    case "===":
    case "!=":
    case "!==":
      return comparison(op, a, b);
    case "-":
      if (b.kind === "any") return undefined;
      return call((d) => (ev(a, d) as number) - (ev(b, d) as number), "number");
    case "/":
      return call((d) => (ev(a, d) as number) / (ev(b, d) as number), "number");
    case "%":
      return call((d) => (ev(a, d) as number) % (ev(b, d) as number), "number");
    case "min":
      if (args.length !== 2) return undefined;
      return call((d) => Math.min(ev(a, d) as number, ev(b, d) as number), "number");
    case "max":
      if (args.length !== 2) return undefined;
      return call((d) => Math.max(ev(a, d) as number, ev(b, d) as number), "number");
    default:
      return undefined;
  }
}

function comparison(op: OperatorName, a: Node, b: Node): Node {
  switch (op) {
    case "<":
      return call((d) => (ev(a, d) as number) < (ev(b, d) as number), "bool");
    case "<=":
      return call((d) => (ev(a, d) as number) <= (ev(b, d) as number), "bool");
    case ">":
      return call((d) => (ev(a, d) as number) > (ev(b, d) as number), "bool");
    case ">=":
      return call((d) => (ev(a, d) as number) >= (ev(b, d) as number), "bool");
    case "==":
      return call((d) => ev(a, d) == ev(b, d), "bool"); // eslint-disable-line eqeqeq -- json-logic-js's loose equality
    case "===":
      return call((d) => ev(a, d) === ev(b, d), "bool");
    case "!=":
      return call((d) => ev(a, d) != ev(b, d), "bool"); // eslint-disable-line eqeqeq -- json-logic-js's loose inequality
    default:
      return call((d) => ev(a, d) !== ev(b, d), "bool");
  }
}

/** `+`: `0 + A(x) + A(y) …` in order (a sum from +0 is never -0, so the final parseFloat is exact). */
function plus(args: Node[]): Node {
  if (args.length === 0) return constant(0, "number");
  if (args.length === 1) {
    const a = addendOf(args[0]!);
    return call((d) => 0 + a(d), "number");
  }
  if (args.length === 2) {
    const [a, b] = args as [Node, Node];
    if (a.kind === "number" && b.kind === "number")
      return call((d) => 0 + (ev(a, d) as number) + (ev(b, d) as number), "number");
    return call((d) => 0 + num(a, d) + num(b, d), "number");
  }
  return call((d) => {
    let sum = 0;
    for (const n of args) sum = sum + num(n, d);
    return sum;
  }, "number");
}

/** An operand as `+` reads it. */
function num(n: Node, d: unknown): number {
  const x = ev(n, d);
  return typeof x === "number" ? x : parseFloat(x as string);
}

/** An operand as `*` reads it: parseFloat, which turns -0 into +0 (`x + 0` does the same). */
function fac(n: Node, d: unknown): number {
  const x = ev(n, d);
  return typeof x === "number" ? x + 0 : parseFloat(x as string);
}

/** `*`: reduce without an initial value; every intermediate product is read again with parseFloat. */
function times(args: Node[]): Node | undefined {
  if (args.length === 0) return undefined;
  if (args.length === 1) return args[0]!;
  if (args.length === 2) {
    const [a, b] = args as [Node, Node];
    if (a.tag === CONST && typeof a.value === "number") {
      const k = a.value + 0;
      return call((d) => k * fac(b, d), "number");
    }
    if (b.tag === CONST && typeof b.value === "number") {
      const k = b.value + 0;
      return call((d) => fac(a, d) * k, "number");
    }
    return call((d) => fac(a, d) * fac(b, d), "number");
  }
  const [a0, a1, ...rest] = args as [Node, Node, ...Node[]];
  return call((d) => {
    let product = fac(a0, d) * fac(a1, d);
    for (const n of rest) product = (product + 0) * fac(n, d);
    return product;
  }, "number");
}
