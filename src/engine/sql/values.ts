/** Typed SQL values and the scopes of array operators, for the translator in logic.ts. */
import { isLogic, operandsOf, operatorOf } from "../jsonlogic/logicShape";
import { doubleLiteral, stringLiteral, type Dialect } from "./dialect";
import { SqlRefusal, type Scope, type SqlValue } from "./types";

export function literalValue(dialect: Dialect, value: unknown, pointer: string): SqlValue {
  if (value === null)
    return {
      kind: "scalar",
      sql: "NULL",
      type: "null",
      nullable: true,
      nonFinite: false,
      integer: false,
      literal: { value },
    };
  switch (typeof value) {
    case "number":
      return {
        kind: "scalar",
        sql: doubleLiteral(dialect, value),
        type: "number",
        nullable: false,
        nonFinite: !Number.isFinite(value),
        integer: Number.isInteger(value),
        literal: { value },
      };
    case "string":
      return {
        kind: "scalar",
        sql: `CAST(${stringLiteral(value)} AS ${dialect.text})`,
        type: "string",
        nullable: false,
        nonFinite: false,
        integer: false,
        literal: { value },
      };
    case "boolean":
      return {
        kind: "scalar",
        sql: value ? "TRUE" : "FALSE",
        type: "boolean",
        nullable: false,
        nonFinite: false,
        integer: false,
        literal: { value },
      };
  }
  throw new SqlRefusal(pointer, "an object literal has no SQL value");
}

export function number(
  sql: string,
  opts: Partial<Pick<SqlValue, "nullable" | "nonFinite" | "integer">> = {},
): SqlValue {
  return {
    kind: "scalar",
    sql,
    type: "number",
    nullable: opts.nullable ?? false,
    nonFinite: opts.nonFinite ?? false,
    integer: opts.integer ?? false,
  };
}

export function bool(sql: string): SqlValue {
  return { kind: "scalar", sql, type: "boolean", nullable: false, nonFinite: false, integer: false };
}

/** A scope over one array element: its fields, or the element itself as `""`. */
export function elementScope(value: SqlValue, pointer: string): Scope {
  return {
    read(path) {
      if (path === "") return value;
      throw new SqlRefusal(pointer, `the element has no field ${path}`);
    },
  };
}

/** The scope of one `reduce` step: `current` (the element) and `accumulator`. */
export function stepScope(element: Scope, acc: SqlValue): Scope {
  return {
    read(path, pointer) {
      if (path === "accumulator") return acc;
      if (path === "current") return element.read("", pointer);
      if (path.startsWith("current.")) return element.read(path.slice("current.".length), pointer);
      throw new SqlRefusal(
        pointer,
        `inside \`reduce\` only current and accumulator can be read, not ${path}`,
      );
    },
  };
}

export function countReads(logic: unknown, name: string): number {
  if (Array.isArray(logic)) return logic.reduce((n: number, x) => n + countReads(x, name), 0);
  if (!isLogic(logic)) return 0;
  const op = operatorOf(logic);
  const args = operandsOf(logic, op);
  if (op === "var") {
    const p = args[0];
    return typeof p === "string" && (p === name || p.startsWith(name + ".")) ? 1 : countReads(args, name);
  }
  return countReads(args, name);
}

/** `{"+": [{"var":"accumulator"}, term]}` (either order): the term and its operand index. */
export function sumStep(reducer: unknown): { term: unknown; index: number } | undefined {
  if (!isLogic(reducer) || operatorOf(reducer) !== "+") return undefined;
  const args = operandsOf(reducer, "+");
  if (args.length !== 2) return undefined;
  const isAcc = (x: unknown) =>
    isLogic(x) &&
    operatorOf(x) === "var" &&
    operandsOf(x, "var")[0] === "accumulator" &&
    operandsOf(x, "var").length === 1;
  if (isAcc(args[0]) && countReads(args[1], "accumulator") === 0) return { term: args[1], index: 1 };
  if (isAcc(args[1]) && countReads(args[0], "accumulator") === 0) return { term: args[0], index: 0 };
  return undefined;
}
