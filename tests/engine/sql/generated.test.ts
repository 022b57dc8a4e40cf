import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MANIFESTS, compareRows, compile, duckRows, loadCase, reference, writeGenerated } from "./harness";

const csvTable = (path: string) => `read_csv('${path}', header = true, all_varchar = true)`;
const dir = mkdtempSync(join(tmpdir(), "crw-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** 20,000 records (CI runs the whole suite in 30 minutes on 2 cores); CRW_SQL_RECORDS=1000000 for a long run. */
const COUNT = Number(process.env.CRW_SQL_RECORDS ?? 20_000);

describe("SQL target in DuckDB over generated records", () => {
  let data: string;
  // Generating and writing the records takes seconds on a loaded 2-core machine.
  it(`writes ${COUNT} generated records`, () => {
    data = writeGenerated(dir, COUNT, 7);
  }, 60_000);

  for (const manifest of MANIFESTS) {
    it(`${manifest}: every out and pop value identical`, async () => {
      const c = await loadCase(manifest);
      const compiled = compile(c, "duckdb", undefined, csvTable(data));
      expect(compiled.refusals).toEqual([]);
      const rows = await duckRows(compiled.sql!);
      const result = compareRows(rows, await reference(c, data));
      expect(result.compared).toBe(COUNT);
    }, 300_000);
  }

  it("with --param overrides, written in as literals", async () => {
    const c = await loadCase(MANIFESTS[1]!, { attainment_gate: "0.7", rebate_budget: "100000" });
    const compiled = compile(c, "duckdb", undefined, csvTable(data));
    const rows = await duckRows(compiled.sql!);
    compareRows(rows, await reference(c, data));
  }, 300_000);

  it("a pack of every population operator, with partitions (string, integer) and a budget", async () => {
    const c = await loadCase("tests/engine/sql/fixtures/population.manifest.json");
    const compiled = compile(c, "duckdb", undefined, csvTable(data));
    expect(compiled.refusals).toEqual([]);
    const rows = await duckRows(compiled.sql!);
    const expected = await reference(c, data);
    expect(compareRows(rows, expected).compared).toBe(COUNT);
  }, 300_000);
});
