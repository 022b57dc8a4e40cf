import { describe, expect, it } from "vitest";
import { relativePath, resolveRelative, ruleScope } from "../../../src/platform/monaco/language";
import { manifests, rules, storedRule } from "./workspace";

describe("ruleScope", () => {
  const scope = ruleScope(storedRule("volume-rebate").file, manifests, rules);

  it("collects the parameters of every manifest that includes the rule, with title, default and source", () => {
    expect(scope.manifests).toEqual(["dealer-program@1.0.0", "dealer-program@1.1.0"]);
    const gate = scope.params.find((p) => p.name === "attainment_gate")!;
    expect(gate).toMatchObject({ type: "number", title: { en: expect.any(String) } });
    expect(gate.from).toEqual(["dealer-program@1.0.0", "dealer-program@1.1.0"]);
    expect(typeof gate.default).toBe("number");
  });

  it("lists the other rules' outputs (never the rule itself) and the population results", () => {
    const ids = scope.outputs.map((o) => o.id);
    expect(ids).toContain("cash-rebate");
    expect(ids).not.toContain("volume-rebate");
    expect(scope.population.map((p) => p.path)).toContain("pop.abc_class");
  });

  it("gives a rule that no manifest includes nothing but the record", () => {
    expect(ruleScope("rules/nowhere.rule.json", manifests, rules)).toEqual({
      params: [],
      outputs: [],
      population: [],
      manifests: [],
    });
  });
});

describe("workspace paths", () => {
  it("resolves and relativises rule paths against a manifest", () => {
    const manifest = "rules/manifests/dealer-program-1.0.0.manifest.json";
    expect(resolveRelative(manifest, "../incentive/volume-rebate.rule.json")).toBe(
      "rules/incentive/volume-rebate.rule.json",
    );
    expect(relativePath(manifest, "rules/incentive/volume-rebate.rule.json")).toBe(
      "../incentive/volume-rebate.rule.json",
    );
    expect(relativePath(manifest, "rules/manifests/x.rule.json")).toBe("./x.rule.json");
    expect(relativePath("m.manifest.json", "rules/a.rule.json")).toBe("./rules/a.rule.json");
  });
});
