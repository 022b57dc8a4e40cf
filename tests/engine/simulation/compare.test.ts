import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildReport,
  compareRuns,
  CompareMismatch,
  loadManifest,
  preparePack,
  readReportSpec,
  resultLine,
  resultAt,
  errorsByIndex,
  runPack,
  makeRunContext,
  resolveParams,
  RunTableBuilder,
  tableFieldPaths,
  type CompareSide,
  type RecordResult,
} from "../../../src/engine";
import { CONTENT, RECORDS, RESULTS, X_REPORT, result } from "./fixtures";

function side(results: RecordResult[], records = RECORDS): CompareSide {
  const { spec } = readReportSpec(CONTENT, X_REPORT);
  const builder = new RunTableBuilder(tableFieldPaths(spec, CONTENT));
  builder.add(records, results);
  return { table: builder.finish(), spec, content: CONTENT };
}

describe("compareRuns over four hand-computed records", () => {
  const candidate: RecordResult[] = [
    result("D1", 30.1, 0, 0, true, "keep"), // cost 10.10 → 30.10: +20
    result("D2", 0, 5, 0, false, "eliminate"), // 25.20 → 5.00: −20.2
    result("D3", 0.1, 0.2, 0, true, "eliminate"), // unchanged, but now eliminated
    result("D4", 0, 0, 50, false, "keep"), // −100 → −50: +50
  ];
  const comparison = compareRuns(side(RESULTS), side(candidate));

  it("totals cost per side and component", () => {
    expect(comparison.cost).toEqual({ base: "-64.40", candidate: "-14.60", delta: "49.80" });
    expect(comparison.components).toEqual([
      { output: "out.rebate", base: "30.40", candidate: "30.20", delta: "-0.20" },
      { output: "out.budget", base: "5.20", candidate: "5.20", delta: "0.00" },
      // A penalty counts against the cost, so the components add up to the cost change.
      { output: "out.fine", base: "-100.00", candidate: "-50.00", delta: "50.00" },
    ]);
    const sum = comparison.components.reduce((t, c) => t + Number(c.delta), 0);
    expect(sum.toFixed(2)).toBe(comparison.cost.delta);
  });

  it("winners and losers: counts, totals, largest first, Δ as share of sales; the cushion", () => {
    expect(comparison.winners.count).toBe(2);
    expect(comparison.winners.total).toBe("70.00");
    expect(comparison.winners.top.map((m) => [m.id, m.delta, m.deltaShareOfSales])).toEqual([
      ["D4", "50.00", 50 / 4000],
      ["D1", "20.00", 20 / 1000],
    ]);
    expect(comparison.losers).toEqual({
      count: 1,
      total: "-20.20",
      top: [
        {
          index: 1,
          id: "D2",
          name: "Two",
          region: "East",
          tier: "silver",
          base: "25.20",
          candidate: "5.00",
          delta: "-20.20",
          deltaShareOfSales: -20.2 / 2000,
        },
      ],
    });
    expect(comparison.unchanged).toBe(1);
    expect(comparison.cushion).toBe("20.20");
  });

  it("change by region and tier", () => {
    expect(comparison.byRegion).toEqual([
      { key: "East", count: 2, base: "35.30", candidate: "35.10", delta: "-0.20", winners: 1, losers: 1 },
      { key: "West", count: 2, base: "-99.70", candidate: "-49.70", delta: "50.00", winners: 1, losers: 0 },
    ]);
    expect(comparison.byTier.map((g) => [g.key, g.delta])).toEqual([
      ["gold", "20.00"],
      ["silver", "29.80"],
    ]);
  });

  it("movement matrix of the segment and of elimination", () => {
    const segment = comparison.movements.find((m) => m.output === "out.segment")!;
    expect(segment.cells).toEqual([
      { from: "keep", to: "keep", count: 1 },
      { from: "eliminate", to: "eliminate", count: 1 },
      { from: "keep", to: "eliminate", count: 1 },
      { from: "eliminate", to: "keep", count: 1 },
    ]);
    expect(segment.changed).toBe(2);
    expect(segment.moved.map((m) => [m.id, m.from, m.to])).toEqual([
      ["D3", "keep", "eliminate"],
      ["D4", "eliminate", "keep"],
    ]);
    const elimination = comparison.movements.find((m) => m.output === "elimination")!;
    expect(elimination.changed).toBe(2);
  });

  it("reuses ImpactCollector for every output", () => {
    const rebate = comparison.impacts.find((i) => i.output === "out.rebate");
    expect(rebate).toEqual({
      output: "out.rebate",
      changed: 2,
      kind: "total",
      oldTotal: "30.40",
      newTotal: "30.20",
    });
  });

  it("refuses runs over different records", () => {
    expect(() => compareRuns(side(RESULTS), side(RESULTS.slice(0, 3), RECORDS.slice(0, 3)))).toThrow(
      CompareMismatch,
    );
    const renamed = RESULTS.map((r, i) => (i === 2 ? { ...r, id: "X" } : r));
    expect(() => compareRuns(side(RESULTS), side(renamed))).toThrow(/Record 3/);
  });
});

const ROOT = resolve(import.meta.dirname, "../../..");

async function runManifest(version: string) {
  const path = resolve(ROOT, `rules/manifests/dealer-program-${version}.manifest.json`);
  const text = await readFile(path, "utf8");
  const loaded = await loadManifest({ file: path, text }, async (p) => ({
    file: p,
    text: await readFile(resolve(dirname(path), p), "utf8"),
  }));
  const content = loaded.content!;
  const prepared = preparePack(content, loaded.locate).pack!;
  const records = JSON.parse(
    await readFile(resolve(ROOT, "samples/distributors-300.json"), "utf8"),
  ) as unknown[];
  const { spec, problems } = readReportSpec(content, loaded.manifest!["x-report"]);
  expect(problems).toEqual([]);
  const params = resolveParams(content.params, {});
  if (!params.ok) throw new Error("params");
  const ctx = makeRunContext("2024-12-31");
  if (!ctx.ok) throw new Error("ctx");
  const builder = new RunTableBuilder(tableFieldPaths(spec, content));
  const results: RecordResult[] = [];
  for await (const chunk of runPack(prepared, records, {
    params: params.value,
    ctx: ctx.value,
    chunkSize: 64,
  })) {
    builder.add(records.slice(results.length, results.length + chunk.length), chunk);
    results.push(...chunk);
  }
  return { side: { table: builder.finish(), spec, content }, results, params: params.value };
}

describe("the dealer programs over the 300-distributor sample", async () => {
  const current = await runManifest("1.0.0");
  const proposed = await runManifest("1.1.0");

  it("a run's table gives back every result line exactly", () => {
    const errors = errorsByIndex(proposed.side.table);
    proposed.results.forEach((r, i) =>
      expect(resultLine(resultAt(proposed.side.table, i, errors.get(i)))).toBe(resultLine(r)),
    );
  });

  it("the headline's cash rebate is the golden total, and 1.0.0 accrues no terminal budget", () => {
    const report = buildReport(
      proposed.side.table,
      proposed.side.spec,
      proposed.side.content,
      proposed.params,
    );
    expect(report.headline.components.find((c) => c.output === "out.cash-rebate")?.total).toBe("4532168.85");
    const before = buildReport(current.side.table, current.side.spec, current.side.content, current.params);
    expect(before.headline.components.find((c) => c.output === "out.terminal-support-budget")?.total).toBe(
      "0.00",
    );
    expect(report.funnel.map((f) => f.id)).toEqual(["attainment", "collection", "violations", "training"]);
    // 49 distributors fail the collection gate (tests/rules snapshot).
    expect(report.funnel[1]!.failed).toBe(49);
  });

  it("1.1.0 vs 1.0.0: winners and losers, A-class moving from cash to terminal budget", () => {
    const c = compareRuns(current.side, proposed.side);
    expect(c.winners.count).toBeGreaterThan(0);
    expect(c.losers.count).toBeGreaterThan(0);
    expect(c.winners.count + c.losers.count + c.unchanged).toBe(300);
    expect(Number(c.cushion)).toBeCloseTo(-Number(c.losers.total), 2);
    const cash = c.components.find((x) => x.output === "out.cash-rebate")!;
    const terminal = c.components.find((x) => x.output === "out.terminal-support-budget")!;
    expect(Number(cash.delta)).toBeLessThan(0);
    expect(Number(terminal.delta)).toBeGreaterThan(0);
  });
});
