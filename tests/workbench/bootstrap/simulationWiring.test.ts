import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import { workspaceMachine } from "../../../src/machines";
import {
  createIndexedDbRepositories,
  readWorkspaceLists,
  resultsJsonl,
  seedWorkspace,
} from "../../../src/platform";
import { createSimulationHost } from "../../../src/workbench/bootstrap/simulationWiring";
import { diskSeedBundle } from "../../platform/seed/seedFiles";

async function setUp() {
  const repos = createIndexedDbRepositories(`sim-wiring-${Math.random()}`);
  await seedWorkspace(repos, () => Promise.resolve(diskSeedBundle()));
  const { workspace } = await setUpWorkspace(repos);
  const ended: string[] = [];
  // Node has no Worker: the host runs the inline service over the same IndexedDB.
  const host = createSimulationHost(repos, workspace, {
    databaseName: "unused",
    ended: (state) => void ended.push(state),
  });
  return { repos, host, ended };
}

describe("createSimulationHost", { timeout: 60_000 }, () => {
  it("runs an order through the machine, stores the run and reopens it without recomputing", async () => {
    const { repos, host, ended } = await setUp();
    host.actor.send({
      type: "run",
      order: {
        packRef: "dealer-program@1.1.0",
        datasetId: "distributors-300",
        params: { attainment_gate: "0.9" },
      },
    });
    await waitFor(host.actor, (s) => s.matches("done") || s.matches("failed"), { timeout: 50_000 });
    expect(host.actor.getSnapshot().context.error).toBeNull();
    expect(ended).toEqual(["done"]);
    const [summary] = host.runs();
    expect(summary?.meta).toMatchObject({
      packRef: "dealer-program@1.1.0",
      records: 300,
      asOf: "2024-12-31",
      changedParams: [{ name: "attainment_gate", default: 0.95, value: 0.9 }],
    });
    expect(summary?.id).toMatch(/^dealer-program@1\.1\.0\|distributors-300\|/);
    // Stored: a fresh host over the same database lists and loads it.
    const other = createSimulationHost(repos, (await setUpWorkspace(repos)).workspace, {
      databaseName: "unused",
      ended: () => undefined,
    });
    await other.refreshRuns();
    expect(other.runs().map((r) => r.id)).toEqual([summary!.id]);
    const loaded = await other.loadRun(summary!.id);
    expect(resultsJsonl(loaded!.outcome.table)).toHaveLength(300);
    expect(loaded!.outcome.report.headline.components[0]?.output).toBe("out.cash-rebate");
    expect(await other.staleness(summary!)).toEqual({ pack: "same", dataset: "same" });
  });

  it("says when the pack changed or the dataset is gone, and deletes runs", async () => {
    const { repos, host } = await setUp();
    const summary = await host.runAndStore({
      packRef: "dealer-program@1.0.0",
      datasetId: "distributors-300",
      params: {},
    });
    const manifest = (await repos.manifests.get("dealer-program@1.0.0"))!;
    // A changed parameter default changes the pack's content and so its integrity.
    const changed = { ...manifest, text: manifest.text.replace('"default": 0.9,', '"default": 0.91,') };
    await repos.manifests.put(changed);
    const { workspace } = await setUpWorkspace(repos);
    const fresh = createSimulationHost(repos, workspace, { databaseName: "unused", ended: () => undefined });
    expect((await fresh.staleness(summary)).pack).toBe("changed");
    await repos.datasets.delete("distributors-300");
    expect((await fresh.staleness(summary)).dataset).toBe("gone");
    await fresh.refreshRuns();
    await fresh.deleteRun(summary.id);
    expect(fresh.runs()).toEqual([]);
    expect(await repos.runs.results(summary.id)).toBeUndefined();
  });

  it("fails a run of an unknown pack with a message in both languages", async () => {
    const { host, ended } = await setUp();
    host.actor.send({
      type: "run",
      order: { packRef: "nope@1.0.0", datasetId: "distributors-300", params: {} },
    });
    await waitFor(host.actor, (s) => s.matches("failed"));
    expect(host.actor.getSnapshot().context.error).toEqual({
      en: "No manifest nope@1.0.0.",
      "zh-CN": "没有清单 nope@1.0.0。",
    });
    expect(ended).toEqual(["failed"]);
  });
});

async function setUpWorkspace(repos: ReturnType<typeof createIndexedDbRepositories>) {
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
  return { workspace };
}
