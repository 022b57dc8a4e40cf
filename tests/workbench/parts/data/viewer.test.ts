import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DatasetColumn } from "../../../../src/platform";
import { ColumnChunkCache, LOADING } from "../../../../src/workbench/parts/data/columnChunks";
import {
  cellText,
  sectionLabel,
  sectionSpans,
  viewerColumns,
} from "../../../../src/workbench/parts/data/viewerColumns";
import { nextSort, noQuery, withFilter } from "../../../../src/workbench/parts/data/viewerQuery";
import {
  createDatasetRepository,
  memoryDatasetBackend,
} from "../../../../src/platform/storage/datasetRepository";

const schema: unknown = JSON.parse(readFileSync("samples/distributor.schema.json", "utf8"));
const column = (dotted: string, type: DatasetColumn["type"] = "number"): DatasetColumn => ({
  path: dotted.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
  dotted,
  type,
});

describe("viewer columns", () => {
  it("labels columns from the schema, takes units from x-unit, groups sections in first-seen order", () => {
    const columns = viewerColumns(
      [
        column("id", "string"),
        column("sales.net_ytd"),
        column("ar.overdue_90_ratio"),
        column("sales.gross_ytd"),
      ],
      schema,
      "zh-CN",
    );
    expect(columns.map((c) => c.dotted)).toEqual([
      "id",
      "sales.net_ytd",
      "sales.gross_ytd",
      "ar.overdue_90_ratio",
    ]);
    expect(columns[2]).toMatchObject({ section: "sales", unit: "CNY", label: "年初至今开票总额" });
    expect(columns[0]!.section).toBe("");
    expect(sectionSpans(columns)).toEqual([
      { section: "", first: 0, span: 1 },
      { section: "sales", first: 1, span: 2 },
      { section: "ar", first: 3, span: 1 },
    ]);
    expect(sectionLabel(schema, "nope", "en")).toBe("nope");
  });

  it("formats money as yuan and ratios as percentages in the UI language; other numbers as stored", () => {
    expect(cellText(1234567.5, "CNY", "en")).toBe("CN¥1,234,567.50");
    expect(cellText(1234567.5, "CNY", "zh-CN")).toBe("¥1,234,567.50");
    expect(cellText(-80, "CNY", "zh-CN")).toBe("-¥80.00");
    expect(cellText(0.1234, "ratio", "en")).toBe("12.3%");
    expect(cellText(0.1234, "ratio", "zh-CN")).toBe("12.3%");
    expect(cellText(2021, "years", "en")).toBe("2021");
    expect(cellText(undefined)).toBe("");
    expect(cellText(null, "CNY")).toBe("null");
    expect(cellText({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe("viewer query", () => {
  it("cycles a header's sort: ascending, descending, none; another header starts again", () => {
    const a = nextSort(noQuery, "amount");
    expect(a.sort).toEqual({ path: "amount", direction: "ascending" });
    const d = nextSort(a, "amount");
    expect(d.sort).toEqual({ path: "amount", direction: "descending" });
    expect(nextSort(d, "amount").sort).toBeUndefined();
    expect(nextSort(d, "name").sort).toEqual({ path: "name", direction: "ascending" });
  });

  it("sets and clears a column's filter, keeping the sort and the other filters", () => {
    const q = withFilter(nextSort(noQuery, "a"), "b", { kind: "text", contains: "x" });
    const r = withFilter(q, "c", { kind: "range", min: 1 });
    expect(Object.keys(r.filters)).toEqual(["b", "c"]);
    expect(withFilter(r, "b", undefined)).toEqual({
      sort: q.sort,
      filters: { c: { kind: "range", min: 1 } },
    });
  });
});

describe("ColumnChunkCache", () => {
  it("reads each chunk once for every column asked in the same turn, then answers from memory", async () => {
    const repository = createDatasetRepository(memoryDatasetBackend(), { chunkRows: 4 });
    const records = Array.from({ length: 10 }, (_, i) => ({ id: `D-${i}`, n: i * 10 }));
    await repository.create({ id: "d", name: "d", sourceFile: "d", createdAt: "" }, records);
    const reads: string[] = [];
    let changed = 0;
    const cache = new ColumnChunkCache(
      (paths, start, count) => {
        reads.push(`${start}+${count}:${paths.join(",")}`);
        return repository.columns("d", paths, { start, count });
      },
      4,
      () => changed++,
    );
    expect(cache.value(9, "n")).toBe(LOADING);
    expect(cache.value(8, "id")).toBe(LOADING);
    expect(cache.value(1, "n")).toBe(LOADING);
    await new Promise((r) => setTimeout(r, 0));
    expect(reads.sort()).toEqual(["0+4:n", "8+4:n,id"]);
    expect(changed).toBe(2);
    expect(cache.value(9, "n")).toBe(90);
    expect(cache.value(8, "id")).toBe("D-8");
    expect(cache.value(1, "n")).toBe(10);
    expect(reads).toHaveLength(2);
  });
});
