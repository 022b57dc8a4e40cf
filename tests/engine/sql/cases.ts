/** Shared cases of the SQL target's semantics tests (DuckDB in semantics.test.ts, PostgreSQL in postgres.test.ts). */
import {
  preparePack,
  runPack,
  type OutputSpec,
  type PackContent,
  type PreparedPack,
} from "../../../src/engine";
import { compilePackToSql, type DialectName } from "../../../src/engine/sql";
import { errorsText } from "../../../src/engine/pack/resultLine";

/** A small dataset schema: a nullable number, an integer, text, a flag and a fixed array. */
export const schema = {
  type: "object",
  required: ["id", "i", "s", "b", "arr"],
  properties: {
    id: { type: "string" },
    n: { type: "number" },
    i: { type: "integer" },
    s: { type: "string" },
    b: { type: "boolean" },
    arr: {
      type: "array",
      minItems: 3,
      maxItems: 3,
      items: { type: "object", required: ["v"], properties: { v: { type: "integer" } } },
    },
  },
};

export type Rec = { id: string; n?: number | null; i: number; s: string; b: boolean; arr: { v: number }[] };

export const records: Rec[] = [
  { id: "r1", n: null, i: 0, s: "", b: false, arr: [{ v: 1 }, { v: -2 }, { v: 3 }] },
  { id: "r2", n: 0, i: -7, s: "a", b: true, arr: [{ v: 0 }, { v: 0 }, { v: 0 }] },
  { id: "r3", n: 4225945, i: 3, s: "b", b: true, arr: [{ v: -1 }, { v: 5 }, { v: 9 }] },
  { id: "r4", n: 1.005, i: 10, s: "abc", b: false, arr: [{ v: 2 }, { v: 2 }, { v: -3 }] },
  { id: "r5", n: -2.5, i: 1, s: "x", b: true, arr: [{ v: 7 }, { v: 8 }, { v: 9 }] },
  { id: "r6", i: 2, s: "ab", b: false, arr: [{ v: 0 }, { v: 1 }, { v: 0 }] },
  { id: "r7", n: 0.1, i: 5, s: "c", b: true, arr: [{ v: 4 }, { v: -4 }, { v: 4 }] },
];

function lit(v: string | number | null | undefined, type: string): string {
  if (v === null || v === undefined) return `CAST(NULL AS ${type})`;
  if (typeof v === "string") return `'${v}'`;
  return `CAST('${String(v)}' AS ${type})`;
}

/** The records as a VALUES table with one column per record path (what `--table` names). */
export function valuesTable(rows: Rec[], double = "DOUBLE"): string {
  const text = double === "DOUBLE" ? "VARCHAR" : "TEXT";
  const body = rows
    .map(
      (r) =>
        `(${[
          lit(r.id, text),
          lit(r.n, double),
          lit(r.i, double),
          lit(r.s, text),
          r.b ? "TRUE" : "FALSE",
          ...r.arr.map((e) => lit(e.v, double)),
        ].join(", ")})`,
    )
    .join(", ");
  return `(SELECT * FROM (VALUES ${body}) AS t("id", "n", "i", "s", "b", "arr.0.v", "arr.1.v", "arr.2.v")) AS v`;
}

export function onePack(
  logic: unknown,
  output: OutputSpec,
  params: PackContent["params"] = {},
): PreparedPack {
  const content: PackContent = {
    params,
    population: [],
    rules: [
      { id: "r", kind: "incentive", version: "1.0.0", title: { en: "case" }, output, logic, tests: [] },
    ],
  };
  const prepared = preparePack(content, (_n, pointer, code, message, severity = "error") => ({
    code,
    severity,
    message,
    pointer,
  }));
  if (!prepared.pack) throw new Error(JSON.stringify(prepared.problems));
  return prepared.pack;
}

export async function referenceOf(pack: PreparedPack, rows: Rec[] = records) {
  const params = Object.fromEntries(Object.entries(pack.content.params).map(([k, s]) => [k, s.default]));
  const out = new Map<string, { value: unknown; errors: string }>();
  for await (const chunk of runPack(pack, structuredClone(rows), {
    params,
    ctx: { as_of: "2024-12-31", eval_month: 12 },
  })) {
    for (const r of chunk) out.set(r.id as string, { value: r.out.r, errors: errorsText(r.errors) });
  }
  return out;
}

export function compileOne(pack: PreparedPack, dialect: DialectName, table: string) {
  const params = Object.fromEntries(Object.entries(pack.content.params).map(([k, s]) => [k, s.default]));
  return compilePackToSql(pack, {
    dialect,
    schema,
    params,
    table,
    ctx: { as_of: "2024-12-31", eval_month: 12 },
  });
}

/** Logic, output spec and what it exercises; every case is compared record by record. */
export const CASES: [string, unknown, OutputSpec][] = [
  ["null reads as 0 in <", { "<": [{ var: "n" }, 1] }, { type: "boolean" }],
  ["between (3-argument <=)", { "<=": [0, { var: "n" }, 1] }, { type: "boolean" }],
  ["+ on a nullable gives NaN, an output error", { "+": [{ var: "n" }, 1] }, { type: "number" }],
  ["- reads null as 0", { "-": [{ var: "n" }, 1] }, { type: "number" }],
  ["unary minus", { "-": { var: "i" } }, { type: "number" }],
  [
    "division by zero: ±Infinity and NaN are output errors",
    { "/": [{ var: "i" }, { var: "n" }] },
    { type: "number" },
  ],
  ["truthiness of text", { if: [{ var: "s" }, 1, 2] }, { type: "integer" }],
  ["truthiness of a nullable number", { if: [{ var: "n" }, "yes", "no"] }, { type: "string" }],
  ["! and !! of a nullable number", { "!": { "!!": { var: "n" } } }, { type: "boolean" }],
  ["and returns the falsy operand", { and: [{ var: "n" }, { var: "i" }] }, { type: "number" }],
  ["or returns the truthy operand", { or: [{ var: "i" }, { var: "n" }, 9] }, { type: "number" }],
  ["=== null on a nullable", { "===": [{ var: "n" }, null] }, { type: "boolean" }],
  ["=== between types is false", { "===": [{ var: "i" }, { var: "s" }] }, { type: "boolean" }],
  ["== between a boolean and a number", { "==": [{ var: "b" }, 1] }, { type: "boolean" }],
  ["!= between numbers", { "!=": [{ var: "i" }, 3] }, { type: "boolean" }],
  ["max reads null as 0", { max: [{ var: "n" }, -5] }, { type: "number" }],
  ["min of NaN is NaN", { min: [{ "+": [{ var: "n" }, 0] }, 5] }, { type: "number" }],
  ["in an array literal", { in: [{ var: "s" }, ["a", "b", "abc"]] }, { type: "boolean" }],
  ["in a string (substring)", { in: ["b", { var: "s" }] }, { type: "boolean" }],
  ["% of whole numbers keeps the dividend's sign", { "%": [{ var: "i" }, 3] }, { type: "integer" }],
  ["% 1 of a double", { "%": [{ var: "n" }, 1] }, { type: "number" }],
  [
    "decimals: half away from zero on the 15-digit reading",
    { "*": [{ var: "n" }, 0.015] },
    { type: "number", decimals: 2 },
  ],
  ["decimals 0 of -2.5 and 1.005", { "*": [{ var: "n" }, 1] }, { type: "number", decimals: 0 }],
  ["decimals 2 of 1.005", { "+": [{ var: "n" }, 0] }, { type: "number", decimals: 2 }],
  ["integer output of a fraction", { "/": [{ var: "i" }, 2] }, { type: "integer" }],
  [
    "min and max checks after rounding",
    { "*": [{ var: "i" }, 1.5] },
    { type: "number", decimals: 0, min: 0, max: 10 },
  ],
  ["enum check", { cat: [{ var: "s" }] }, { type: "string", enum: ["a", "b"] }],
  ["cat of text and a whole number", { cat: [{ var: "s" }, "-", { var: "i" }] }, { type: "string" }],
  ["a number where a string is expected", { var: "i" }, { type: "string" }],
  ["* with one operand returns it unchanged", { "*": [{ var: "b" }] }, { type: "boolean" }],
  ["* of a boolean is NaN", { "*": [{ var: "b" }, 2] }, { type: "number" }],
  [
    "filter then reduce as a sum",
    {
      reduce: [
        { filter: [{ var: "arr" }, { ">": [{ var: "v" }, 0] }] },
        { "+": [{ var: "accumulator" }, { var: "current.v" }] },
        0,
      ],
    },
    { type: "integer" },
  ],
  [
    "reduce with max",
    { reduce: [{ var: "arr" }, { max: [{ var: "accumulator" }, { var: "current.v" }] }, -100] },
    { type: "number" },
  ],
  [
    "some, all, none",
    {
      and: [
        { some: [{ var: "arr" }, { ">": [{ var: "v" }, 0] }] },
        { "!": { none: [{ var: "arr" }, { "<": [{ var: "v" }, -3] }] } },
      ],
    },
    { type: "boolean" },
  ],
  [
    "all of a filtered array (false when empty)",
    { all: [{ filter: [{ var: "arr" }, { ">": [{ var: "v" }, 5] }] }, { ">": [{ var: "v" }, 6] }] },
    { type: "boolean" },
  ],
  ["if without else gives null", { if: [{ var: "b" }, 1] }, { type: "number" }],
  [
    "params and ctx as literals",
    { "+": [{ var: "params.k" }, { var: "ctx.eval_month" }, { var: "i" }] },
    { type: "number" },
  ],
];

/** Logic the compiler must refuse, with the pointer and a word of the reason. */
export const REFUSALS: [string, unknown, string, string][] = [
  ["< between strings", { "<": [{ var: "s" }, { var: "s" }] }, "/logic", "UTF-16"],
  ["loose == between text and a number", { "==": [{ var: "s" }, { var: "i" }] }, "/logic", "loose"],
  ["+ on text", { "+": [{ var: "s" }, 1] }, "/logic/+/0", "parseFloat"],
  ["a var default on a nullable field", { var: ["n", 5] }, "/logic", "default"],
  ["substr (UTF-16 indices)", { substr: [{ var: "s" }, 1] }, "/logic", "substr"],
  ["a computed var path", { var: { cat: ["i"] } }, "/logic/var", "computed"],
  ["a field the schema does not have", { var: "nope" }, "/logic", "no field nope"],
  ["an object path", { var: "arr.0" }, "/logic", "object"],
  ["if branches of different types", { if: [{ var: "b" }, 1, "one"] }, "/logic/if", "different types"],
  [
    "reduce over a filtered array that is not a sum",
    {
      reduce: [
        { filter: [{ var: "arr" }, { var: "v" }] },
        { "*": [{ var: "accumulator" }, { var: "current.v" }] },
        1,
      ],
    },
    "/logic/reduce/1",
    "sum",
  ],
  ["cat of a fraction", { cat: [{ var: "n" }] }, "/logic", "cat"],
  ["merge", { merge: [[1], [2]] }, "/logic", "merge"],
];
