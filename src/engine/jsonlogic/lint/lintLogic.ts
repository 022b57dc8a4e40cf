import type { Problem } from "../../problem";
import { locatePointer } from "../../source/jsonPosition";
import { defaultLimits, scanLogic, type LogicLimits } from "../limits";
import { isLogic, operandPointer, operandsOf, operatorOf } from "../logicShape";
import { arrayOperators, isOperatorName, type OperatorName } from "../operatorNames";
import { operatorSpecs } from "../operators";
import { lookup } from "../values";
import { messages, severities, type LintCode } from "./messages";
import { describePath, topLevelFields, type JsonSchemaLike, type PathInfo } from "./schema";
import { staticType } from "./staticType";
import type { LocalizedText } from "../../../base";

/** What the linter may know besides the logic itself; every member is optional. */
export interface LintOptions {
  /** Pointer of the logic inside its document (`/logic` in a rule file); prefixes every pointer. */
  pointerPrefix?: string;
  /** The document's text, so every problem gets a line and column. */
  sourceText?: string;
  /** Copied onto every problem. */
  file?: string;
  /** JSON Schema of one dataset record, for `var` path checks. */
  datasetSchema?: JsonSchemaLike;
  /** Sample records, for the share of records missing a field. */
  sample?: readonly unknown[];
  /** Declared parameter names; `params.*` reads are checked only when given. */
  paramNames?: readonly string[];
  /**
   * The parameter declarations of the pack the rule runs in (a manifest's or pack's `params`), when
   * known. A run refuses parameter values of the wrong type or outside the bounds, so a division by
   * `params.<name>` declared as a number with `min > 0` (or `max < 0`) cannot divide by zero and is
   * not reported as `lint/unguarded-division`. Leave it out for a rule linted on its own.
   */
  paramDeclarations?: Readonly<Record<string, ParamBounds>>;
  /**
   * `pop.<name>` paths the caller can prove are never null where this rule runs (the pack lint
   * derives them from the population operators; see `nonNullPopPaths` in src/engine/pack/lint.ts).
   * Other `pop.` reads are treated as possibly null.
   */
  nonNullPaths?: ReadonlySet<string>;
  /** The rule's declared output type. */
  outputType?: "number" | "integer" | "boolean" | "string";
  limits?: LogicLimits;
}

/** What the linter reads of a parameter declaration (a pack's `ParamSpec` fits). */
export interface ParamBounds {
  type: string;
  min?: number;
  max?: number;
}

const reserved = new Set(["params", "ctx", "pop", "out"]);

type Scope = { kind: "outer" } | { kind: "element"; op: OperatorName } | { kind: "reduce" };

interface Visit {
  pointer: string;
  depth: number;
  scope: Scope;
  /** Operands evaluated (as conditions) before this node runs: its guards. */
  guards: unknown[];
}

/**
 * Validates and lints one logic expression (pack-format §7), returning every problem at once, each
 * with a stable code, a severity, a message in English and Chinese, a JSON pointer and, when the
 * source text is given, its line and column.
 */
export function lintLogic(logic: unknown, options: LintOptions = {}): Problem[] {
  const base = options.pointerPrefix ?? "";
  const limits = options.limits ?? defaultLimits;
  const found: { code: LintCode; message: LocalizedText; pointer: string }[] = [];
  const report = (code: LintCode, message: LocalizedText, pointer: string) =>
    found.push({ code, message, pointer });

  for (const violation of scanLogic(logic, limits, base)) {
    report(
      violation.code,
      violation.code === "logic/unknown-operator"
        ? messages.unknownOperator(violation.operator ?? "")
        : messages.limit(violation.message),
      violation.pointer,
    );
  }

  const schema = options.datasetSchema;
  const fields = schema ? topLevelFields(schema) : new Set<string>();
  const pathInfo = (path: string): PathInfo | undefined =>
    schema ? describePath(schema, path.split(".")) : undefined;
  const missingShare = (path: string): number | undefined => {
    const sample = options.sample;
    if (!sample || sample.length === 0) return undefined;
    const missing = sample.filter((record) => lookup(record, path, undefined) === null).length;
    return missing / sample.length;
  };

  const checkRead = (path: string, pointer: string, scope: Scope) => {
    const first = path.split(".")[0] ?? "";
    if (path === "") return;
    if (scope.kind === "element" && (reserved.has(first) || fields.has(first))) {
      report("lint/outer-scope-var", messages.outerScopeVar(path, scope.op), pointer);
      return;
    }
    if (scope.kind === "reduce" && first !== "current" && first !== "accumulator") {
      report("lint/outer-scope-var", messages.outerScopeVar(path, "reduce"), pointer);
      return;
    }
    if (scope.kind !== "outer") return;
    if (first === "params") {
      const name = path.split(".")[1];
      if (options.paramNames && name !== undefined && !options.paramNames.includes(name)) {
        report("logic/unknown-param", messages.unknownParam(name, options.paramNames), pointer);
      }
      return;
    }
    if (reserved.has(first)) return;
    if (schema) {
      if (!describePath(schema, path.split(".")).known) {
        report("lint/unknown-field", messages.unknownField(path, missingShare(path)), pointer);
      }
    } else {
      const share = missingShare(path);
      if (share === 1) report("lint/unknown-field", messages.missingInSample(path, share), pointer);
    }
  };

  const mayBeNull = (node: unknown, scope: Scope): boolean => {
    if (node === null) return true;
    if (!isLogic(node)) return false;
    const op = operatorOf(node);
    const values = operandsOf(node, op);
    if (op === "if" || op === "?:") {
      if (values.length % 2 === 0) return true;
      return values.some((v, i) => (i % 2 === 1 || i === values.length - 1) && mayBeNull(v, scope));
    }
    if (op !== "var" || scope.kind !== "outer") return false;
    const [path, fallback] = values;
    if (fallback !== undefined && fallback !== null) return false;
    if (typeof path !== "string" || path === "") return false;
    const segments = path.split(".");
    const first = segments[0]!;
    // `out.<id>` is never null where a rule runs: the pipeline does not evaluate a rule whose `out`
    // reads failed for the record (`rule/upstream`), and a rule's checked output is never null. A
    // deeper `out.<id>.x` reads a member of a scalar, so it stays nullable; `pop.` values may be null.
    if (first === "out") return segments.length !== 2;
    if (first === "pop") return !options.nonNullPaths?.has(path);
    if (reserved.has(first)) return false;
    const info = pathInfo(path);
    if (info) return !info.alwaysPresent;
    return (missingShare(path) ?? 0) > 0;
  };

  const visit = (node: unknown, at: Visit): void => {
    if (at.depth > limits.maxDepth) return;
    if (Array.isArray(node)) {
      if (node.length > limits.maxArrayLength) return;
      node.forEach((item, i) => visit(item, { ...at, pointer: `${at.pointer}/${i}`, depth: at.depth + 1 }));
      return;
    }
    if (typeof node !== "object" || node === null) return;
    if (!isLogic(node)) {
      report("lint/object-literal", messages.objectLiteral(), at.pointer);
      return;
    }
    const op = operatorOf(node);
    const values = operandsOf(node, op);
    if (values.length > limits.maxArrayLength) return;
    const operand = (i: number) => operandPointer(node, op, at.pointer, i);
    if (isOperatorName(op)) checkOperation(op, values, at, operand);
    const child = (i: number, scope: Scope = at.scope, guards: unknown[] = at.guards): Visit => ({
      pointer: operand(i),
      depth: at.depth + 1,
      scope,
      guards,
    });
    if (isOperatorName(op) && arrayOperators.has(op)) {
      visit(values[0], child(0));
      const inner: Scope = op === "reduce" ? { kind: "reduce" } : { kind: "element", op };
      if (values.length > 1) visit(values[1], child(1, inner, []));
      if (op === "reduce" && values.length > 2) visit(values[2], child(2));
      return;
    }
    const conditional = op === "if" || op === "?:" || op === "and" || op === "or";
    values.forEach((value, i) => {
      const before = conditional
        ? values.slice(0, i).filter((_, j) => op === "and" || op === "or" || j % 2 === 0)
        : [];
      visit(value, child(i, at.scope, before.length ? [...at.guards, ...before] : at.guards));
    });
  };

  const checkOperation = (op: OperatorName, values: unknown[], at: Visit, operand: (i: number) => string) => {
    const { min, max } = operatorSpecs[op].arity as { min: number; max?: number };
    if (values.length < min || (max !== undefined && values.length > max)) {
      if ((op === "-" || op === "/") && values.length > 2) {
        report("lint/extra-operands", messages.extraOperands(op, values.length), at.pointer);
      } else report("logic/arity", messages.arity(op, values.length, min, max), at.pointer);
    }
    const typeOf = (v: unknown) =>
      staticType(v, (path) => (at.scope.kind === "outer" ? pathInfo(path) : undefined));
    switch (op) {
      case "var": {
        const path = values[0];
        if (typeof path === "string" || typeof path === "number")
          checkRead(String(path), at.pointer, at.scope);
        else if (path !== undefined && path !== null)
          report("lint/dynamic-var", messages.dynamicVar(), at.pointer);
        break;
      }
      case "missing":
      case "missing_some": {
        const keys = op === "missing_some" ? values[1] : Array.isArray(values[0]) ? values[0] : values;
        const keysAt =
          op === "missing_some" || Array.isArray(values[0])
            ? (i: number) => `${operand(op === "missing_some" ? 1 : 0)}/${i}`
            : operand;
        if (Array.isArray(keys))
          keys.forEach((k, i) => typeof k === "string" && checkRead(k, keysAt(i), at.scope));
        break;
      }
      case "==":
      case "!=":
        report("lint/loose-equality", messages.looseEquality(op), at.pointer);
        break;
      case "+":
      case "*":
        if (values.some((v) => mayBeNull(v, at.scope)))
          report("lint/nullable-arithmetic", messages.nullableArithmetic(op), at.pointer);
        break;
      case "/": {
        const divisor = values[1];
        if (!isGuardedDivisor(divisor, at.guards, options.paramDeclarations)) {
          report(
            "lint/unguarded-division",
            messages.unguardedDivision(),
            values.length > 1 ? operand(1) : at.pointer,
          );
        }
        break;
      }
      case "<":
      case "<=":
      case ">":
      case ">=":
        if (values.some((v) => typeOf(v) === "string"))
          report("lint/string-comparison", messages.stringComparison(op), at.pointer);
        break;
      case "in":
        if (typeOf(values[0]) === "number" && typeOf(values[1]) === "string") {
          report("lint/in-number-on-string", messages.inNumberOnString(), at.pointer);
        }
        break;
      case "reduce":
        if (values.length < 3)
          report("lint/reduce-without-initial", messages.reduceWithoutInitial(), at.pointer);
        break;
      default:
        break;
    }
  };

  visit(logic, { pointer: base, depth: 0, scope: { kind: "outer" }, guards: [] });
  if (options.outputType) checkOutput(logic, options.outputType, base, report);

  return found.map(({ code, message, pointer }) => {
    const problem: Problem = { code, severity: severities[code], message, pointer };
    if (options.file !== undefined) problem.file = options.file;
    const position =
      options.sourceText === undefined ? undefined : locatePointer(options.sourceText, pointer);
    if (position) Object.assign(problem, position);
    return problem;
  });
}

function isSafeDivisor(divisor: unknown, params: LintOptions["paramDeclarations"]): boolean {
  if (typeof divisor === "number") return divisor !== 0;
  if (params && isLogic(divisor) && operatorOf(divisor) === "var") {
    const path = operandsOf(divisor, "var")[0];
    const [head, name, ...rest] = typeof path === "string" ? path.split(".") : [];
    const spec =
      head === "params" && name !== undefined && rest.length === 0 && Object.hasOwn(params, name)
        ? params[name]
        : undefined;
    if (spec && (spec.type === "number" || spec.type === "integer")) {
      return (spec.min !== undefined && spec.min > 0) || (spec.max !== undefined && spec.max < 0);
    }
  }
  if (!isLogic(divisor) || operatorOf(divisor) !== "max") return false;
  return operandsOf(divisor, "max").some((v) => typeof v === "number" && v > 0);
}

/**
 * A divisor is guarded when it is safe on its own, when a condition the division runs under mentions
 * it, or when it is a product whose every factor is guarded (`0.25 × annual_sales` under
 * `annual_sales > 0`): a product of non-zero factors is not zero.
 */
function isGuardedDivisor(
  divisor: unknown,
  guards: readonly unknown[],
  params: LintOptions["paramDeclarations"],
): boolean {
  // A literal is judged by its value alone: a guard's text containing "0" says nothing about it.
  if (typeof divisor === "number") return divisor !== 0;
  if (isSafeDivisor(divisor, params) || guards.some((g) => mentions(g, divisor))) return true;
  if (!isLogic(divisor) || operatorOf(divisor) !== "*") return false;
  const factors = operandsOf(divisor, "*");
  return factors.length > 0 && factors.every((f) => isGuardedDivisor(f, guards, params));
}

function mentions(guard: unknown, divisor: unknown): boolean {
  return divisor !== undefined && JSON.stringify(guard).includes(JSON.stringify(divisor));
}

const compatible: Record<NonNullable<LintOptions["outputType"]>, (t: string, v: unknown) => boolean> = {
  number: (t) => t === "number",
  integer: (t, v) => t === "number" && (typeof v !== "number" || Number.isInteger(v)),
  boolean: (t) => t === "boolean",
  string: (t) => t === "string",
};

/** Reports each result position (if branches, the whole expression otherwise) of a provably wrong type. */
function checkOutput(
  logic: unknown,
  declared: NonNullable<LintOptions["outputType"]>,
  pointer: string,
  report: (code: LintCode, message: LocalizedText, pointer: string) => void,
): void {
  if (isLogic(logic) && (operatorOf(logic) === "if" || operatorOf(logic) === "?:")) {
    const op = operatorOf(logic);
    const values = operandsOf(logic, op);
    values.forEach((v, i) => {
      if (i % 2 === 1 || i === values.length - 1)
        checkOutput(v, declared, operandPointer(logic, op, pointer, i), report);
    });
    return;
  }
  const type = staticType(logic);
  if (type !== undefined && !compatible[declared](type, logic)) {
    const actual =
      type === "number" && declared === "integer" ? `the non-integer ${String(logic)}` : `a ${type}`;
    report("logic/output-type", messages.outputType(declared, actual), pointer);
  }
}
