import { describe, expect, it } from "vitest";
import type { DatasetMeta } from "../../../src/platform";
import { activeDataset, datasetRows } from "../../../src/workbench/parts/data/data.selectors";

const dataset = (id: string, rowCount: number, title?: DatasetMeta["title"]): DatasetMeta => ({
  id,
  name: id,
  rowCount,
  sourceFile: `samples/${id}.json`,
  createdAt: "",
  ...(title ? { title } : {}),
});

const datasets = [
  dataset("distributors-1000000", 1_000_000),
  dataset("distributors-300", 300, { en: "Distributor evaluation record", "zh-CN": "经销商评估记录" }),
];

describe("datasetRows", () => {
  it("sorts by name, formats row counts for the locale and marks the active dataset", () => {
    expect(datasetRows(datasets, "distributors-300", "zh-CN")).toEqual([
      {
        id: "distributors-300",
        name: "distributors-300",
        rowCount: 300,
        rows: "300",
        title: "经销商评估记录",
        sourceFile: "samples/distributors-300.json",
        active: true,
      },
      {
        id: "distributors-1000000",
        name: "distributors-1000000",
        rowCount: 1_000_000,
        rows: "1,000,000",
        sourceFile: "samples/distributors-1000000.json",
        active: false,
      },
    ]);
    expect(datasetRows([], null, "en")).toEqual([]);
  });
});

describe("activeDataset", () => {
  it("names the active dataset with its formatted row count, or null", () => {
    expect(activeDataset(datasets, "distributors-1000000", "en")).toEqual({
      name: "distributors-1000000",
      rowCount: 1_000_000,
      rows: "1,000,000",
    });
    expect(activeDataset(datasets, null, "en")).toBeNull();
    expect(activeDataset(datasets, "deleted", "en")).toBeNull();
  });
});
