/**
 * The SQL target in a real PostgreSQL server: the same differential tests as in DuckDB.
 * Skips (with a message) only where PostgreSQL is not installed and CRW_REQUIRE_POSTGRES is unset.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MANIFESTS,
  SAMPLE_CSV,
  compareRows,
  compile,
  loadCase,
  reference,
  writeGenerated,
  type Row,
} from "./harness";
import { REQUIRED, postgresBin, startPostgres, loadCsv, type PgServer } from "./postgres";
import { CASES, compileOne, onePack, records, referenceOf, valuesTable } from "./cases";
import { compileSums, sumRecords, sumsPack, sumsReference, sumsTable } from "./sums";
import { jsText, textDoubles, textQuery, textStrings } from "./errorText";

const available = postgresBin() !== undefined;
if (!available && !REQUIRED) {
  console.warn(
    "PostgreSQL is not installed here: the PostgreSQL tests of the SQL target are skipped (apt-get install postgresql).",
  );
}
const COUNT = Number(process.env.CRW_SQL_RECORDS ?? 20_000);

describe.skipIf(!available && !REQUIRED)("SQL target in PostgreSQL", () => {
  let server: PgServer;
  const rows = async (sql: string): Promise<Row[]> => (await server.client.query(sql)).rows as Row[];

  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("float8 → numeric keeps 15 significant digits and round(numeric) rounds half away from zero", async () => {
    const [row] = await rows(
      "SELECT CAST(CAST('63389.174999999996' AS DOUBLE PRECISION) AS NUMERIC)::text AS a, round(CAST(-2.5 AS NUMERIC), 0)::text AS b",
    );
    expect(row).toEqual({ a: "63389.175", b: "-3" });
  });

  for (const manifest of MANIFESTS) {
    it(`${manifest} over the sample dataset`, async () => {
      const header = readFileSync(SAMPLE_CSV, "utf8").split("\n", 1)[0]!.split(",");
      await loadCsv(server, "records", resolve(SAMPLE_CSV), header);
      const c = await loadCase(manifest);
      const compiled = compile(c, "postgres");
      expect(compiled.refusals).toEqual([]);
      const result = compareRows(await rows(compiled.sql!), await reference(c, SAMPLE_CSV));
      expect(result.compared).toBe(300);
    }, 120_000);
  }

  describe(`over ${COUNT} generated records`, () => {
    let data: string;
    beforeAll(async () => {
      data = writeGenerated(server.dataDir, COUNT, 11);
      const header = readFileSync(data, "utf8").split("\n", 1)[0]!.split(",");
      await loadCsv(server, "generated", data, header);
    }, 300_000);

    for (const manifest of [
      ...MANIFESTS,
      "tests/engine/sql/fixtures/population.manifest.json",
      "tests/engine/sql/fixtures/errors/errors.manifest.json",
    ]) {
      it(`${manifest}: every out and pop value identical`, async () => {
        const c = await loadCase(manifest);
        const compiled = compile(c, "postgres", undefined, "generated");
        expect(compiled.refusals).toEqual([]);
        const result = compareRows(await rows(compiled.sql!), await reference(c, data));
        expect(result.compared).toBe(COUNT);
      }, 600_000);
    }
  });

  it("values in error messages as JavaScript writes them (numbers, -0, NaN, escaped and cut strings)", async () => {
    const doubles = textDoubles();
    const got = (await rows(textQuery("postgres", doubles, textStrings))).map((r) => r.t);
    const want = jsText(doubles, textStrings);
    got.forEach((t, i) => expect({ i, x: doubles[i], t }).toEqual({ i, x: doubles[i], t: want[i] }));
    expect(got).toHaveLength(want.length);
  });

  it("population sums in the runtime's order of additions, -0 kept (see sums.test.ts)", async () => {
    const data = sumRecords(6000);
    const pack = sumsPack();
    const compiled = compileSums(pack, "postgres", sumsTable(data, "postgres"), "seq");
    expect(compiled.refusals).toEqual([]);
    const result = compareRows(await rows(compiled.sql!), await sumsReference(pack, data));
    expect(result.compared).toBe(data.length);
  }, 120_000);

  describe("each JavaScript-semantics case", () => {
    for (const [name, logic, output] of CASES) {
      it(name, async () => {
        const pack = onePack(logic, output, { k: { type: "number", default: 0.5 } });
        const compiled = compileOne(pack, "postgres", valuesTable(records, "DOUBLE PRECISION"));
        if (compiled.refusals.length > 0) {
          // Only fmod of fractions is DuckDB-only; everything else translates for both.
          expect(compiled.refusals[0]!.reason).toContain("fmod");
          return;
        }
        const got = new Map(
          (await rows(compiled.sql!)).map((r) => [
            r.id as string,
            {
              value: r["out.r"] ?? null,
              errors: r.errors as string,
            },
          ]),
        );
        for (const [id, want] of await referenceOf(pack))
          expect({ id, ...got.get(id) }).toEqual({ id, ...want });
      });
    }
  });
});
