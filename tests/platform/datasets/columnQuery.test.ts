import { describe, expect, it } from "vitest";
import { queryOrder, type RowQuery } from "../../../src/platform/datasets/columnQuery";
import {
  createDatasetRepository,
  memoryDatasetBackend,
} from "../../../src/platform/storage/datasetRepository";
import type { ProjectedColumn } from "../../../src/platform/storage/projection";

const records = [
  { id: "D-1", name: "Beta", region: "华东", amount: 30, ok: true },
  { id: "D-2", name: "alpha", region: "华北", amount: null, ok: false },
  { id: "D-3", name: "Gamma", region: "华东", amount: -5, ok: true },
  { id: "D-4", region: "西北", amount: 30, ok: false },
  { id: "D-5", name: "delta", region: "华北", amount: 12.5, ok: true },
  { id: "D-6", name: "Alpha 2", region: "华东", ok: true },
  { id: "D-7", name: "alpha 10", region: "东北", amount: 1e9, ok: false },
];

/** Projects the records through the real repository, chunks of 3 rows, so chunks are crossed. */
async function project(paths: string[]): Promise<{ columns: Record<string, ProjectedColumn>; rows: number }> {
  const repository = createDatasetRepository(memoryDatasetBackend(), { chunkRows: 3 });
  await repository.create({ id: "d", name: "d", sourceFile: "d.jsonl", createdAt: "" }, records);
  const projection = await repository.columns("d", paths);
  return { columns: Object.fromEntries(projection.columns.map((c) => [c.path, c])), rows: projection.rows };
}

async function ids(query: RowQuery, locale = "en"): Promise<string[]> {
  const { columns, rows } = await project(["id", "name", "region", "amount", "ok"]);
  const order = queryOrder(columns, rows, query, locale);
  expect(order).toBeInstanceOf(Uint32Array);
  return [...order].map((row) => records[row]!.id);
}

describe("queryOrder", () => {
  it("sorts numbers ascending and descending, missing and null last either way, ties in stored order", async () => {
    expect(await ids({ sort: { path: "amount", direction: "ascending" }, filters: {} })).toEqual([
      "D-3",
      "D-5",
      "D-1",
      "D-4",
      "D-7",
      "D-2",
      "D-6",
    ]);
    expect(await ids({ sort: { path: "amount", direction: "descending" }, filters: {} })).toEqual([
      "D-7",
      "D-1",
      "D-4",
      "D-5",
      "D-3",
      "D-2",
      "D-6",
    ]);
  });

  it("sorts text in the locale's collation (case-insensitive, numbers by value)", async () => {
    expect(await ids({ sort: { path: "name", direction: "ascending" }, filters: {} })).toEqual([
      "D-2",
      "D-6",
      "D-7",
      "D-1",
      "D-5",
      "D-3",
      "D-4",
    ]);
  });

  it("sorts booleans false before true", async () => {
    expect(await ids({ sort: { path: "ok", direction: "ascending" }, filters: {} })).toEqual([
      "D-2",
      "D-4",
      "D-7",
      "D-1",
      "D-3",
      "D-5",
      "D-6",
    ]);
  });

  it("filters numbers by an inclusive range, leaving out missing and null", async () => {
    expect(await ids({ filters: { amount: { kind: "range", min: 0, max: 30 } } })).toEqual([
      "D-1",
      "D-4",
      "D-5",
    ]);
    expect(await ids({ filters: { amount: { kind: "range", min: 100 } } })).toEqual(["D-7"]);
    expect(await ids({ filters: { amount: { kind: "range", max: 0 } } })).toEqual(["D-3"]);
  });

  it("filters text that contains a string, ignoring case", async () => {
    expect(await ids({ filters: { name: { kind: "text", contains: "ALPHA" } } })).toEqual([
      "D-2",
      "D-6",
      "D-7",
    ]);
    expect(await ids({ filters: { name: { kind: "text", contains: "zzz" } } })).toEqual([]);
  });

  it("filters by a choice of values, for text and booleans", async () => {
    expect(await ids({ filters: { region: { kind: "values", values: ["华北", "东北"] } } })).toEqual([
      "D-2",
      "D-5",
      "D-7",
    ]);
    expect(await ids({ filters: { ok: { kind: "values", values: ["false"] } } })).toEqual([
      "D-2",
      "D-4",
      "D-7",
    ]);
  });

  it("combines filters with a sort", async () => {
    expect(
      await ids({
        sort: { path: "amount", direction: "descending" },
        filters: { region: { kind: "values", values: ["华东"] }, amount: { kind: "range", min: -10 } },
      }),
    ).toEqual(["D-1", "D-3"]);
  });

  it("keeps no row for a filter on a path the dataset does not have, and stored order for such a sort", async () => {
    expect(await ids({ filters: { nope: { kind: "text", contains: "" } } })).toEqual([]);
    expect(await ids({ sort: { path: "nope", direction: "ascending" }, filters: {} })).toEqual(
      records.map((r) => r.id),
    );
  });

  it("sorts negative, -0, fractional and huge numbers in order, descending too", () => {
    const values = new Float64Array([0.5, -0, -1e300, 3, 0, -2.25, 1e300, -0.5]);
    const column = { n: { path: "n", type: "number" as const, values } };
    const up = queryOrder(column, 8, { sort: { path: "n", direction: "ascending" }, filters: {} });
    expect([...up]).toEqual([2, 5, 7, 1, 4, 0, 3, 6]);
    const down = queryOrder(column, 8, { sort: { path: "n", direction: "descending" }, filters: {} });
    expect([...down]).toEqual([6, 3, 0, 1, 4, 7, 5, 2]);
  });

  it("sorts 200,000 numbers correctly", () => {
    const rows = 200_000;
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = (i * 7919) % 100_003;
    const order = queryOrder({ n: { path: "n", type: "number", values } }, rows, {
      sort: { path: "n", direction: "ascending" },
      filters: {},
    });
    expect(order.length).toBe(rows);
    let sorted = true;
    for (let i = 1; i < rows; i++) if (values[order[i]!]! < values[order[i - 1]!]!) sorted = false;
    expect(sorted).toBe(true);
    expect(new Set(order).size).toBe(rows);
  });
});
