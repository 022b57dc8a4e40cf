import { describe, expect, it } from "vitest";
import { compareRuns } from "../../../../src/engine";
import { versionImpact } from "../../../../src/workbench/parts/packs/versionImpact";
import { releasedWorkspace } from "./releasedWorkspace";

const setUp = () => releasedWorkspace("version-impact");

describe("versionImpact (Pack: Compare Versions' impact)", { timeout: 120_000 }, () => {
  it("runs a release and a draft as the simulation does and gives compareRuns' totals, winners, losers and movements", async () => {
    const { host } = await setUp();
    const progress: number[] = [];
    const impact = await versionImpact(
      host,
      [
        { kind: "release", id: "dealer-program@1.0.0" },
        { kind: "draft", id: "dealer-program@1.1.0" },
      ],
      "distributors-300",
      (side) => void progress.push(side),
    );
    // The two runs are stored like Simulation: Compare with Baseline's, so its report can open them.
    expect(impact.base.summary.meta).toMatchObject({ packRef: "release:dealer-program@1.0.0", records: 300 });
    expect(impact.candidate.summary.meta).toMatchObject({ packRef: "dealer-program@1.1.0", records: 300 });
    expect(host.runs().map((r) => r.id)).toEqual(
      expect.arrayContaining([impact.base.summary.id, impact.candidate.summary.id]),
    );
    expect(new Set(progress)).toEqual(new Set([0, 1]));

    const c = impact.comparison;
    // Exactly the simulation comparison of those two stored runs.
    const again = compareRuns(
      { table: impact.base.outcome.table, spec: impact.base.spec, content: impact.base.content },
      {
        table: impact.candidate.outcome.table,
        spec: impact.candidate.spec,
        content: impact.candidate.content,
      },
    );
    expect(c).toEqual(again);
    expect(c.count).toBe(300);
    expect(c.winners.count + c.losers.count + c.unchanged).toBe(300);
    expect(c.winners.count).toBeGreaterThan(0);
    expect(c.losers.count).toBeGreaterThan(0);
    expect(Number(c.cost.candidate) - Number(c.cost.base)).toBeCloseTo(Number(c.cost.delta), 2);
    expect(c.movements.map((m) => m.output)).toContain("elimination");
    expect(c.impacts.find((i) => i.output === "out.cash-rebate")?.changed).toBeGreaterThan(0);
  });

  it("names a side the simulation cannot run", async () => {
    const { host } = await setUp();
    await expect(
      versionImpact(
        host,
        [
          { kind: "release", id: "dealer-program@9.9.9" },
          { kind: "draft", id: "dealer-program@1.1.0" },
        ],
        "distributors-300",
      ),
    ).rejects.toThrow("dealer-program 9.9.9 is not a pack the simulation can run.");
  });
});
