/**
 * Population sums in DuckDB are bit-identical to the runtime's, also where the order of the additions
 * changes the last bits, with -0 kept apart from 0, on one thread and on four.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { compareRows, type Row } from "./harness";
import { compileSums, sumRecords, sumsPack, sumsReference, sumsTable } from "./sums";

const records = sumRecords(6000);

async function run(sql: string, threads: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(":memory:", { threads });
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
  }
}

describe("population sums in DuckDB, in the runtime's order of additions", () => {
  const pack = sumsPack();
  const table = sumsTable(records, "duckdb");

  for (const threads of ["1", "4"]) {
    it(`every pop value identical with --order (${threads} thread(s))`, async () => {
      const compiled = compileSums(pack, "duckdb", table, "seq");
      expect(compiled.refusals).toEqual([]);
      const expected = await sumsReference(pack, records);
      expect(compareRows(await run(compiled.sql!, threads), expected).compared).toBe(records.length);
    }, 120_000);
  }

  it("the case depends on the order: summed in id order instead, some values differ", async () => {
    const compiled = compileSums(pack, "duckdb", table);
    const rows = await run(compiled.sql!, "1");
    const expected = await sumsReference(pack, records);
    const differing = rows.filter((row) => !Object.is(row["pop.sum"], expected.get(row.id)!.pop.sum));
    expect(differing.length).toBeGreaterThan(0);
    // ...and the same SQL equals the runtime over the records in id order.
    const byId = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    compareRows(rows, await sumsReference(pack, byId));
  }, 120_000);

  it("the case has -0 where the runtime gives it (a normalised -0 measure, a -0 budget's factor), so the comparisons above cover -0", async () => {
    const expected = await sumsReference(pack, records);
    const values = [...expected.values()];
    expect(values.some((r) => Object.is(r.pop.norm, -0))).toBe(true);
    expect(values.some((r) => Object.is(r.pop.cut, -0))).toBe(true);
    // Sums start from 0: never -0, though some partitions are all zeros of both signs in SQL terms.
    expect(values.some((r) => Object.is(r.pop.sum, -0))).toBe(false);
  });

  it("a partition sum past the double range stops the query instead of giving other numbers", async () => {
    const huge = [
      { id: "a", seq: 0, g: "east", x: 1.5e308 },
      { id: "b", seq: 1, g: "east", x: 1.5e308 },
      { id: "c", seq: 2, g: "west", x: 1 },
    ];
    const compiled = compileSums(pack, "duckdb", sumsTable(huge, "duckdb"), "seq");
    await expect(run(compiled.sql!, "1")).rejects.toThrow(/partition's sum is not a finite number/);
  });
});
