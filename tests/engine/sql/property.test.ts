/**
 * Property-based differential test of the SQL target: random well-typed logic over the small schema
 * of cases.ts, many rules per pack, each compared record by record between DuckDB and the reference
 * pipeline (values, and the errors as crw eval writes them).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { preparePack, runPack, type OutputSpec, type PackContent } from "../../../src/engine";
import { compilePackToSql } from "../../../src/engine/sql";
import { errorsText } from "../../../src/engine/pack/resultLine";
import { records, schema, valuesTable } from "./cases";
import { duckRows } from "./harness";

type Logic = unknown;

const numberLeaf: fc.Arbitrary<Logic> = fc.oneof(
  fc.constantFrom({ var: "n" }, { var: "i" }, { var: "arr.0.v" }, { var: "arr.2.v" }, { var: "params.k" }),
  fc.constantFrom(0, 1, -1, 0.1, 0.015, 2.5, 100, -3, 1e-6),
);
const boolLeaf: fc.Arbitrary<Logic> = fc.constantFrom({ var: "b" }, true, false);

const { num, bool } = fc.letrec<{ num: Logic; bool: Logic }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numberLeaf,
    fc
      .tuple(fc.constantFrom("+", "-", "*", "/", "min", "max"), tie("num"), tie("num"))
      .map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(tie("num"), tie("num"), tie("num")).map(([a, b, c]) => ({ "+": [a, b, c] })),
    tie("num").map((a) => ({ "-": a })),
    fc.tuple(tie("bool"), tie("num"), tie("num")).map(([c, a, b]) => ({ if: [c, a, b] })),
    fc.tuple(tie("num"), tie("num")).map(([a, b]) => ({ and: [a, b] })),
    fc.tuple(tie("num"), tie("num")).map(([a, b]) => ({ or: [a, b] })),
    fc.constant({ reduce: [{ var: "arr" }, { "+": [{ var: "accumulator" }, { var: "current.v" }] }, 0] }),
    fc.constant({ "%": [{ var: "i" }, 3] }),
  ),
  bool: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    boolLeaf,
    fc
      .tuple(fc.constantFrom("<", "<=", ">", ">=", "===", "!==", "==", "!="), tie("num"), tie("num"))
      .map(([op, a, b]) => ({
        [op]: [a, b],
      })),
    tie("bool").map((a) => ({ "!": a })),
    tie("num").map((a) => ({ "!!": a })),
    fc.tuple(tie("bool"), tie("bool")).map(([a, b]) => ({ and: [a, b] })),
    fc.tuple(tie("bool"), tie("bool")).map(([a, b]) => ({ or: [a, b] })),
    fc.constant({ some: [{ var: "arr" }, { ">": [{ var: "v" }, 4] }] }),
  ),
}));

const BOOLEAN: OutputSpec = { type: "boolean" };
const outputs: fc.Arbitrary<OutputSpec> = fc.constantFrom<OutputSpec>(
  { type: "number" },
  { type: "number", decimals: 2 },
  { type: "number", decimals: 0, min: -10, max: 1000 },
  { type: "integer" },
);

describe("SQL target: random well-typed logic in DuckDB equals the reference", () => {
  it("200 rules over the corner records", async () => {
    const numbers = fc.sample(fc.tuple(num, outputs), { numRuns: 150, seed: 20261203 });
    const bools = fc.sample(bool, { numRuns: 50, seed: 20261204 });
    const specs: { id: string; logic: Logic; output: OutputSpec }[] = [
      ...numbers.map(([logic, output], i) => ({ id: `n${i}`, logic, output })),
      ...bools.map((logic, i) => ({ id: `b${i}`, logic, output: BOOLEAN })),
    ];
    const rules: PackContent["rules"] = specs.map((r) => ({
      ...r,
      kind: "incentive" as const,
      version: "1.0.0",
      title: { en: r.id },
      tests: [],
    }));
    const content: PackContent = { params: { k: { type: "number", default: 0.5 } }, population: [], rules };
    const prepared = preparePack(content, (_n, pointer, code, message, severity = "error") => ({
      code,
      severity,
      message,
      pointer,
    }));
    expect(prepared.problems.filter((p) => p.severity === "error")).toEqual([]);
    const pack = prepared.pack!;
    const compiled = compilePackToSql(pack, {
      dialect: "duckdb",
      schema,
      params: { k: 0.5 },
      table: valuesTable(records),
    });
    // Only loose == between a boolean-or-number expression and a nullable one may be refused; the rest translate.
    const refused = new Set(compiled.refusals.map((r) => r.id));
    for (const r of compiled.refusals) expect(r.reason).toMatch(/loose `==`|branches give different types/);
    expect(refused.size).toBeLessThan(rules.length / 4);
    const translatable = { ...content, rules: rules.filter((r) => !refused.has(r.id)) };
    const pack2 = preparePack(translatable, (_n, pointer, code, message, severity = "error") => ({
      code,
      severity,
      message,
      pointer,
    })).pack!;
    const sql = compilePackToSql(pack2, {
      dialect: "duckdb",
      schema,
      params: { k: 0.5 },
      table: valuesTable(records),
    });
    expect(sql.refusals).toEqual([]);
    const rows = await duckRows(sql.sql!);
    const expected = new Map<string, { out: Record<string, unknown>; errors: string }>();
    for await (const chunk of runPack(pack2, structuredClone(records), {
      params: { k: 0.5 },
      ctx: { as_of: "2024-12-31", eval_month: 12 },
    })) {
      for (const r of chunk) expected.set(r.id as string, { out: r.out, errors: errorsText(r.errors) });
    }
    for (const row of rows) {
      const want = expected.get(row.id as string)!;
      for (const rule of translatable.rules) {
        const got = row[`out.${rule.id}`] ?? null;
        const value = want.out[rule.id];
        // Object.is: -0 is not 0 (an embedding reads the values; only JSON writes both as 0).
        if (!Object.is(got, value))
          expect({ id: row.id, rule: rule.id, logic: rule.logic, value: got }).toEqual({
            id: row.id,
            rule: rule.id,
            logic: rule.logic,
            value: Object.is(value, -0) ? "-0" : value,
          });
      }
      // Rule, code and message, as crw eval writes them.
      expect(row.errors).toBe(want.errors);
    }
  }, 120_000);
});
