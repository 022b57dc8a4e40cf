import { describe, expect, it } from "vitest";
import { lintRule } from "../../../src/engine/pack/lint";
import { rule } from "./fixtures";

const perVehicle = rule("per-vehicle", {
  "*": [{ "/": [{ var: "sales" }, { var: "params.vehicles_norm" }] }, { var: "out.rebate" }],
});
const codes = (params?: Parameters<typeof lintRule>[3]) =>
  lintRule(perVehicle, undefined, "", params).map((p) => [p.code, p.pointer]);

describe("lintRule", () => {
  it("warns about a division by a parameter when the rule is linted on its own", () => {
    expect(codes()).toStrictEqual([["lint/unguarded-division", "/logic/*/0/~1/1"]]);
  });

  it("uses the pack's parameter bounds: min > 0 guards the division, no bound does not", () => {
    expect(codes({ params: { vehicles_norm: { type: "number", default: 8, min: 1 } } })).toStrictEqual([]);
    expect(codes({ params: { vehicles_norm: { type: "number", default: 8 } } })).toStrictEqual([
      ["lint/unguarded-division", "/logic/*/0/~1/1"],
    ]);
  });
});

describe("pop. reads in pack context", () => {
  const total = rule("rebate-total", { var: "sales" });
  const label = { ...rule("segment", "keep"), output: { type: "string" as const } };
  const scaled = (...extra: unknown[]) =>
    rule("payable", { "*": [{ var: "pop.factor" }, { var: "out.rebate-total" }, ...extra] });
  const budget = (measure: string, op: "budget_factor" | "cumulative_share" = "budget_factor") =>
    ({ id: "budget", op, measure, budget: 1000, out: "pop.factor" }) as const;
  const warnings = (r: ReturnType<typeof rule>, measure: string, op?: "cumulative_share") =>
    lintRule(r, undefined, "", {
      population: [budget(measure, op) as never],
      rules: [total, label, r],
    }).map((p) => p.code);

  it("proves a budget factor non-null when the rule also reads its number-typed measure", () => {
    expect(warnings(scaled(), "out.rebate-total")).toStrictEqual([]);
  });

  it("still warns when the rule does not read the measure, or the measure may be absent or not a number", () => {
    const unrelated = rule("payable", { "*": [{ var: "pop.factor" }, 2] });
    expect(warnings(unrelated, "out.rebate-total")).toStrictEqual(["lint/nullable-arithmetic"]);
    expect(warnings(scaled(), "sales.net_ytd")).toStrictEqual(["lint/nullable-arithmetic"]);
    expect(warnings(scaled({ var: "out.segment" }), "out.segment")).toStrictEqual([
      "lint/nullable-arithmetic",
    ]);
    // A cumulative share is null for every record when the partition total is not positive.
    expect(warnings(scaled(), "out.rebate-total", "cumulative_share")).toStrictEqual([
      "lint/nullable-arithmetic",
    ]);
  });
});
