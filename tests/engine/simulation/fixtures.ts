// Hand-computed fixtures of the report and comparison tests: a five-rule pack over four records.
import type { PackContent, RecordResult, RuleFile } from "../../../src/engine";

export const title = { en: "t", "zh-CN": "t" };
const rule = (
  id: string,
  kind: RuleFile["kind"],
  output: RuleFile["output"],
  logic: unknown = 0,
): RuleFile => ({
  id,
  kind,
  version: "1.0.0",
  title,
  output,
  logic,
  tests: [],
});

/** A small pack: a cash rebate, an accrued budget, a fine, a gate and a segment. */
export const CONTENT: PackContent = {
  params: { gate: { type: "number", default: 0.9 } },
  population: [],
  rules: [
    rule("rebate", "incentive", { type: "number", unit: "CNY", decimals: 2 }),
    rule("budget", "incentive", { type: "number", unit: "CNY", decimals: 2 }),
    rule("fine", "elimination", { type: "number", unit: "CNY", decimals: 2 }),
    rule("gate", "incentive", { type: "boolean" }),
    rule(
      "segment",
      "elimination",
      { type: "string", enum: ["keep", "eliminate"] },
      {
        if: [{ "<": [{ var: "score" }, { var: "params.floor" }] }, "eliminate", "keep"],
      },
    ),
  ],
};

export const X_REPORT = {
  fields: { name: "name", region: "region", tier: "tier", sales: "sales", collections: "paid" },
  dimensions: [{ id: "region", path: "region" }],
  components: [
    { output: "out.rebate", basis: "payable" },
    { output: "out.budget", basis: "accrued" },
    { output: "out.fine", basis: "payable", sign: -1 },
  ],
  gates: [
    { id: "collection", path: "rate", op: ">=", value: "params.gate", holds: ["out.rebate"] },
    { id: "gate", path: "out.gate", op: "==", value: true },
  ],
  classes: ["out.segment"],
  elimination: [{ output: "out.segment", values: ["eliminate"] }],
};

export const RECORDS = [
  { id: "D1", name: "One", region: "East", tier: "gold", sales: 1000, paid: 900, rate: 0.95, score: 80 },
  { id: "D2", name: "Two", region: "East", tier: "silver", sales: 2000, paid: 1000, rate: 0.5, score: 30 },
  { id: "D3", name: "Three", region: "West", tier: "gold", sales: 3000, paid: 3000, rate: 1, score: 90 },
  { id: "D4", name: "Four", region: "West", tier: "silver", sales: 4000, paid: 2000, rate: 0.92, score: 10 },
];

export const result = (
  id: string,
  rebate: number,
  budget: number,
  fine: number,
  gate: boolean,
  segment: string,
  errors: RecordResult["errors"] = [],
): RecordResult => ({
  id,
  out: { rebate, budget, fine, gate, segment },
  pop: {},
  errors,
});

export const RESULTS: RecordResult[] = [
  result("D1", 10.1, 0, 0, true, "keep"),
  result("D2", 20.2, 5, 0, false, "eliminate"),
  result("D3", 0.1, 0.2, 0, true, "keep", [{ code: "x", message: title, rule: "budget" }]),
  result("D4", 0, 0, 100, false, "eliminate"),
];
