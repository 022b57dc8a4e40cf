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
