import { describe, expect, it } from "vitest";
import { prepareSeed, type WorkspaceLists } from "../../../src/platform";
import { validateDocument } from "../../../src/workbench/bootstrap/documentEffects";
import { diskSeedBundle } from "../../platform/seed/seedFiles";

const seed = prepareSeed(diskSeedBundle(), "2026-01-01T00:00:00.000Z");
const lists: WorkspaceLists = {
  rules: seed.rules,
  manifests: seed.manifests,
  datasets: seed.datasets.map((d) => ({ ...d.meta, rowCount: d.records.length })),
};
const workspace = { lists, activeDatasetId: lists.datasets[0]!.id };
const volumeRebate = seed.rules.find((r) => r.id === "volume-rebate")!;
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe("validateDocument", () => {
  it("lints a rule against the active dataset's schema", async () => {
    const text = volumeRebate.text.replace('"sales.attainment_ytd"', '"sales.attainment_ydt"');
    expect(codes(await validateDocument("rule", "volume-rebate", text, workspace))).toEqual([
      "lint/unknown-field",
    ]);
    // Without a dataset nothing says the field is unknown.
    expect(await validateDocument("rule", "volume-rebate", text)).toEqual([]);
  });

  it("checks parameters against the manifests that include the rule, and only then", async () => {
    const text = volumeRebate.text.replace('"params.tier_0_rate"', '"params.tier_zero_rate"');
    const [problem] = await validateDocument("rule", "volume-rebate", text, workspace);
    expect(problem).toMatchObject({
      code: "logic/unknown-param",
      file: "volume-rebate",
      line: expect.any(Number),
    });
    const alone = { ...workspace, lists: { ...lists, manifests: [] } };
    expect(await validateDocument("rule", "volume-rebate", text, alone)).toEqual([]);
  });

  it("reports a manifest's pack-level problems on its own lines, under its id", async () => {
    const manifest = seed.manifests.find((m) => m.id === "dealer-program@1.0.0")!;
    expect(await validateDocument("manifest", manifest.id, manifest.text, workspace)).toEqual([]);
    const text = manifest.text.replace('"out": "pop.region_q_yoy_latest"', '"out": "pop.abc_class"');
    const problems = await validateDocument("manifest", manifest.id, text, workspace);
    const duplicate = problems.find((p) => p.code === "pack/duplicate-producer")!;
    expect(duplicate).toMatchObject({ file: manifest.id, pointer: "/population/1/out" });
    expect(text.split("\n")[duplicate.line! - 1]).toContain('"out": "pop.abc_class"');
    // The rules that read the vanished result are marked on their entries in "rules".
    const moved = problems.filter((p) => p.code === "pack/unknown-read");
    expect(moved.length).toBeGreaterThan(0);
    for (const p of moved) expect(p.pointer).toMatch(/^\/rules\/\d+$/);
  });

  it("names an unreadable rule path and a syntax error", async () => {
    const manifest = seed.manifests[0]!;
    const text = manifest.text.replace(
      '"../incentive/volume-rebate.rule.json"',
      '"../incentive/nowhere.rule.json"',
    );
    expect(codes(await validateDocument("manifest", manifest.id, text, workspace))).toContain(
      "manifest/rule-unreadable",
    );
    expect(codes(await validateDocument("manifest", manifest.id, "{ nope", workspace))).toEqual([
      "json/syntax",
    ]);
  });
});
