import { describe, expect, it } from "vitest";
import { RecordBatches, resolveRunDate, RunDateError } from "../../../src/engine";

async function all(records: Iterable<unknown> | AsyncIterable<unknown> | RecordBatches): Promise<unknown[]> {
  const seen: unknown[] = [];
  if (records instanceof RecordBatches) for await (const batch of records.batches) seen.push(...batch);
  else for await (const record of records) seen.push(record);
  return seen;
}

const records = [{ id: "a", as_of: "2024-12-31" }, { id: "b", as_of: "2024-11-30" }, { id: "c" }];

describe("resolveRunDate", () => {
  it("takes the given date and hands the records on untouched", async () => {
    const date = await resolveRunDate("2024-06-30", records);
    expect(date.ctx).toEqual({ as_of: "2024-06-30", eval_month: 6 });
    expect(date.source).toBe("option");
    expect(date.records).toBe(records);
  });

  it("refuses a given date that is not a calendar date", async () => {
    await expect(resolveRunDate("2024-02-30", records)).rejects.toBeInstanceOf(RunDateError);
  });

  it("takes the first record's as_of from records one by one, keeping every record and counting the others", async () => {
    const date = await resolveRunDate(undefined, records, () => "2000-01-01");
    expect(date.ctx.as_of).toBe("2024-12-31");
    expect(date.source).toBe("records");
    expect(await all(date.records)).toEqual(records);
    expect(date.mismatches()).toBe(1);
  });

  it("does the same for batches, skipping empty ones", async () => {
    const date = await resolveRunDate(
      undefined,
      new RecordBatches([[], records.slice(0, 1), records.slice(1)]),
    );
    expect(date.ctx.as_of).toBe("2024-12-31");
    expect(date.records).toBeInstanceOf(RecordBatches);
    expect(await all(date.records)).toEqual(records);
    expect(date.mismatches()).toBe(1);
  });

  it("falls back to today when the first record has no usable as_of", async () => {
    const date = await resolveRunDate(undefined, [{ id: "x", as_of: "soon" }], () => "2026-03-01");
    expect(date).toMatchObject({ source: "today", ctx: { as_of: "2026-03-01", eval_month: 3 } });
    const empty = await resolveRunDate(undefined, [], () => "2026-03-01");
    expect(await all(empty.records)).toEqual([]);
  });
});
