import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crw, MANIFESTS } from "./crw";

interface BuiltPack {
  name: string;
  version: string;
  rules: { id: string }[];
  population: { op: string }[];
  params: Record<string, { default: unknown }>;
}

describe("dealer program manifests", () => {
  const dir = mkdtempSync(join(tmpdir(), "crw-packs-"));
  const built = new Map<string, BuiltPack>();

  it.each(MANIFESTS)("%s builds (crw pack build)", (manifest) => {
    const out = join(dir, `${manifest.split("/").pop() ?? "pack"}.pack.json`);
    const run = crw("pack", "build", manifest, "-o", out);
    expect(run.status, run.stderr).toBe(0);
    const pack = JSON.parse(readFileSync(out, "utf8")) as BuiltPack;
    built.set(manifest, pack);
    expect(pack.rules).toHaveLength(35);
    expect(new Set(pack.population.map((p) => p.op))).toEqual(
      new Set(["cumulative_share_class", "group_stat", "percentile", "budget_factor"]),
    );
  });

  it("1.1.0 changes the bands, the attainment gate, the A-class policy and the budget of 1.0.0", () => {
    const [current, proposed] = MANIFESTS.map((m) => built.get(m));
    expect(current?.version).toBe("1.0.0");
    expect(proposed?.version).toBe("1.1.0");
    const changed = Object.keys(current?.params ?? {}).filter(
      (name) => current?.params[name]?.default !== proposed?.params[name]?.default,
    );
    expect(changed.sort()).toEqual([
      "a_class_cash_share",
      "attainment_gate",
      "rebate_budget",
      "tier_1_floor",
      "tier_1_rate",
      "tier_2_floor",
      "tier_2_rate",
      "tier_3_floor",
      "tier_3_rate",
    ]);
  });
});
