/**
 * Compare with Baseline over one pack with two parameter sets: the candidate takes the Simulation
 * view's overrides for its pack, and the moved distributors get the reason from each side's trace
 * (the rule, its inputs with that side's parameters, and what would flip it), read from the stored
 * runs and the dataset as the compare editor reads them.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import { compareRuns } from "../../../../src/engine";
import { workspaceMachine } from "../../../../src/machines";
import {
  createInlineStatementService,
  createIndexedDbRepositories,
  readWorkspaceLists,
  seedWorkspace,
} from "../../../../src/platform";
import { createSimulationHost } from "../../../../src/workbench/bootstrap/simulationWiring";
import { compareOrders } from "../../../../src/workbench/parts/simulation/simulation.commands";
import { loadMoverReasons } from "../../../../src/workbench/parts/simulation/useMoverReasons";
import { diskSeedBundle } from "../../../platform/seed/seedFiles";

describe("compareOrders", () => {
  it("gives the candidate the view's overrides for its pack, the baseline the defaults, both the view's as_of", () => {
    const view = { packRef: "p@1.1.0", datasetId: "d", params: { gate: "0.8" }, asOf: "2024-06-30" };
    expect(compareOrders(view, "p@1.1.0", "p@1.1.0", "d")).toEqual([
      { packRef: "p@1.1.0", datasetId: "d", params: {}, asOf: "2024-06-30" },
      { packRef: "p@1.1.0", datasetId: "d", params: { gate: "0.8" }, asOf: "2024-06-30" },
    ]);
    // Overrides of another pack do not apply; nothing set, nothing changed.
    expect(compareOrders(view, "p@1.0.0", "q@2.0.0", "d")[1].params).toEqual({});
    expect(compareOrders(null, "p@1.0.0", "p@1.1.0", "d")).toEqual([
      { packRef: "p@1.0.0", datasetId: "d", params: {} },
      { packRef: "p@1.1.0", datasetId: "d", params: {} },
    ]);
  });
});

describe("the reasons of a comparison's moved distributors", { timeout: 90_000 }, () => {
  it("1.1.0 with the elimination score raised to 50: D-0039 moves from probation to eliminate, and says why on each side", async () => {
    const repos = createIndexedDbRepositories(`compare-reasons-${Math.random()}`);
    await seedWorkspace(repos, () => Promise.resolve(diskSeedBundle()));
    const workspace = createActor(
      workspaceMachine.provide({
        actors: {
          needsSeed: fromPromise(() => Promise.resolve(false)),
          seed: fromPromise(() => Promise.reject(new Error("no"))),
          load: fromPromise(() => readWorkspaceLists(repos)),
        },
      }),
    ).start();
    await waitFor(workspace, (s) => s.context.lists.manifests.length > 0);
    const host = createSimulationHost(repos, workspace, { databaseName: "unused", ended: () => undefined });
    const view = {
      packRef: "dealer-program@1.1.0",
      datasetId: "distributors-300",
      params: { score_eliminate: "50" },
    };
    const [baseOrder, candidateOrder] = compareOrders(view, view.packRef, view.packRef, view.datasetId);
    const base = (await host.loadRun((await host.runAndStore(baseOrder)).id))!;
    const candidate = (await host.loadRun((await host.runAndStore(candidateOrder)).id))!;
    const comparison = compareRuns(
      { table: base.outcome.table, spec: base.spec, content: base.content },
      { table: candidate.outcome.table, spec: candidate.spec, content: candidate.content },
    );
    const kpi = comparison.movements.find((m) => m.output === "out.kpi-status")!;
    expect(kpi.changed).toBe(17);
    expect(kpi.cells.filter((c) => c.from !== c.to)).toEqual([
      { from: "probation", to: "eliminate", count: 17 },
    ]);

    const reasons = await loadMoverReasons(
      repos.datasets,
      createInlineStatementService(),
      base,
      candidate,
      comparison,
    );
    const index = base.outcome.table.ids.indexOf("D-0039");
    const d39 = reasons.get("out.kpi-status")!.get(index)!;
    expect(d39.base.map((r) => [r.source, r.value])).toEqual([["kpi-status", "probation"]]);
    expect(d39.candidate.map((r) => [r.source, r.value])).toEqual([["kpi-status", "eliminate"]]);
    const floor = (side: typeof d39.base) =>
      side[0]!.inputs.find((i) => i.path === "params.score_eliminate")?.value;
    expect(floor(d39.base)).toBe(40);
    expect(floor(d39.candidate)).toBe(50);
    expect(d39.candidate[0]!.flips.map((f) => f.text.en)).toContain("needs KPI scorecard ≥ 50, has 42.6");
    expect(d39.candidate[0]!.flips.map((f) => f.text["zh-CN"])).toContain("需要 综合评分 ≥ 50，当前 42.6");
    // The elimination status moved for the same reason: the scorecard rule, on both sides.
    const eliminated = reasons.get("elimination")!.get(index)!;
    expect(eliminated.base.map((r) => r.source)).toEqual(["kpi-status"]);
    // Every listed mover has reasons on both sides.
    for (const m of comparison.movements)
      for (const x of m.moved.slice(0, 50)) {
        const r = reasons.get(m.output)?.get(x.index);
        expect(r?.base.length, `${m.output} ${String(x.id)}`).toBeGreaterThan(0);
        expect(r?.candidate.length, `${m.output} ${String(x.id)}`).toBeGreaterThan(0);
      }
  });
});
