import { describe, expect, it } from "vitest";
import { makeRunContext, resolveParams } from "../../../src/engine/pack/context";
import type { NodeLocator } from "../../../src/engine/pack/graph";
import { runPack } from "../../../src/engine/pack/pipeline";
import { preparePack } from "../../../src/engine/pack/prepare";
import { sweepModel, sweepRangeProblem, sweepValues, SweepTally } from "../../../src/engine/sweep";
import { content, rule } from "../pack/fixtures";

const locate: NodeLocator = (_n, pointer, code, message, severity = "error") => ({
  code,
  severity,
  message,
  pointer,
});

// A gate on attainment, a rebate of 1 % of sales above it, a segment that eliminates low scorers, a
// boolean collection gate and an ABC class by share of sales.
const pack = preparePack(
  content(
    [
      rule("collection-gate", { ">=": [{ var: "collection" }, 0.9] }, { output: { type: "boolean" } }),
      rule(
        "rebate",
        {
          if: [
            { ">=": [{ var: "attainment" }, { var: "params.gate" }] },
            { "*": [{ var: "sales" }, 0.01] },
            0,
          ],
        },
        { output: { type: "number", unit: "CNY", decimals: 2 } },
      ),
      rule(
        "segment",
        { if: [{ "<": [{ var: "score" }, 50] }, "eliminate", "keep"] },
        { kind: "elimination", output: { type: "string", enum: ["keep", "eliminate"] } },
      ),
    ],
    {
      params: { gate: { type: "number", default: 0.9, min: 0.5, max: 1.2 } },
      population: [
        {
          id: "abc",
          op: "cumulative_share_class",
          measure: "sales",
          breaks: [0.6, 0.9],
          labels: ["A", "B", "C"],
          out: "pop.abc",
        },
      ],
    },
  ),
  locate,
).pack!;

const records = [
  { id: "a", sales: 1000.5, attainment: 0.85, score: 80, collection: 1 },
  { id: "b", sales: 300.25, attainment: 0.95, score: 40, collection: 0.5 },
  { id: "c", sales: 100.1, attainment: 1.1, score: 70, collection: 0.95 },
];

async function step(gate: number) {
  const params = resolveParams(pack.content.params, { gate });
  const ctx = makeRunContext("2024-12-31");
  if (!params.ok || !ctx.ok) throw new Error("setup");
  const tally = new SweepTally(sweepModel(pack));
  for await (const chunk of runPack(pack, records, { params: params.value, ctx: ctx.value }))
    for (const r of chunk) tally.add(r);
  return tally.row(gate);
}

describe("sweepModel", () => {
  it("derives cost, elimination, the A class and gates from the pack; a budget guardrail names the cost", () => {
    expect(sweepModel(pack)).toEqual({
      cost: ["out.rebate"],
      elimination: ["out.segment"],
      classPath: "pop.abc",
      classLabel: "A",
      gates: ["out.collection-gate"],
    });
    const guarded = sweepModel(pack, undefined, [
      { id: "b", kind: "total", of: ["out.rebate", "out.x"], max: 1 },
    ]);
    expect(guarded.cost).toEqual(["out.rebate", "out.x"]);
    expect(sweepModel(pack, ["out.y"]).cost).toEqual(["out.y"]);
  });
});

describe("a sweep of the attainment gate, by hand", () => {
  it("at 0.8 all three are paid (10.01 + 3.00 + 1.00 = 14.01); at 0.9 two; at 1.0 one", async () => {
    // 1000.5 × 1 % = 10.005 → 10.01 (half away from zero), 300.25 → 3.0025 → 3, 100.1 → 1.001 → 1.
    expect(await step(0.8)).toEqual({
      value: 0.8,
      cost: "14.01",
      paid: 3,
      eliminated: 1,
      aClass: 1,
      gateFailures: 1,
      records: 3,
      withErrors: 0,
    });
    expect(await step(0.9)).toMatchObject({ cost: "4.00", paid: 2 });
    expect(await step(1)).toMatchObject({ cost: "1.00", paid: 1, eliminated: 1, gateFailures: 1 });
  });
});

describe("sweepValues and sweepRangeProblem", () => {
  const spec = { type: "number" as const, default: 0.9, min: 0.5, max: 1.2 };
  it("spaces values evenly with no float noise, integers rounded without repeats", () => {
    expect(sweepValues(spec, 0.8, 1, 5)).toEqual([0.8, 0.85, 0.9, 0.95, 1]);
    expect(sweepValues({ type: "integer", default: 3 }, 1, 3, 5)).toEqual([1, 2, 3]);
  });
  it("refuses a range outside the parameter's bounds, reversed, or with bad steps", () => {
    expect(sweepRangeProblem("gate", spec, 0.4, 1, 5)?.en).toBe("gate cannot go below 0.5.");
    expect(sweepRangeProblem("gate", spec, 0.8, 1.3, 5)?.["zh-CN"]).toBe("gate 不能高于 1.2。");
    expect(sweepRangeProblem("gate", spec, 1, 0.8, 5)).toBeDefined();
    expect(sweepRangeProblem("gate", spec, 0.8, 1, 1)).toBeDefined();
    expect(sweepRangeProblem("gate", { type: "string", default: "x" }, 0, 1, 5)).toBeDefined();
    expect(sweepRangeProblem("gate", spec, 0.8, 1, 5)).toBeUndefined();
  });
});
