/**
 * Compiles a prepared pack to one SQL statement with `crw eval`'s results (README "SQL target").
 *
 * The statement is a chain of common table expressions in the pack's evaluation order: an input CTE
 * that reads and types the columns the pack needs, then one CTE per rule (its value, rounding and
 * output checks) and one per population operator (a window function). The last SELECT returns `id`,
 * one column per `out.<rule>` and `pop.<name>`, and `errors`, a JSON array of `{"rule","code","message"}`
 * exactly as `crw eval` writes it (errorText.ts). Each rule CTE carries hidden helper columns (`#raw:`, `#val:`,
 * `#err:`) that later CTEs read; the final SELECT names only the result columns.
 */
import type { JsonSchemaLike } from "../jsonlogic";
import type { RunContext } from "../pack/context";
import type { OutputSpec, PopulationOp } from "../pack/model";
import type { PreparedPack, PreparedStep } from "../pack/prepare";
import {
  dialectOf,
  doubleLiteral,
  ident,
  roundSql,
  stringLiteral,
  type Dialect,
  type DialectName,
} from "./dialect";
import { LogicTranslator } from "./logic";
import { errorEntry, shownLiteral, shownValue, type MessagePart } from "./errorText";
import { populationSql, type PopulationSqlInput } from "./population";
import { literalValue } from "./values";
import {
  schemaInfo,
  SqlRefusal,
  type ScalarType,
  type SchemaInfo,
  type Scope,
  type SqlArray,
  type SqlValue,
} from "./types";

export interface SqlCompileOptions {
  dialect: DialectName;
  /** The table (or view) with one column per record path; default `records`. */
  table?: string;
  /** JSON Schema of one record: the types every translation depends on. */
  schema?: JsonSchemaLike;
  /** The run's parameters (defaults with overrides applied). */
  params: Record<string, unknown>;
  /** `ctx` of the run; needed when the pack reads `ctx`. */
  ctx?: RunContext;
  /** Emit `$1`, `$2`… for parameters (bound by the engine) instead of literals. */
  placeholders?: boolean;
  /**
   * A numeric column giving each record's position in `crw eval`'s input: population sums add in
   * that order, as the runtime does. Without it, in id order (a file sorted by id).
   */
  order?: string;
}

/** Why one rule or operator cannot be compiled exactly. */
export interface SqlRefusalReport {
  node: { kind: "rule" | "population"; index: number };
  /** Rule or operator id. */
  id: string;
  /** JSON pointer relative to the rule or operator. */
  pointer: string;
  reason: string;
}

export interface CompiledSql {
  /** The statement, or undefined when something was refused. */
  sql?: string;
  /** Result columns in order. */
  columns: string[];
  /** With placeholders: the values for $1, $2…, each with its parameter name. */
  parameters: { name: string; value: unknown }[];
  refusals: SqlRefusalReport[];
}

const INPUT = '"crw:input"';
/** The input-order column (`order`), carried while a population operator still needs it. */
const ORDER = "#ord";
/** The running errors of a record: `,{"rule":…,"code":…,"message":…}` per failed rule, in evaluation order. */
const ERRORS = "#errors";

/** A translated step, emitted once the columns it must carry are known. */
interface Emit {
  /** Record columns the step reads. */
  reads: Set<string>;
  produces: string[];
  emit(carried: string[], previous: string): string;
}

function valueTypeOf(spec: OutputSpec): Pick<SqlValue, "type" | "integer"> {
  switch (spec.type) {
    case "number":
      return { type: "number", integer: false };
    case "integer":
      return { type: "number", integer: true };
    case "boolean":
      return { type: "boolean", integer: false };
    case "string":
      return { type: "string", integer: false };
  }
}

function popTypeOf(op: PopulationOp): Pick<SqlValue, "type" | "integer"> {
  if (op.op === "cumulative_share_class") return { type: "string", integer: false };
  const integer = op.op === "rank" || (op.op === "group_stat" && op.stat === "count");
  return { type: "number", integer };
}

function comment(text: string | undefined): string {
  return text ? ` -- ${text.replace(/[\r\n]+/g, " ")}` : "";
}

function sqlTypeOf(dialect: Dialect, type: SqlValue["type"]): string {
  return type === "number" ? dialect.double : type === "boolean" ? "BOOLEAN" : dialect.text;
}

class PackCompiler {
  readonly dialect: Dialect;
  readonly info: SchemaInfo;
  readonly translator: LogicTranslator;
  /** Record columns the pack reads, in first-read order. */
  readonly columns = new Map<string, SqlValue["type"]>();
  readonly parameters: { name: string; value: unknown }[] = [];
  private readonly paramIndex = new Map<string, number>();
  private readonly produced = new Map<string, Pick<SqlValue, "type" | "integer">>();

  constructor(
    readonly pack: PreparedPack,
    readonly options: SqlCompileOptions,
  ) {
    this.dialect = dialectOf(options.dialect);
    this.info = schemaInfo(options.schema ?? {});
    this.translator = new LogicTranslator(this.dialect);
  }

  private column(path: string, type: SqlValue["type"], integer: boolean, nullable: boolean): SqlValue {
    if (!this.columns.has(path)) this.columns.set(path, type);
    this.stepReads.add(path);
    return { kind: "scalar", sql: ident(path), type, nullable, nonFinite: false, integer };
  }

  private param(name: string, pointer: string): SqlValue {
    const params = this.options.params;
    if (!Object.prototype.hasOwnProperty.call(params, name)) return literalValue(this.dialect, null, pointer);
    const value = params[name];
    if (!this.options.placeholders) return literalValue(this.dialect, value, pointer);
    let index = this.paramIndex.get(name);
    if (index === undefined) {
      this.parameters.push({ name, value });
      index = this.parameters.length;
      this.paramIndex.set(name, index);
    }
    const spec = this.pack.content.params[name];
    const type: SqlValue["type"] =
      typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "string";
    return {
      kind: "scalar",
      sql: `CAST($${index} AS ${sqlTypeOf(this.dialect, type)})`,
      type,
      nullable: false,
      nonFinite: false,
      integer: spec?.type === "integer",
    };
  }

  /** Reads a record path: a column, or a fixed-length array of element scopes. */
  private recordPath(path: string, pointer: string): SqlValue | SqlArray {
    const field = this.info.fields.get(path);
    if (field) return this.column(field.column, field.type, field.integer, field.nullable);
    const length = this.info.arrays.get(path);
    if (length !== undefined) {
      const elements = Array.from({ length }, (_, i) => {
        const base = `${path}.${i}`;
        const scope: Scope = {
          read: (sub, p) => this.recordPath(sub === "" ? base : `${base}.${sub}`, p),
        };
        const item = this.info.fields.get(base);
        return item
          ? { scope, value: this.column(item.column, item.type, item.integer, item.nullable) }
          : { scope };
      });
      return { kind: "array", elements };
    }
    if (path === "") throw new SqlRefusal(pointer, "reading the whole record has no SQL counterpart");
    const prefix = path + ".";
    if ([...this.info.fields.keys()].some((k) => k.startsWith(prefix))) {
      throw new SqlRefusal(pointer, `${path} is an object; SQL reads its fields one column at a time`);
    }
    if (this.options.schema === undefined) {
      throw new SqlRefusal(pointer, `the type of ${path} is unknown: give the dataset schema (--schema)`);
    }
    throw new SqlRefusal(pointer, `the dataset schema has no field ${path} (or not of a single scalar type)`);
  }

  /** The scope of a rule's logic or an operator's paths. `guarded`: out reads cannot be null. */
  scope(guarded: boolean): Scope {
    return {
      read: (path, pointer) => {
        if (path === "params" || path === "ctx" || path === "out" || path === "pop") {
          throw new SqlRefusal(pointer, `reading the whole ${path} object has no SQL counterpart`);
        }
        if (path.startsWith("params.")) return this.param(path.slice("params.".length), pointer);
        if (path.startsWith("ctx.")) {
          const ctx = this.options.ctx;
          if (!ctx) throw new SqlRefusal(pointer, "the pack reads ctx: give the evaluation date (--as-of)");
          const key = path.slice("ctx.".length);
          const value = Object.prototype.hasOwnProperty.call(ctx, key) ? ctx[key] : null;
          return literalValue(this.dialect, value ?? null, pointer);
        }
        if (path.startsWith("out.") || path.startsWith("pop.")) {
          const type = this.produced.get(path);
          if (!type) throw new SqlRefusal(pointer, `${path} is not computed before this step`);
          return {
            kind: "scalar",
            sql: ident(path),
            ...type,
            nullable: path.startsWith("pop.") || !guarded,
            nonFinite: false,
          };
        }
        return this.recordPath(path, pointer);
      },
    };
  }

  /** The record columns the step being translated reads. */
  private stepReads = new Set<string>();

  /** A rule: its raw value in a subquery, then the checked value and its error in the CTE. */
  ruleCte(step: PreparedStep & { kind: "rule" }): Emit {
    const rule = step.rule.rule;
    const id = rule.id;
    const spec = rule.output;
    const raw = this.translator.value(rule.logic, this.scope(true), "/logic");
    if (raw.kind === "array")
      throw new SqlRefusal("/logic", "the rule returns an array, never a valid output");
    const d = this.dialect;
    const rawCol = `s.${ident(`#raw:${id}`)}`;
    const valCol = `s.${ident(`#val:${id}`)}`;
    const errCol = `s.${ident(`#err:${id}`)}`;
    const expected = valueTypeOf(spec);
    // Each check's condition and crw eval's error for it (outputCheck.ts, prepare.ts), in its order.
    const whens: string[] = [];
    const check = (condition: string, code: string, message: MessagePart[]) =>
      whens.push(`WHEN ${condition} THEN ${errorEntry(d, id, code, message)}`);
    const result = (x: string, type: ScalarType) => ({
      sql: shownValue(d, x, type),
      quoted: type === "string",
    });
    if (step.upstream.length > 0) {
      // A rule's out is NULL exactly when it failed for the record (a passing value is never null).
      const outOf = (u: string) => `s.${ident(`out.${u}`)}`;
      const failed = step.upstream.map((u) => `${outOf(u)} IS NULL`).join(" OR ");
      const names = step.upstream.map((u) => `CASE WHEN ${outOf(u)} IS NULL THEN 'out.${u}' END`);
      check(failed, "rule/upstream", [
        "Not evaluated: ",
        { sql: `concat_ws(', ', ${names.join(", ")})` },
        " failed for this record.",
      ]);
    }
    let value = rawCol;
    if (raw.type !== expected.type) {
      check("TRUE", "output/type", ["The result ", result(rawCol, raw.type), ` is not a ${spec.type}.`]);
    } else {
      check(`${rawCol} IS NULL`, "output/type", [`The result null is not a ${spec.type}.`]);
      if (raw.type === "number") {
        check(`NOT ${d.isFinite(rawCol)}`, "output/not-finite", [
          "The result is ",
          result(rawCol, "number"),
          ", not a finite number; guard divisions and nulls in the logic.",
        ]);
        if (spec.type === "integer")
          check(`${rawCol} <> floor(${rawCol})`, "output/not-integer", [
            "The result ",
            result(rawCol, "number"),
            " is not a whole number.",
          ]);
        // Only finite values reach the rounding: the branches above catch the rest first.
        if (spec.type === "number" && spec.decimals !== undefined)
          value = `(${roundSql(d, rawCol, spec.decimals)})`;
      }
      if (spec.enum !== undefined) {
        const allowed = raw.type === "string" ? spec.enum.map(stringLiteral) : [];
        const message = [
          "The result ",
          result(valCol, raw.type),
          ` is not one of ${spec.enum.map(shownLiteral).join(", ")}.`,
        ];
        check(
          allowed.length > 0 ? `${valCol} NOT IN (${allowed.join(", ")})` : "TRUE",
          "output/enum",
          message,
        );
      }
      if (raw.type === "number") {
        if (spec.min !== undefined)
          check(`${value} < ${doubleLiteral(d, spec.min)}`, "output/min", [
            "The result ",
            result(valCol, "number"),
            ` is below the minimum ${spec.min}.`,
          ]);
        if (spec.max !== undefined)
          check(`${value} > ${doubleLiteral(d, spec.max)}`, "output/max", [
            "The result ",
            result(valCol, "number"),
            ` is above the maximum ${spec.max}.`,
          ]);
      }
    }
    const error = `CASE ${whens.join(" ")} END`;
    const outType = sqlTypeOf(d, expected.type);
    this.produced.set(`out.${id}`, expected);
    const reads = this.stepReads;
    const fence = d.fence;
    return {
      reads,
      produces: [`out.${id}`],
      emit: (carried, previous) =>
        [
          `${ident(id)} AS (${comment(rule.title.en)}`,
          `  SELECT ${carried.map((c) => `s.${ident(c)}`).join(", ")},`,
          `    CASE WHEN ${errCol} IS NULL THEN CAST(${valCol} AS ${outType}) END AS ${ident(`out.${id}`)},`,
          `    s.${ident(ERRORS)} || COALESCE(',' || ${errCol}, '') AS ${ident(ERRORS)}`,
          `  FROM (`,
          `    SELECT ${list("s", [...carried, ERRORS, `#val:${id}`])}, ${error} AS ${ident(`#err:${id}`)}`,
          `    FROM (`,
          `      SELECT ${list("s", [...carried, ERRORS, `#raw:${id}`])}, ${value} AS ${ident(`#val:${id}`)}`,
          `      FROM (`,
          `        SELECT ${list("p", [...carried, ERRORS])}, ${raw.sql} AS ${ident(`#raw:${id}`)}`,
          `        FROM ${previous} p${fence}`,
          `      ) s${fence}`,
          `    ) s${fence}`,
          `  ) s${fence}`,
          `)`,
        ].join("\n"),
    };
  }

  /** A population operator: its measure, participation and partition, then its windows (population.ts). */
  populationCte(step: PreparedStep & { kind: "population" }): Emit {
    const op = step.op;
    const d = this.dialect;
    const scope = this.scope(false);
    const measure = this.readScalar(scope, op.measure, "/measure");
    const partition =
      op.partitionBy === undefined ? undefined : this.readScalar(scope, op.partitionBy, "/partitionBy");
    let budget: string | undefined;
    if (op.op === "budget_factor") {
      let value: SqlValue;
      if (typeof op.budget === "number") value = literalValue(d, op.budget, "/budget");
      else if (op.budget.startsWith("params.")) value = this.readScalar(scope, op.budget, "/budget");
      else {
        throw new SqlRefusal(
          "/budget",
          "a budget read from the records is taken from the first record in input order, which a SQL table does not have; use a number or a parameter",
        );
      }
      const finite = value.type === "number" && !(value.literal && !Number.isFinite(value.literal.value));
      if (finite) budget = value.sql;
    }
    // Sums run in input order: the --order column when given, else the id (population.ts).
    if (this.options.order !== undefined) this.stepReads.add(ORDER);
    const type = popTypeOf(op);
    this.produced.set(op.out, type);
    const title = (op as { title?: { en?: string } }).title?.en;
    const reads = this.stepReads;
    const input: PopulationSqlInput = {
      op,
      dialect: d,
      ...(measure.type === "number" ? { measure: measure.sql } : {}),
      ...(partition ? { partition: { sql: partition.sql, type: partition.type } } : {}),
      ...(budget === undefined ? {} : { budget }),
      idType: this.info.id?.type ?? "string",
      ordered: this.options.order !== undefined,
      comment: comment(`${op.op}${title ? `: ${title}` : ""}`),
    };
    return {
      reads,
      produces: [op.out],
      emit: (carried, previous) => populationSql(input, carried, previous, ERRORS),
    };
  }

  private readScalar(scope: Scope, path: string, pointer: string): SqlValue {
    const v = scope.read(path, pointer);
    if (v.kind === "array") throw new SqlRefusal(pointer, `${path} is an array, not a value`);
    return v;
  }

  compile(): CompiledSql {
    const refusals: SqlRefusalReport[] = [];
    const emits: Emit[] = [];
    const outColumns: string[] = [];
    const popColumns: string[] = [];
    for (const step of this.pack.steps) {
      this.stepReads = new Set();
      try {
        if (step.kind === "rule") {
          emits.push(this.ruleCte(step));
          outColumns.push(`out.${step.node.id}`);
        } else {
          emits.push(this.populationCte(step));
          popColumns.push(step.op.out);
        }
      } catch (error) {
        if (!(error instanceof SqlRefusal)) throw error;
        refusals.push({
          node: { kind: step.kind, index: step.node.index },
          id: step.node.id,
          pointer: error.pointer,
          reason: error.reason,
        });
        // Later steps still compile (they see the refused step's declared type), so every
        // refusal of the pack is reported at once.
        if (step.kind === "rule")
          this.produced.set(`out.${step.node.id}`, valueTypeOf(step.rule.rule.output));
        else this.produced.set(step.op.out, popTypeOf(step.op));
      }
    }
    const columns = ["id", ...outColumns, ...popColumns, "errors"];
    if (refusals.length > 0) return { columns, parameters: this.parameters, refusals };
    const d = this.dialect;
    const idType = this.info.id ? sqlTypeOf(d, this.info.id.type) : d.text;
    const inputs = [`CAST(${ident("id")} AS ${idType}) AS ${ident("id")}`];
    for (const [path, type] of this.columns) {
      if (path === "id") continue;
      inputs.push(`CAST(${ident(path)} AS ${sqlTypeOf(d, type)}) AS ${ident(path)}`);
    }
    const order = this.options.order;
    const ordered = order !== undefined && this.pack.steps.some((s) => s.kind === "population");
    if (ordered) inputs.push(`CAST(${ident(order)} AS ${d.double}) AS ${ident(ORDER)}`);
    inputs.push(`CAST('' AS ${d.text}) AS ${ident(ERRORS)}`);
    const table = this.options.table ?? "records";
    const ctes = [
      `${INPUT} AS ( -- the columns the pack reads, typed by the dataset schema\n  SELECT ${inputs.join(",\n    ")}\n  FROM ${tableName(table)}\n)`,
    ];
    // Each CTE carries only what a later step or the result needs: id, the record columns still to
    // be read, and the results so far (a deep chain of wide SELECTs is slow to plan).
    const lastRead = new Map<string, number>();
    emits.forEach((e, i) => e.reads.forEach((c) => lastRead.set(c, i)));
    let carried = ["id", ...[...this.columns.keys()].filter((c) => c !== "id"), ...(ordered ? [ORDER] : [])];
    let previous = INPUT;
    emits.forEach((e, i) => {
      const keep = carried.filter(
        (c) => c === "id" || c.startsWith("out.") || c.startsWith("pop.") || (lastRead.get(c) ?? -1) >= i,
      );
      ctes.push(
        e.emit(
          keep.filter((c) => !e.produces.includes(c)),
          previous,
        ),
      );
      carried = [...keep.filter((c) => !e.produces.includes(c)), ...e.produces].filter(
        (c) => c === "id" || c.startsWith("out.") || c.startsWith("pop.") || (lastRead.get(c) ?? -1) > i,
      );
      previous = ident(this.pack.steps[i]!.node.id);
    });
    const select = [
      ident("id"),
      ...outColumns.map(ident),
      ...popColumns.map(ident),
      `'[' || substr(${ident(ERRORS)}, 2) || ']' AS ${ident("errors")}`,
    ];
    const sql = `WITH\n${ctes.join(",\n")}\nSELECT\n  ${select.join(",\n  ")}\nFROM ${previous}`;
    return { sql, columns, parameters: this.parameters, refusals };
  }
}

/** `alias."a", alias."b"`. */
function list(alias: string, columns: readonly string[]): string {
  return columns.map((c) => `${alias}.${ident(c)}`).join(", ");
}

/** A table name as given: dotted names (`schema.table`) are quoted part by part. */
function tableName(name: string): string {
  // A table function call such as read_csv('file.csv') or read_parquet(...) goes in as written.
  if (name.includes("(")) return name;
  return name
    .split(".")
    .map((part) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? part : ident(part)))
    .join(".");
}

/**
 * Compiles a prepared pack to one SQL statement (see the module comment), or reports every rule and
 * operator that has no exact translation under the dataset schema's types.
 */
export function compilePackToSql(pack: PreparedPack, options: SqlCompileOptions): CompiledSql {
  return new PackCompiler(pack, options).compile();
}
