import { describe, expect, it } from "vitest";
import { createMemoryRepositories, seedWorkspace } from "../../../src/platform";
import { applyReset, planReset, resetIsNoop } from "../../../src/platform/seed/resetWorkspace";
import { diskSeedBundle } from "./seedFiles";

const now = () => new Date("2026-12-04T10:00:00.000Z");
const load = () => Promise.resolve(diskSeedBundle());

describe("Workspace: Reset to Samples", () => {
  it("names what is lost, puts the shipped documents and sample back, keeps the user's datasets, releases and runs", async () => {
    const repos = createMemoryRepositories();
    await seedWorkspace(repos, load, { now });
    const shipped = await repos.rules.list();
    const shippedManifests = await repos.manifests.list();
    const sample = await repos.datasets.records("distributors-300");
    expect(resetIsNoop(await planReset(repos, load, now))).toBe(true);

    // The user edits one rule, deletes another, adds one, leaves a draft, renames the sample and
    // adds a dataset, a release and a run of their own.
    const [edited, deleted] = shipped;
    const mine = { ...edited!, id: "my-rule", file: "rules/my-rule.rule.json" };
    await repos.commit([
      { type: "put", kind: "rule", doc: { ...edited!, text: `${edited!.text}\n\n`, revision: 3 } },
      { type: "delete", kind: "rule", id: deleted!.id },
      { type: "put", kind: "rule", doc: mine },
      {
        type: "putDraft",
        draft: {
          uri: `rule:${edited!.id}`,
          kind: "rule",
          id: edited!.id,
          text: "{",
          baseRevision: 3,
          updatedAt: "x",
        },
      },
    ]);
    await repos.datasets.rename("distributors-300", "renamed sample");
    await repos.datasets.delete("distributors-300");
    await repos.datasets.create({ id: "mine", name: "mine", sourceFile: "m.csv", createdAt: "x" }, [
      { id: "a" },
    ]);
    await repos.releases.put({
      id: "p@1.0.0",
      name: "p",
      version: "1.0.0",
      pack: {},
      integrity: "i",
      notes: "",
      releasedAt: "x",
    });
    await repos.runs.put({ id: "run-1", createdAt: "x" }, { r: 1 });

    const plan = await planReset(repos, load, now);
    expect(plan.added).toEqual({ rules: ["my-rule"], manifests: [] });
    expect(plan.changed).toEqual({ rules: [edited!.id], manifests: [] });
    expect(plan.restored).toEqual({ rules: [deleted!.id], manifests: [] });
    expect(plan.drafts).toEqual([`rule:${edited!.id}`]);
    expect(plan.samples).toEqual(["distributors-300"]);
    expect(plan.kept).toEqual({ datasets: 1, releases: 1, runs: 1 });
    expect(resetIsNoop(plan)).toBe(false);
    expect(plan.noop).toBe(false);

    await applyReset(repos, plan);
    const strip = <T extends { revision?: number; createdAt: string; updatedAt: string }>(d: T) => {
      const { revision: _r, createdAt: _c, updatedAt: _u, ...rest } = d;
      return rest;
    };
    expect((await repos.rules.list()).map(strip)).toEqual(shipped.map(strip));
    expect((await repos.manifests.list()).map(strip)).toEqual(shippedManifests.map(strip));
    // The edited rule moved past the revision the user's editor had, so an old editor cannot save over it.
    expect((await repos.rules.get(edited!.id))!.revision).toBe(4);
    expect(await repos.drafts.list()).toEqual([]);
    expect(await repos.datasets.records("distributors-300")).toEqual(sample);
    expect((await repos.datasets.list()).map((d) => d.id)).toEqual(["distributors-300", "mine"]);
    expect(await repos.datasets.records("mine")).toEqual([{ id: "a" }]);
    expect((await repos.releases.list()).map((r) => r.id)).toEqual(["p@1.0.0"]);
    expect((await repos.runs.list()).map((r) => r.id)).toEqual(["run-1"]);
    expect(resetIsNoop(await planReset(repos, load, now))).toBe(true);
  });
});
