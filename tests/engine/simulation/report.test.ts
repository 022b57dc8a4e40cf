import { describe, expect, it } from "vitest";
import {
  buildReport,
  defaultReportSpec,
  histogram,
  readReportSpec,
  resultAt,
  RunTableBuilder,
  tableFieldPaths,
} from "../../../src/engine";
import { CONTENT, RECORDS, RESULTS, X_REPORT } from "./fixtures";

function tableOf(records = RECORDS, results = RESULTS) {
  const { spec } = readReportSpec(CONTENT, X_REPORT);
  const builder = new RunTableBuilder(tableFieldPaths(spec, CONTENT));
  builder.add(records.slice(0, 2), results.slice(0, 2));
  builder.add(records.slice(2), results.slice(2));
  return { spec, table: builder.finish() };
}

describe("x-report", () => {
  it("reads a valid extension without problems", () => {
    expect(readReportSpec(CONTENT, X_REPORT).problems).toEqual([]);
  });

  it("names the pointer of each bad entry and leaves it out", () => {
    const { spec, problems } = readReportSpec(CONTENT, {
      components: [
        { output: "out.nope", basis: "payable" },
        { output: "out.rebate", basis: "later" },
      ],
      gates: [
        { id: "g", path: "rate", op: "≈", value: 1 },
        { id: "h", path: "rate", op: ">=", value: "params.missing" },
      ],
    });
    expect(problems.map((p) => p.pointer)).toEqual([
      "/x-report/components/0/output",
      "/x-report/components/1/basis",
      "/x-report/gates/0/op",
      "/x-report/gates/1/value",
    ]);
    expect(spec.components).toEqual([]);
    expect(spec.gates).toEqual([]);
  });

  it("defaults from output units and kinds: CNY incentives are cost, boolean incentives gates", () => {
    const spec = defaultReportSpec(CONTENT);
    expect(spec.components.map((c) => c.output)).toEqual(["out.rebate", "out.budget"]);
    expect(spec.gates.map((g) => g.path)).toEqual(["out.gate"]);
    expect(spec.classes).toEqual(["out.segment"]);
    expect(spec.elimination).toEqual([{ output: "out.segment", values: ["eliminate"] }]);
  });
});

describe("buildReport over four hand-computed records", () => {
  const { spec, table } = tableOf();
  const report = buildReport(table, spec, CONTENT, { gate: 0.9, floor: 50 });

  it("keeps the fields the report and the elimination rule read", () => {
    expect(Object.keys(table.fields).sort()).toEqual([
      "name",
      "paid",
      "rate",
      "region",
      "sales",
      "score",
      "tier",
    ]);
    expect(resultAt(table, 2, RESULTS[2]!.errors)).toEqual(RESULTS[2]);
  });

  it("headline: exact totals, shares of sales and collections, payable vs accrued, number paid", () => {
    // cost = 10.1 + (20.2 + 5) + (0.1 + 0.2) + (−100) = −64.4; payable = 10.1 + 20.2 + 0.1 − 100 = −69.6
    expect(report.headline).toEqual({
      totalCost: "-64.40",
      components: [
        { output: "out.rebate", basis: "payable", sign: 1, total: "30.40" },
        { output: "out.budget", basis: "accrued", sign: 1, total: "5.20" },
        { output: "out.fine", basis: "payable", sign: -1, total: "100.00" },
      ],
      payable: "-69.60",
      accrued: "5.20",
      sales: "10000",
      collections: "6900",
      costShareOfSales: -64.4 / 10000,
      costShareOfCollections: -64.4 / 6900,
      paid: 3,
    });
  });

  it("distribution by region", () => {
    expect(report.distribution).toEqual([
      {
        id: "region",
        path: "region",
        groups: [
          { key: "East", count: 2, paid: 2, cost: "35.30", sales: "3000", costShareOfSales: 35.3 / 3000 },
          { key: "West", count: 2, paid: 1, cost: "-99.70", sales: "7000", costShareOfSales: -99.7 / 7000 },
        ],
      },
    ]);
  });

  it("concentration: the top 10 % (one record of four) by cost", () => {
    // D2 costs 25.2 of −64.4 and has 2000 of 10000 sales.
    expect(report.concentration).toEqual({
      topCount: 1,
      topCost: "25.20",
      payoutShare: 2520 / -6440,
      salesShare: 0.2,
    });
  });

  it("funnel: fails per gate, their sales and the money held back", () => {
    expect(report.funnel).toEqual([
      { id: "collection", path: "rate", failed: 1, failedSales: "2000", heldBack: "20.20" },
      { id: "gate", path: "out.gate", failed: 2, failedSales: "6000", heldBack: null },
    ]);
  });

  it("classes with their cost, and the eliminated with the deciding rule, inputs and revenue at risk", () => {
    expect(report.classes).toEqual([
      {
        output: "out.segment",
        counts: [
          { value: "keep", count: 2, cost: "10.40" },
          { value: "eliminate", count: 2, cost: "-74.80" },
        ],
      },
    ]);
    expect(report.elimination.count).toBe(2);
    expect(report.elimination.revenueAtRisk).toBe("6000");
    expect(report.elimination.list[0]).toEqual({
      index: 1,
      id: "D2",
      name: "Two",
      output: "out.segment",
      value: "eliminate",
      inputs: [
        { path: "score", value: 30 },
        { path: "params.floor", value: 50 },
      ],
      sales: 2000,
    });
  });

  it("lists record errors with their record", () => {
    expect(report.errors.records).toBe(1);
    expect(report.errors.list).toEqual([{ index: 2, id: "D3", error: RESULTS[2]!.errors[0] }]);
  });

  it("has a histogram per numeric output", () => {
    expect(report.histograms.map((h) => h.output)).toEqual(["out.rebate", "out.budget", "out.fine"]);
    const fine = report.histograms[2]!;
    expect(fine.bins).toHaveLength(20);
    expect(fine.bins[0]!.count).toBe(3);
    expect(fine.bins[19]).toEqual({ from: 95, to: 100, count: 1 });
  });
});

describe("histogram", () => {
  it("gives small integer ranges one bin per value", () => {
    expect(histogram("out.q", [0, 1, 1, 3, null], true)?.bins).toEqual([
      { from: 0, to: 0, count: 1 },
      { from: 1, to: 1, count: 2 },
      { from: 2, to: 2, count: 0 },
      { from: 3, to: 3, count: 1 },
    ]);
  });
  it("puts a constant output in one bin and skips an output without numbers", () => {
    expect(histogram("out.c", [5, 5], false)?.bins).toEqual([{ from: 5, to: 5, count: 2 }]);
    expect(histogram("out.n", ["a"], false)).toBeUndefined();
  });
});
