/**
 * JavaScript source generation for {@link compile}. Each operation becomes an expression that mirrors
 * its json-logic-js operator exactly; the common numeric case is specialised:
 *
 * - `var` with a literal dotted path becomes direct property reads, each guarded by an own-property
 *   check (the hardening) and an `undefined` check (json-logic-js's "not found").
 * - Comparisons, `/`, `%`, `-`, `min` and `max` become the JavaScript operators they are in logic.js.
 * - `+` becomes `0 + A(x) + A(y)`: json-logic-js reduces with parseFloat from 0, and since such a sum
 *   can never be -0, `parseFloat(sum)` is `sum` itself; only the operands need `A` (parseFloat unless
 *   already a number). `*` reduces without an initial value, and parseFloat(-0) is +0, so every
 *   intermediate product is normalised with `+ 0`.
 * - `and`/`or`/`!` and conditions use plain JavaScript truthiness when the operand is statically a
 *   boolean, number or string; only other values go through `T` (an empty array is falsy).
 *
 * Injection safety: the operator is only ever matched against the allow-list, never written out;
 * strings and keys go through {@link jsString}/{@link jsMember}, numbers through {@link jsNumber}, and
 * every other literal (objects) is passed in by reference through the `K` array. Names in the
 * generated code are all generated here.
 */
import { jsMember, jsNumber, jsString } from "./escape";
import { isLogic, operandsOf, operatorOf } from "./logicShape";
import type { OperatorName } from "./operatorNames";
import { isBuiltinMemberName } from "./builtinNames";
import { constantVar, pureKey, repeatedExpressions } from "./cse";

type Kind = "bool" | "number" | "string" | "value" | "any";

interface Expr {
  code: string;
  /** Set for number literals, so arithmetic can fold their parseFloat at generation time. */
  number?: number;
  kind: Kind;
  /** Cannot throw or log, so it may be skipped when its value is ignored. */
  pure: boolean;
}

interface FnContext {
  temps: string[];
  /** Memo slots of repeated pure expressions, reset to the sentinel `U` on every call. */
  memos: string[];
  memoByKey: Map<string, string>;
  repeated: Set<string>;
  /** Hoisted literal-path reads: one `const` per path prefix, computed at function entry. */
  paths: Map<string, string>;
  decls: string[];
}

/** Names of the runtime helpers, in the order the generated factory receives them. */
export const helperNames = [
  "hop",
  "T",
  "A",
  "F",
  "L",
  "LT",
  "LE",
  "MI",
  "TI",
  "IN",
  "CP",
  "SUB",
  "MRG",
  "LOG",
  "MS",
  "MSS",
  "MAP",
  "FIL",
  "RED",
  "ALL",
  "SOME",
  "NONE",
  "U",
  "K",
] as const;

/** The generated factory source and the object literals it references through `K`. */
export interface Generated {
  source: string;
  constants: unknown[];
}

const plain = (k: Kind) => k === "bool" || k === "number" || k === "string";

/** Generates the factory body for `logic`; the caller has checked the allow-list and the limits. */
export function generate(logic: unknown): Generated {
  const constants: unknown[] = [];
  const functions: string[] = [];
  let counter = 0;
  const temp = (fn: FnContext) => {
    const name = `t${++counter}`;
    fn.temps.push(name);
    return name;
  };

  const keys = new WeakMap<object, string | null>();
  const context = (scopeRoot: unknown): FnContext => ({
    temps: [],
    memos: [],
    memoByKey: new Map(),
    repeated: repeatedExpressions(scopeRoot, keys),
    paths: new Map(),
    decls: [],
  });
  const render = (name: string, fn: FnContext, code: string): string => {
    const lines = [`function ${name}(d) {`];
    if (fn.temps.length) lines.push(`let ${fn.temps.join(", ")};`);
    if (fn.memos.length) lines.push(`let ${fn.memos.map((m) => `${m} = U`).join(", ")};`);
    lines.push(...fn.decls, `return ${code};`, "}");
    return lines.join("\n");
  };
  const functionFor = (body: unknown): string => {
    const fn = context(body);
    const expr = emit(body, fn);
    const name = `f${++counter}`;
    functions.push(render(name, fn, expr.code));
    return name;
  };

  /** The hoisted variable holding `segments` read from `d` (undefined when not found). */
  const pathVariable = (fn: FnContext, segments: string[]): string => {
    let parent = "d";
    for (let i = 1; i <= segments.length; i++) {
      const key = JSON.stringify(segments.slice(0, i));
      let name = fn.paths.get(key);
      if (!name) {
        name = `p${++counter}`;
        const segment = segments[i - 1]!;
        const read = `${parent}${jsMember(segment)}`;
        const own = isBuiltinMemberName(segment) ? `hop.call(${parent}, ${jsString(segment)})` : undefined;
        fn.decls.push(
          own
            ? `const ${name} = ${parent} != null && ${own} ? ${read} : undefined;`
            : `const ${name} = ${parent} != null ? ${read} : undefined;`,
        );
        fn.paths.set(key, name);
      }
      parent = name;
    }
    return parent;
  };

  const literal = (value: unknown): Expr => {
    switch (typeof value) {
      case "number":
        return { code: jsNumber(value), kind: "number", pure: true, number: value };
      case "string":
        return { code: jsString(value), kind: "string", pure: true };
      case "boolean":
        return { code: String(value), kind: "bool", pure: true };
      case "undefined":
        return { code: "(void 0)", kind: "any", pure: true };
      default:
        if (value === null) return { code: "null", kind: "value", pure: true };
        constants.push(value);
        return { code: `K[${constants.length - 1}]`, kind: "value", pure: true };
    }
  };

  const truth = (e: Expr) => (plain(e.kind) ? e.code : `T(${e.code})`);

  /** Operands evaluated in order; those past `used` only for their effects (skipped when pure). */
  const eager = (fn: FnContext, args: Expr[], used: number, build: (codes: string[]) => string): string => {
    const codes = Array.from({ length: used }, (_, i) => args[i]?.code ?? "(void 0)");
    const extras = args.slice(used).filter((e) => !e.pure);
    if (extras.length === 0) return build(codes);
    const names = codes.map(() => temp(fn));
    const assigns = codes.map((c, i) => `${names[i]} = ${c}`);
    return `(${[...assigns, ...extras.map((e) => e.code), build(names)].join(", ")})`;
  };

  const union = (kinds: Kind[]): Kind => {
    const first = kinds[0] ?? "any";
    if (kinds.every((k) => k === first)) return first;
    return kinds.includes("any") ? "any" : "value";
  };

  const literalVar = (values: unknown[], fn: FnContext): Expr | undefined => {
    const constant = constantVar(values);
    if (!constant) return undefined;
    if (constant.segments.length === 0) return { code: "d", kind: "any", pure: true };
    const notFound = constant.fallback === undefined ? "null" : literal(constant.fallback).code;
    const path = pathVariable(fn, constant.segments);
    const key = `${path}|${notFound}`;
    let name = fn.paths.get(key);
    if (!name) {
      name = `v${++counter}`;
      fn.decls.push(`const ${name} = ${path} === undefined ? ${notFound} : ${path};`);
      fn.paths.set(key, name);
    }
    return { code: name, kind: "value", pure: true };
  };

  function emit(node: unknown, fn: FnContext): Expr {
    const key = fn.repeated.size && isLogic(node) ? pureKey(node, keys) : undefined;
    if (key === undefined || !fn.repeated.has(key)) return emitNode(node, fn);
    const inner = emitNode(node, fn);
    if (!plain(inner.kind)) return inner;
    let memo = fn.memoByKey.get(key);
    if (!memo) {
      memo = `m${++counter}`;
      fn.memos.push(memo);
      fn.memoByKey.set(key, memo);
    }
    return { code: `(${memo} !== U ? ${memo} : (${memo} = ${inner.code}))`, kind: inner.kind, pure: false };
  }

  function emitNode(node: unknown, fn: FnContext): Expr {
    if (Array.isArray(node)) {
      const items = node.map((item) => emit(item, fn));
      return {
        code: `[${items.map((e) => e.code).join(", ")}]`,
        kind: "value",
        pure: items.every((e) => e.pure),
      };
    }
    if (!isLogic(node)) return literal(node);
    const op = operatorOf(node) as OperatorName;
    const values = operandsOf(node, op);
    switch (op) {
      case "if":
      case "?:":
        return emitIf(values, fn);
      case "and":
      case "or":
        return emitAndOr(values, fn, op === "and");
      case "map":
      case "filter":
      case "all":
      case "some":
      case "none": {
        const helper = { map: "MAP", filter: "FIL", all: "ALL", some: "SOME", none: "NONE" }[op];
        const scoped = emit(values[0], fn);
        return {
          code: `${helper}(${scoped.code}, ${functionFor(values[1])})`,
          kind: op === "map" || op === "filter" ? "value" : "bool",
          pure: false,
        };
      }
      case "reduce": {
        const scoped = emit(values[0], fn);
        const body = functionFor(values[1]);
        const initial = typeof values[2] !== "undefined" ? emit(values[2], fn).code : "null";
        return { code: `RED(${scoped.code}, ${body}, ${initial})`, kind: "any", pure: false };
      }
      case "var": {
        const fast = literalVar(values, fn);
        if (fast) return fast;
      }
    }
    const args = values.map((value) => emit(value, fn));
    return emitEager(op, args, fn);
  }

  function emitIf(values: unknown[], fn: FnContext): Expr {
    const parts: string[] = [];
    const kinds: Kind[] = [];
    let i = 0;
    for (; i < values.length - 1; i += 2) {
      const cond = emit(values[i], fn);
      const then = emit(values[i + 1], fn);
      parts.push(`${truth(cond)} ? ${then.code} : `);
      kinds.push(then.kind);
    }
    const last = values.length === i + 1 ? emit(values[i], fn) : literal(null);
    kinds.push(last.kind);
    return { code: `(${parts.join("")}${last.code})`, kind: union(kinds), pure: false };
  }

  function emitAndOr(values: unknown[], fn: FnContext, isAnd: boolean): Expr {
    if (values.length === 0) return literal(undefined);
    const operands = values.map((value) => emit(value, fn));
    const kind = union(operands.map((e) => e.kind));
    if (operands.slice(0, -1).every((e) => plain(e.kind))) {
      return { code: `(${operands.map((e) => e.code).join(isAnd ? " && " : " || ")})`, kind, pure: false };
    }
    let code = operands[operands.length - 1]!.code;
    for (let i = operands.length - 2; i >= 0; i--) {
      const t = temp(fn);
      code = `(${t} = ${operands[i]!.code}, ${isAnd ? "!" : ""}T(${t}) ? ${t} : ${code})`;
    }
    return { code, kind, pure: false };
  }

  function emitEager(op: OperatorName, args: Expr[], fn: FnContext): Expr {
    const expr = (code: string, kind: Kind): Expr => ({ code, kind, pure: false });
    const bin = (symbol: string, kind: Kind) =>
      expr(
        eager(fn, args, 2, ([a, b]) => `(${a} ${symbol} ${b})`),
        kind,
      );
    const call = (helper: string, used: number, kind: Kind) =>
      expr(
        eager(fn, args, used, (codes) => `${helper}(${codes.join(", ")})`),
        kind,
      );
    const list = (helper: string, kind: Kind) =>
      expr(`${helper}([${args.map((e) => e.code).join(", ")}])`, kind);
    switch (op) {
      case "var":
        return expr(
          eager(fn, args, 2, ([a, b]) => `L(d, ${a}, ${b})`),
          "value",
        );
      case "missing":
        return expr(`MS(d, [${args.map((e) => e.code).join(", ")}])`, "value");
      case "missing_some":
        return expr(
          eager(fn, args, 2, ([a, b]) => `MSS(d, ${a}, ${b})`),
          "value",
        );
      case "==":
      case "===":
      case "!=":
      case "!==":
      case ">":
      case ">=":
        return bin(op, "bool");
      case "<":
      case "<=":
        return args.length <= 2 ? bin(op, "bool") : call(op === "<" ? "LT" : "LE", 3, "bool");
      case "!":
      case "!!": {
        const a = args[0] ?? literal(undefined);
        const negate = op === "!" ? "!" : "!!";
        const code = plain(a.kind) ? `${negate}(${a.code})` : `${op === "!" ? "!" : ""}T(${a.code})`;
        return expr(
          eager(fn, [{ ...a, code }, ...args.slice(1)], 1, ([c]) => c!),
          "bool",
        );
      }
      case "+": {
        const terms = args.map((e) => (e.kind === "number" ? e.code : `A(${e.code})`));
        return expr(`(${["0", ...terms].join(" + ")})`, "number");
      }
      case "*": {
        if (args.length < 2) return args.length === 1 ? args[0]! : list("TI", "any");
        const factors = args.map((e) =>
          e.number !== undefined
            ? jsNumber(e.number + 0)
            : e.kind === "number"
              ? `(${e.code} + 0)`
              : `F(${e.code})`,
        );
        let code = `${factors[0]} * ${factors[1]}`;
        for (const f of factors.slice(2)) code = `(${code} + 0) * ${f}`;
        return expr(`(${code})`, "number");
      }
      case "-":
        if (args.length === 1) return expr(`(-(${args[0]!.code}))`, "number");
        return args[1] && args[1].kind !== "any" ? bin("-", "number") : call("MI", 2, "number");
      case "/":
      case "%":
        return bin(op, "number");
      case "min":
      case "max":
        return expr(`Math.${op}(${args.map((e) => e.code).join(", ")})`, "number");
      case "cat": {
        const parts = args.map((e) =>
          e.kind === "string" ? e.code : e.kind === "number" ? `("" + ${e.code})` : `CP(${e.code})`,
        );
        return expr(`(${['""', ...parts].join(" + ")})`, "string");
      }
      case "substr":
        return call("SUB", 3, "string");
      case "in":
        return call("IN", 2, "bool");
      case "merge":
        return list("MRG", "value");
      case "log":
        return call("LOG", 1, "any");
      default:
        throw new Error(`codegen: unexpected operator ${op}`);
    }
  }

  const root = context(logic);
  const top = emit(logic, root);
  const source = `"use strict";\n${functions.join("\n")}\nreturn ${render("evaluate", root, top.code)};`;
  return { source, constants };
}
