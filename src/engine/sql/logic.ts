/**
 * JsonLogic → SQL expressions with json-logic-js 2.0.5 semantics, given static types (see types.ts).
 * Every operator either translates exactly for the operand types at hand or throws a
 * {@link SqlRefusal} naming the place and the reason; nothing is approximated.
 *
 * JavaScript semantics reproduced here, per operator:
 * - truthiness: `0`, `NaN`, `""`, `null`, `false` and `[]` are falsy (json-logic-js `truthy`);
 * - `<` `>` `<=` `>=` `-` `/` `%` `min` `max` apply JavaScript's Number(): `null` → 0, booleans → 0/1;
 * - `+` and `*` apply parseFloat: `null` and booleans → NaN, so a nullable operand makes NaN (an
 *   output error at the end, as in the runtime);
 * - NaN compares false with everything, though SQL orders it above every number and equal to itself;
 * - division by zero gives ±Infinity or NaN, where PostgreSQL would raise an error;
 * - `==` is loose: between known types it is `===`, except `null == null` only and booleans read as
 *   numbers against numbers.
 */
import { isLogic, operandPointer, operandsOf, operatorOf } from "../jsonlogic/logicShape";
import { doubleLiteral, stringLiteral, type Dialect } from "./dialect";
import { bool, countReads, elementScope, literalValue, number, stepScope, sumStep } from "./values";
import { SqlRefusal, type Scope, type SqlArray, type SqlValue } from "./types";

type Value = SqlValue | SqlArray;

export class LogicTranslator {
  constructor(readonly dialect: Dialect) {}

  private nan(): string {
    return doubleLiteral(this.dialect, NaN);
  }

  /** A scalar, or a refusal when the logic gives an array here. */
  scalar(logic: unknown, scope: Scope, pointer: string): SqlValue {
    const v = this.value(logic, scope, pointer);
    if (v.kind === "array") throw new SqlRefusal(pointer, "an array is used where a single value is needed");
    return v;
  }

  /** JavaScript Number(v) (the `<`, `-`, `/`, `min` coercion). */
  toNumber(v: SqlValue, pointer: string): SqlValue {
    switch (v.type) {
      case "number":
        return v.nullable
          ? number(`COALESCE(${v.sql}, ${doubleLiteral(this.dialect, 0)})`, {
              nonFinite: v.nonFinite,
              integer: v.integer,
            })
          : v;
      case "null":
        return literalValue(this.dialect, 0, pointer);
      case "boolean":
        return number(
          `CASE WHEN ${v.sql} THEN ${doubleLiteral(this.dialect, 1)} ELSE ${doubleLiteral(this.dialect, 0)} END`,
          { integer: true },
        );
      case "string":
        if (v.literal) return literalValue(this.dialect, Number(v.literal.value), pointer);
        throw new SqlRefusal(
          pointer,
          "a string read as a number (JavaScript Number() of text) has no exact SQL translation",
        );
    }
  }

  /** parseFloat(v) (the `+` and `*` coercion): null and booleans give NaN. */
  parseFloat(v: SqlValue, pointer: string): SqlValue {
    switch (v.type) {
      case "number":
        return v.nullable
          ? number(`COALESCE(${v.sql}, ${this.nan()})`, { nonFinite: true, integer: false })
          : v;
      case "null":
      case "boolean":
        return literalValue(this.dialect, NaN, pointer);
      case "string":
        if (v.literal) return literalValue(this.dialect, parseFloat(v.literal.value as string), pointer);
        throw new SqlRefusal(
          pointer,
          "a string read as a number (parseFloat of text) has no exact SQL translation",
        );
    }
  }

  /** A predicate (never NULL) that is true exactly when JavaScript finds the value truthy. */
  truthy(v: Value, pointer: string): string {
    if (v.kind === "array") {
      const parts = v.elements.map((e) => e.include ?? "TRUE");
      return parts.length === 0 ? "FALSE" : `(${parts.join(" OR ")})`;
    }
    if (v.literal) {
      const x = v.literal.value;
      return x !== null && x !== 0 && x !== "" && x !== false && !Number.isNaN(x) ? "TRUE" : "FALSE";
    }
    switch (v.type) {
      case "null":
        return "FALSE";
      case "boolean":
        return v.nullable ? `COALESCE(${v.sql}, FALSE)` : v.sql;
      case "string":
        return v.nullable ? `COALESCE(${v.sql} <> '', FALSE)` : `(${v.sql} <> '')`;
      case "number": {
        const nonZero = v.nonFinite
          ? `(${v.sql} <> 0 AND NOT ${this.dialect.isNan(v.sql)})`
          : `(${v.sql} <> 0)`;
        return v.nullable ? `COALESCE(${nonZero}, FALSE)` : nonZero;
      }
    }
    void pointer;
    return "FALSE";
  }

  /** The truthiness of logic, translated directly (no value needed): `and`/`or`/`!` stay boolean. */
  condition(logic: unknown, scope: Scope, pointer: string): string {
    if (isLogic(logic)) {
      const op = operatorOf(logic);
      const args = operandsOf(logic, op);
      const at = (i: number) => operandPointer(logic, op, pointer, i);
      if ((op === "and" || op === "or") && args.length > 0) {
        const parts = args.map((a, i) => this.condition(a, scope, at(i)));
        return `(${parts.join(op === "and" ? " AND " : " OR ")})`;
      }
      if (op === "!") return `(NOT ${this.condition(args[0], scope, at(0))})`;
      if (op === "!!") return this.condition(args[0], scope, at(0));
    }
    return this.truthy(this.value(logic, scope, pointer), pointer);
  }

  value(logic: unknown, scope: Scope, pointer: string): Value {
    if (Array.isArray(logic)) {
      return {
        kind: "array",
        elements: logic.map((item, i) => {
          const value = this.scalar(item, scope, `${pointer}/${i}`);
          return { value, scope: elementScope(value, `${pointer}/${i}`) };
        }),
      };
    }
    if (!isLogic(logic)) {
      if (typeof logic === "object" && logic !== null)
        throw new SqlRefusal(pointer, "an object literal has no SQL value");
      return literalValue(this.dialect, logic, pointer);
    }
    const op = operatorOf(logic);
    const args = operandsOf(logic, op);
    const at = (i: number) => operandPointer(logic, op, pointer, i);
    const s = (i: number) => this.scalar(args[i], scope, at(i));
    switch (op) {
      case "var":
        return this.variable(args, scope, pointer, at);
      case "if":
      case "?:":
        return this.ifThen(args, scope, at);
      case "and":
      case "or":
        return this.andOr(op, args, scope, pointer, at);
      case "!":
        return bool(`(NOT ${this.condition(args[0], scope, at(0))})`);
      case "!!":
        return bool(this.condition(args[0], scope, at(0)));
      case "===":
      case "!==": {
        const eq = this.strictEquals(s(0), s(1));
        return bool(op === "===" ? eq : `(NOT ${eq})`);
      }
      case "==":
      case "!=": {
        const eq = this.looseEquals(s(0), s(1), pointer);
        return bool(op === "==" ? eq : `(NOT ${eq})`);
      }
      case "<":
      case "<=":
        if (args.length >= 3) {
          const [a, b, c] = [s(0), s(1), s(2)];
          return bool(`(${this.compare(op, a, b, pointer)} AND ${this.compare(op, b, c, pointer)})`);
        }
        return bool(this.compare(op, s(0), s(1), pointer));
      case ">":
      case ">=":
        return bool(this.compare(op, s(0), s(1), pointer));
      case "+":
        return this.plus(args.map((_, i) => this.parseFloat(s(i), at(i))));
      case "*": {
        if (args.length === 0) throw new SqlRefusal(pointer, "`*` without operands throws in json-logic-js");
        if (args.length === 1) return s(0);
        const vs = args.map((_, i) => this.parseFloat(s(i), at(i)));
        return this.fold(vs, "*");
      }
      case "-": {
        if (args.length === 0)
          throw new SqlRefusal(pointer, "`-` without operands gives NaN; write the number");
        const a = this.toNumber(s(0), at(0));
        if (args.length === 1) return number(`(- ${a.sql})`, { nonFinite: a.nonFinite, integer: a.integer });
        return this.fold([a, this.toNumber(s(1), at(1))], "-");
      }
      case "/":
        return this.divide(this.toNumber(s(0), at(0)), this.toNumber(s(1), at(1)));
      case "%":
        return this.modulo(this.toNumber(s(0), at(0)), this.toNumber(s(1), at(1)), pointer);
      case "min":
      case "max":
        return this.minMax(
          op,
          args.map((_, i) => this.toNumber(s(i), at(i))),
        );
      case "in":
        return this.inOp(args, scope, pointer, at);
      case "cat":
        return this.cat(
          args.map((_, i) => s(i)),
          pointer,
        );
      case "filter":
        return this.filter(args, scope, pointer, at);
      case "reduce":
        return this.reduce(logic, args, scope, pointer, at);
      case "some":
      case "all":
      case "none":
        return this.quantifier(op, args, scope, pointer, at);
      default:
        throw new SqlRefusal(
          pointer,
          `\`${op}\` is not translated to SQL (its JavaScript semantics have no exact SQL counterpart here)`,
        );
    }
  }

  private variable(args: unknown[], scope: Scope, pointer: string, at: (i: number) => string): Value {
    const path = args[0] ?? "";
    if (isLogic(path) || (typeof path !== "string" && typeof path !== "number")) {
      throw new SqlRefusal(at(0), "a computed `var` path cannot be resolved to a column");
    }
    const found = scope.read(String(path), pointer);
    if (args.length < 2 || args[1] === undefined || found.kind === "array") return found;
    // json-logic-js returns the default only for a missing value, not for null; SQL NULL is both.
    if (!found.nullable) return found;
    throw new SqlRefusal(
      pointer,
      `a \`var\` default on ${String(path)}, which may be null: SQL cannot tell a missing value from null`,
    );
  }

  /** The common type of branches; null branches only make the result nullable. */
  private unify(
    values: SqlValue[],
    pointer: string,
  ): Pick<SqlValue, "type" | "nullable" | "nonFinite" | "integer"> {
    const typed = values.filter((v) => v.type !== "null");
    const types = new Set(typed.map((v) => v.type));
    if (types.size > 1) {
      throw new SqlRefusal(
        pointer,
        `the branches give different types (${[...types].join(", ")}); a SQL column has one type`,
      );
    }
    return {
      type: typed[0]?.type ?? "null",
      nullable: values.some((v) => v.nullable),
      nonFinite: values.some((v) => v.nonFinite),
      integer: typed.length > 0 && typed.every((v) => v.integer),
    };
  }

  private ifThen(args: unknown[], scope: Scope, at: (i: number) => string): Value {
    if (args.length === 0) return literalValue(this.dialect, null, at(0));
    if (args.length === 1) return this.scalar(args[0], scope, at(0));
    const whens: string[] = [];
    const results: SqlValue[] = [];
    let i = 0;
    for (; i < args.length - 1; i += 2) {
      const cond = this.condition(args[i], scope, at(i));
      const then = this.scalar(args[i + 1], scope, at(i + 1));
      whens.push(`WHEN ${cond} THEN ${then.sql}`);
      results.push(then);
    }
    const otherwise =
      i === args.length - 1 ? this.scalar(args[i], scope, at(i)) : literalValue(this.dialect, null, at(i));
    results.push(otherwise);
    const type = this.unify(results, at(0).replace(/\/\d+$/, ""));
    return {
      kind: "scalar",
      sql: `CASE ${whens.join(" ")} ELSE ${this.cast(otherwise, type.type)} END`,
      ...type,
    };
  }

  /** A NULL literal typed for a CASE of `type`. */
  private cast(v: SqlValue, type: SqlValue["type"]): string {
    if (v.type !== "null" || type === "null") return v.sql;
    const sqlType =
      type === "number" ? this.dialect.double : type === "string" ? this.dialect.text : "BOOLEAN";
    return `CAST(NULL AS ${sqlType})`;
  }

  private andOr(
    op: "and" | "or",
    args: unknown[],
    scope: Scope,
    pointer: string,
    at: (i: number) => string,
  ): Value {
    if (args.length === 0) throw new SqlRefusal(pointer, `\`${op}\` without operands gives undefined`);
    const values = args.map((a, i) => this.scalar(a, scope, at(i)));
    if (values.every((v) => v.type === "boolean" && !v.nullable)) {
      return bool(`(${values.map((v) => v.sql).join(op === "and" ? " AND " : " OR ")})`);
    }
    const type = this.unify(values, pointer);
    // and: the first falsy operand, else the last; or: the first truthy, else the last.
    const whens = values
      .slice(0, -1)
      .map(
        (v, i) =>
          `WHEN ${op === "and" ? "NOT " : ""}${this.truthy(v, at(i))} THEN ${this.cast(v, type.type)}`,
      );
    return {
      kind: "scalar",
      sql: `CASE ${whens.join(" ")} ELSE ${this.cast(values[values.length - 1]!, type.type)} END`,
      ...type,
    };
  }

  strictEquals(a: SqlValue, b: SqlValue): string {
    if (a.literal && b.literal) {
      const x = a.literal.value;
      const y = b.literal.value;
      return x === y ? "TRUE" : "FALSE";
    }
    if (a.type === "null" || b.type === "null") {
      const other = a.type === "null" ? b : a;
      return other.type === "null" ? "TRUE" : other.nullable ? `(${other.sql} IS NULL)` : "FALSE";
    }
    if (a.type !== b.type) {
      return a.nullable && b.nullable ? `(${a.sql} IS NULL AND ${b.sql} IS NULL)` : "FALSE";
    }
    let eq = a.nullable || b.nullable ? `(${a.sql} IS NOT DISTINCT FROM ${b.sql})` : `(${a.sql} = ${b.sql})`;
    // NaN === NaN is false in JavaScript and true in SQL.
    if (a.type === "number" && (a.nonFinite || b.nonFinite)) {
      const maybeNan = a.nonFinite ? a : b;
      eq = `(${eq} AND NOT COALESCE(${this.dialect.isNan(maybeNan.sql)}, FALSE))`;
    }
    return eq;
  }

  private looseEquals(a: SqlValue, b: SqlValue, pointer: string): string {
    if (a.literal && b.literal) {
      // eslint-disable-next-line eqeqeq -- the loose equality is the point
      return a.literal.value == b.literal.value ? "TRUE" : "FALSE";
    }
    const nullish = (v: SqlValue) => v.type === "null";
    if (nullish(a) || nullish(b) || a.type === b.type) {
      // null == x only for null (and undefined); same-type == is ===.
      if ((a.type === "null" || b.type === "null") && !(nullish(a) && nullish(b)))
        return this.strictEquals(a, b);
      if (a.type === b.type) return this.strictEquals(a, b);
      return "TRUE";
    }
    const pair = new Set([a.type, b.type]);
    if (pair.has("number") && pair.has("boolean") && !a.nullable && !b.nullable) {
      return this.strictEquals(this.toNumber(a, pointer), this.toNumber(b, pointer));
    }
    throw new SqlRefusal(
      pointer,
      `loose \`==\` between ${a.type}${a.nullable ? " or null" : ""} and ${b.type}${b.nullable ? " or null" : ""} converts types in ways SQL does not; use \`===\``,
    );
  }

  private compare(op: string, a: SqlValue, b: SqlValue, pointer: string): string {
    if (a.type === "string" && b.type === "string") {
      throw new SqlRefusal(
        pointer,
        `\`${op}\` between strings compares UTF-16 code units in JavaScript and collations in SQL`,
      );
    }
    if (a.type === "string" || b.type === "string") {
      if (!(a.type === "string" ? a : b).literal) {
        throw new SqlRefusal(
          pointer,
          `\`${op}\` between a string and a number reads the text as a number (no exact SQL translation)`,
        );
      }
    }
    const x = this.toNumber(a, pointer);
    const y = this.toNumber(b, pointer);
    const guards = [x, y].filter((v) => v.nonFinite).map((v) => `NOT ${this.dialect.isNan(v.sql)}`);
    const cmp = `${x.sql} ${op} ${y.sql}`;
    return guards.length ? `(${guards.join(" AND ")} AND ${cmp})` : `(${cmp})`;
  }

  private plus(values: SqlValue[]): SqlValue {
    if (values.length === 0) return literalValue(this.dialect, 0, "");
    if (values.length === 1) return values[0]!;
    return this.fold(values, "+");
  }

  private fold(values: SqlValue[], op: "+" | "-" | "*"): SqlValue {
    const sql = `(${values.map((v) => v.sql).join(` ${op} `)})`;
    // Inf - Inf and 0 * Inf are NaN, so any non-finite operand makes the result possibly NaN.
    return number(sql, {
      nonFinite: values.some((v) => v.nonFinite),
      integer: values.every((v) => v.integer),
    });
  }

  private divide(a: SqlValue, b: SqlValue): SqlValue {
    const divisor = b.literal?.value;
    if (typeof divisor === "number" && divisor !== 0 && Number.isFinite(divisor)) {
      return number(`(${a.sql} / ${b.sql})`, { nonFinite: a.nonFinite });
    }
    const zero = doubleLiteral(this.dialect, 0);
    const nanA = a.nonFinite ? `WHEN ${this.dialect.isNan(a.sql)} THEN ${this.nan()} ` : "";
    const sql =
      `CASE WHEN ${b.sql} = ${zero} THEN CASE ${nanA}WHEN ${a.sql} > ${zero} THEN ${doubleLiteral(this.dialect, Infinity)} ` +
      `WHEN ${a.sql} < ${zero} THEN ${doubleLiteral(this.dialect, -Infinity)} ELSE ${this.nan()} END ELSE ${a.sql} / ${b.sql} END`;
    return number(`(${sql})`, { nonFinite: true });
  }

  private modulo(a: SqlValue, b: SqlValue, pointer: string): SqlValue {
    const zero = doubleLiteral(this.dialect, 0);
    if (b.literal?.value === 1) {
      // x % 1 is x − trunc(x): the fraction of a double is itself a double, so both are exact
      // (and Infinity gives NaN, as fmod does).
      return number(`(${a.sql} - trunc(${a.sql}))`, { nonFinite: a.nonFinite, integer: false });
    }
    if (a.integer && b.integer && !a.nonFinite && !b.nonFinite) {
      const sql = `CASE WHEN ${b.sql} = ${zero} THEN ${this.nan()} ELSE CAST(CAST(${a.sql} AS BIGINT) % CAST(${b.sql} AS BIGINT) AS ${this.dialect.double}) END`;
      return number(`(${sql})`, {
        nonFinite: !(typeof b.literal?.value === "number" && b.literal.value !== 0),
        integer: true,
      });
    }
    if (this.dialect.name === "duckdb" && !a.nonFinite && !b.nonFinite) {
      // C fmod, which is what JavaScript's % computes on doubles.
      const sql = `CASE WHEN ${b.sql} = ${zero} THEN ${this.nan()} ELSE fmod(${a.sql}, ${b.sql}) END`;
      return number(`(${sql})`, { nonFinite: true });
    }
    throw new SqlRefusal(
      pointer,
      "`%` of numbers that may not be whole is JavaScript's fmod, which this SQL dialect does not compute exactly (x % 1 and whole numbers are translated)",
    );
  }

  private minMax(op: "min" | "max", values: SqlValue[]): SqlValue {
    if (values.length === 0) return literalValue(this.dialect, op === "min" ? Infinity : -Infinity, "");
    if (values.length === 1) return values[0]!;
    const fn = op === "min" ? "LEAST" : "GREATEST";
    const core = `${fn}(${values.map((v) => v.sql).join(", ")})`;
    const maybeNan = values.filter((v) => v.nonFinite);
    const integer = values.every((v) => v.integer);
    if (maybeNan.length === 0) return number(core, { integer });
    const test = maybeNan.map((v) => this.dialect.isNan(v.sql)).join(" OR ");
    return number(`(CASE WHEN ${test} THEN ${this.nan()} ELSE ${core} END)`, { nonFinite: true, integer });
  }

  private inOp(args: unknown[], scope: Scope, pointer: string, at: (i: number) => string): SqlValue {
    const needle = this.scalar(args[0], scope, at(0));
    const haystack = this.value(args[1], scope, at(1));
    if (haystack.kind === "array") {
      // Array.prototype.indexOf: strict equality, element by element.
      const parts = haystack.elements.map((e) => {
        const eq = this.strictEquals(needle, e.value ?? literalValue(this.dialect, null, pointer));
        return e.include ? `(${e.include} AND ${eq})` : eq;
      });
      return bool(parts.length ? `(${parts.join(" OR ")})` : "FALSE");
    }
    if (haystack.type !== "string") return bool("FALSE");
    if (needle.type !== "string" || needle.nullable) {
      throw new SqlRefusal(
        pointer,
        "`in` on a string with a needle that is not a string converts it to text (no exact SQL translation)",
      );
    }
    const found = `(strpos(${haystack.sql}, ${needle.sql}) > 0)`;
    return bool(haystack.nullable ? `COALESCE(${found}, FALSE)` : found);
  }

  private cat(values: SqlValue[], pointer: string): SqlValue {
    const parts = values.map((v) => {
      if (v.type === "string" && !v.nullable) return v.sql;
      if (v.literal) return stringLiteral(String(v.literal.value));
      if (v.type === "number" && v.integer && !v.nullable && !v.nonFinite)
        return `CAST(CAST(${v.sql} AS BIGINT) AS ${this.dialect.text})`;
      throw new SqlRefusal(
        pointer,
        "`cat` of a value that is not a string or a whole number writes JavaScript number text, which SQL does not reproduce",
      );
    });
    const sql = parts.length === 0 ? "''" : `(${parts.join(" || ")})`;
    return { kind: "scalar", sql, type: "string", nullable: false, nonFinite: false, integer: false };
  }

  private arrayOf(logic: unknown, scope: Scope, pointer: string): SqlArray {
    const v = this.value(logic, scope, pointer);
    if (v.kind !== "array") {
      throw new SqlRefusal(
        pointer,
        "the array operators are translated only over arrays of fixed length (schema minItems = maxItems) or literals",
      );
    }
    return v;
  }

  private filter(args: unknown[], scope: Scope, pointer: string, at: (i: number) => string): SqlArray {
    const array = this.arrayOf(args[0], scope, at(0));
    void pointer;
    return {
      kind: "array",
      elements: array.elements.map((e) => {
        const keep = this.condition(args[1], e.scope, at(1));
        return { ...e, include: e.include ? `(${e.include} AND ${keep})` : keep };
      }),
    };
  }

  private quantifier(
    op: "some" | "all" | "none",
    args: unknown[],
    scope: Scope,
    pointer: string,
    at: (i: number) => string,
  ): SqlValue {
    const array = this.arrayOf(args[0], scope, at(0));
    void pointer;
    const hits = array.elements.map((e) => {
      const hit = this.condition(args[1], e.scope, at(1));
      return { hit, include: e.include };
    });
    if (hits.length === 0) return bool(op === "none" ? "TRUE" : "FALSE");
    const some = `(${hits.map((h) => (h.include ? `(${h.include} AND ${h.hit})` : h.hit)).join(" OR ")})`;
    if (op === "some") return bool(some);
    if (op === "none") return bool(`(NOT ${some})`);
    // all: false on an empty array, else every kept element passes.
    const any = `(${hits.map((h) => h.include ?? "TRUE").join(" OR ")})`;
    const every = `(${hits.map((h) => (h.include ? `(NOT ${h.include} OR ${h.hit})` : h.hit)).join(" AND ")})`;
    return bool(`(${any} AND ${every})`);
  }

  private reduce(
    logic: Record<string, unknown>,
    args: unknown[],
    scope: Scope,
    pointer: string,
    at: (i: number) => string,
  ): SqlValue {
    const array = this.arrayOf(args[0], scope, at(0));
    let acc =
      args.length > 2 && args[2] !== undefined
        ? this.scalar(args[2], scope, at(2))
        : literalValue(this.dialect, null, pointer);
    const reducer = args[1];
    const accReads = countReads(reducer, "accumulator");
    const filtered = array.elements.some((e) => e.include !== undefined);
    const sum = sumStep(reducer);
    if (filtered && !(sum && acc.type === "number" && !acc.nullable)) {
      throw new SqlRefusal(
        at(1),
        '`reduce` over a filtered array is translated only as a sum ({"+": [accumulator, …]}) from a number',
      );
    }
    if (!filtered && accReads > 1) {
      throw new SqlRefusal(
        at(1),
        "a `reduce` step that reads the accumulator more than once would repeat it exponentially in SQL",
      );
    }
    void logic;
    for (const element of array.elements) {
      if (filtered && sum) {
        const term = this.parseFloat(
          this.scalar(sum.term, stepScope(element.scope, acc), `${at(1)}/+/${sum.index}`),
          at(1),
        );
        const zero = doubleLiteral(this.dialect, 0);
        acc = number(
          `(${acc.sql} + CASE WHEN ${element.include ?? "TRUE"} THEN ${term.sql} ELSE ${zero} END)`,
          {
            nonFinite: acc.nonFinite || term.nonFinite,
            integer: acc.integer && term.integer,
          },
        );
      } else {
        acc = this.scalar(reducer, stepScope(element.scope, acc), at(1));
      }
    }
    return acc;
  }
}
