import { describe, expect, it } from "vitest";
import { CHOICE_LIMIT, profileColumn } from "../../../src/platform/datasets/columnProfile";
import {
  createDatasetRepository,
  memoryDatasetBackend,
} from "../../../src/platform/storage/datasetRepository";

async function profile(records: unknown[], path: string) {
  const repository = createDatasetRepository(memoryDatasetBackend(), { chunkRows: 4 });
  await repository.create({ id: "d", name: "d", sourceFile: "d.jsonl", createdAt: "" }, records);
  const projection = await repository.columns("d", [path]);
  return profileColumn(projection.columns[0]!, projection.rows);
}

describe("profileColumn", () => {
  it("counts missing, null and distinct numbers, with min, mean, max and a histogram", async () => {
    const records = [{ a: 1 }, { a: 3 }, {}, { a: null }, { a: 3 }, { a: 13 }, { a: -2 }, {}];
    const p = await profile(records, "a");
    expect(p).toMatchObject({ type: "number", rows: 8, missing: 2, nulls: 1, distinct: 4, min: -2, max: 13 });
    expect(p.mean).toBeCloseTo(18 / 5);
    expect(p.histogram).toHaveLength(10);
    expect(p.histogram!.reduce((a, b) => a + b, 0)).toBe(5);
    expect(p.histogram![0]).toBe(1); // -2
    expect(p.histogram![9]).toBe(1); // 13, the maximum, in the last bin
  });

  it("gives text columns their most frequent values and, when few, every value to choose from", async () => {
    const regions = ["华东", "华北", "华东", "西北", "华东", "华北"];
    const p = await profile(
      regions.map((region) => ({ region })),
      "region",
    );
    expect(p).toMatchObject({ type: "string", rows: 6, missing: 0, nulls: 0, distinct: 3 });
    expect(p.top).toEqual([
      { value: "华东", count: 3 },
      { value: "华北", count: 2 },
      { value: "西北", count: 1 },
    ]);
    expect(p.choices).toEqual(["华东", "华北", "西北"].sort());
    expect(p.min).toBeUndefined();
  });

  it("lists no choices past the limit, five top values at most", async () => {
    const p = await profile(
      Array.from({ length: CHOICE_LIMIT + 1 }, (_, i) => ({ id: `D-${i}` })),
      "id",
    );
    expect(p.distinct).toBe(CHOICE_LIMIT + 1);
    expect(p.choices).toBeUndefined();
    expect(p.top).toHaveLength(5);
  });

  it("profiles booleans and an all-missing column", async () => {
    const p = await profile([{ ok: true }, { ok: false }, { ok: true }, {}], "ok");
    expect(p).toMatchObject({
      type: "boolean",
      missing: 1,
      distinct: 2,
      top: [
        { value: "true", count: 2 },
        { value: "false", count: 1 },
      ],
    });
    const none = await profile([{ ok: true }], "nothing");
    expect(none).toMatchObject({ rows: 1, missing: 1, distinct: 0 });
  });
});
