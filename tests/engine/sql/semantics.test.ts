/**
 * JavaScript-semantics corners and refusals of the SQL target, each run through the reference
 * pipeline (`runPack`, as `crw eval`) and through the compiled SQL in DuckDB over the same records.
 */
import { describe, expect, it } from "vitest";
import { preparePack, type PackContent } from "../../../src/engine";
import { compilePackToSql } from "../../../src/engine/sql";
import { CASES, REFUSALS, compileOne, onePack, records, referenceOf, schema, valuesTable } from "./cases";
import { duckRows } from "./harness";

describe("SQL target semantics in DuckDB (each case against the reference pipeline)", () => {
  for (const [name, logic, output] of CASES) {
    it(name, async () => {
      const pack = onePack(logic, output, { k: { type: "number", default: 0.5 } });
      const compiled = compileOne(pack, "duckdb", valuesTable(records));
      expect(compiled.refusals).toEqual([]);
      const rows = await duckRows(compiled.sql!);
      const expected = await referenceOf(pack);
      const got = new Map(
        rows.map((r) => [
          r.id as string,
          {
            value: r["out.r"] ?? null,
            errors: r.errors as string,
          },
        ]),
      );
      for (const [id, want] of expected) expect({ id, ...got.get(id) }).toEqual({ id, ...want });
    });
  }
});

describe("SQL target refusals", () => {
  for (const [name, logic, pointer, reason] of REFUSALS) {
    it(name, () => {
      const compiled = compileOne(onePack(logic, { type: "number" }), "duckdb", "t");
      expect(compiled.sql).toBeUndefined();
      expect(compiled.refusals).toHaveLength(1);
      expect(compiled.refusals[0]).toMatchObject({ id: "r", pointer });
      expect(compiled.refusals[0]!.reason).toContain(reason);
    });
  }

  it("% of fractions: DuckDB's fmod is exact, PostgreSQL has none", () => {
    const pack = onePack({ "%": [{ var: "n" }, 0.3] }, { type: "number" });
    expect(compileOne(pack, "duckdb", "t").refusals).toEqual([]);
    expect(compileOne(pack, "postgres", "t").refusals[0]!.reason).toContain("fmod");
  });

  it("a budget read from the records", () => {
    const content: PackContent = {
      params: {},
      population: [{ id: "bf", op: "budget_factor", measure: "i", budget: "n", out: "pop.bf" }],
      rules: [],
    };
    const prepared = preparePack(content, (_n, pointer, code, message) => ({
      code,
      severity: "error",
      message,
      pointer,
    }));
    const compiled = compilePackToSql(prepared.pack!, { dialect: "duckdb", schema, params: {} });
    expect(compiled.refusals).toMatchObject([{ id: "bf", pointer: "/budget", node: { kind: "population" } }]);
  });
});
