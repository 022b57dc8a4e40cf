import { describe, expect, it, vi } from "vitest";
import { createActor, fromPromise, waitFor } from "xstate";
import type { Problem } from "../../src/engine";
import { errorMessage, workspaceMachine } from "../../src/machines";
import {
  WorkspaceStorageError,
  type DatasetMeta,
  type SeedReport,
  type WorkspaceLists,
} from "../../src/platform";

const dataset = (id: string, rowCount: number): DatasetMeta => ({
  id,
  name: id,
  rowCount,
  sourceFile: `samples/${id}.json`,
  createdAt: "2025-01-01T00:00:00.000Z",
});

const lists = (...datasets: DatasetMeta[]): WorkspaceLists => ({ rules: [], manifests: [], datasets });

const problem: Problem = {
  code: "json/syntax",
  severity: "error",
  message: { en: "Unexpected end; fix the JSON syntax here." },
  file: "rules/loyalty/broken.rule.json",
  pointer: "",
  line: 3,
  column: 1,
};

const report = (problems: Problem[] = []): SeedReport => ({
  ran: true,
  added: { rules: 35, manifests: 2, datasets: 1 },
  problems,
});

interface Fakes {
  needsSeed?: () => Promise<boolean>;
  seed?: () => Promise<SeedReport>;
  load?: () => Promise<WorkspaceLists>;
}

function start(fakes: Fakes = {}) {
  const needsSeed = vi.fn(fakes.needsSeed ?? (() => Promise.resolve(true)));
  const seed = vi.fn(fakes.seed ?? (() => Promise.resolve(report())));
  const load = vi.fn(fakes.load ?? (() => Promise.resolve(lists(dataset("distributors-300", 300)))));
  const machine = workspaceMachine.provide({
    actors: {
      needsSeed: fromPromise(() => needsSeed()),
      seed: fromPromise(() => seed()),
      load: fromPromise(() => load()),
    },
  });
  const actor = createActor(machine);
  const states: string[] = [];
  actor.subscribe((s) => {
    if (states.at(-1) !== s.value) states.push(s.value);
  });
  actor.start();
  return { actor, states, needsSeed, seed, load };
}

describe("workspace machine", () => {
  it("seeds a new profile, then reads the lists and activates the first dataset", async () => {
    const { actor, states, seed } = start({ seed: () => Promise.resolve(report([problem])) });
    const ready = await waitFor(actor, (s) => s.matches("ready"));
    expect(states).toEqual(["opening", "seeding", "loading", "ready"]);
    expect(seed).toHaveBeenCalledTimes(1);
    expect(ready.context).toEqual({
      lists: lists(dataset("distributors-300", 300)),
      problems: [problem],
      activeDatasetId: "distributors-300",
      error: null,
      errorKind: null,
    });
  });

  it("skips seeding for a profile that has the samples already", async () => {
    const { actor, states, seed } = start({ needsSeed: () => Promise.resolve(false) });
    await waitFor(actor, (s) => s.matches("ready"));
    expect(states).toEqual(["opening", "loading", "ready"]);
    expect(seed).not.toHaveBeenCalled();
  });

  it("fails with the reason when a step rejects, and starts over on workspace.retry", async () => {
    let attempts = 0;
    const { actor, states } = start({
      seed: () =>
        ++attempts === 1
          ? Promise.reject(new DOMException("The quota has been exceeded.", "QuotaExceededError"))
          : Promise.resolve(report()),
    });
    const failed = await waitFor(actor, (s) => s.matches("failed"));
    expect(failed.context.error).toBe("The quota has been exceeded.");
    expect(failed.context.lists).toEqual(lists());
    actor.send({ type: "workspace.retry" });
    expect(actor.getSnapshot().context.error).toBeNull();
    const ready = await waitFor(actor, (s) => s.matches("ready"));
    expect(ready.context.activeDatasetId).toBe("distributors-300");
    expect(states).toEqual(["opening", "seeding", "failed", "opening", "seeding", "loading", "ready"]);
  });

  it("fails when opening or reading fails too", async () => {
    const opening = start({ needsSeed: () => Promise.reject(new Error("IndexedDB is not available")) });
    expect((await waitFor(opening.actor, (s) => s.matches("failed"))).context.error).toBe(
      "IndexedDB is not available",
    );
    const reading = start({ load: () => Promise.reject(new Error("read failed")) });
    expect((await waitFor(reading.actor, (s) => s.matches("failed"))).context.error).toBe("read failed");
  });

  it("names a storage failure's kind (blocked upgrade, no IndexedDB) and clears it on retry", async () => {
    let failure: Error | undefined = new WorkspaceStorageError("blocked", "held by an older tab");
    const { actor } = start({
      needsSeed: () => (failure ? Promise.reject(failure) : Promise.resolve(false)),
    });
    const failed = await waitFor(actor, (s) => s.matches("failed"));
    expect(failed.context.errorKind).toBe("blocked");
    failure = new WorkspaceStorageError("unavailable", "no IndexedDB");
    actor.send({ type: "workspace.retry" });
    expect(
      (await waitFor(actor, (s) => s.matches("failed") && s.context.errorKind === "unavailable")).context
        .error,
    ).toBe("no IndexedDB");
    failure = new Error("something else");
    actor.send({ type: "workspace.retry" });
    expect(
      (await waitFor(actor, (s) => s.matches("failed") && s.context.error === "something else")).context
        .errorKind,
    ).toBeNull();
    failure = undefined;
    actor.send({ type: "workspace.retry" });
    expect((await waitFor(actor, (s) => s.matches("ready"))).context.errorKind).toBeNull();
  });

  it("ignores workspace.retry unless it failed", async () => {
    const { actor, needsSeed } = start();
    await waitFor(actor, (s) => s.matches("ready"));
    actor.send({ type: "workspace.retry" });
    expect(actor.getSnapshot().value).toBe("ready");
    expect(needsSeed).toHaveBeenCalledTimes(1);
  });

  it("activates a dataset that exists and ignores ids it does not know", async () => {
    const { actor } = start({
      load: () => Promise.resolve(lists(dataset("distributors-300", 300), dataset("big", 100_000))),
    });
    await waitFor(actor, (s) => s.matches("ready"));
    actor.send({ type: "dataset.activate", id: "big" });
    expect(actor.getSnapshot().context.activeDatasetId).toBe("big");
    actor.send({ type: "dataset.activate", id: "missing" });
    expect(actor.getSnapshot().context.activeDatasetId).toBe("big");
  });

  it("reads the lists again on workspace.reload while staying ready, the latest reload winning", async () => {
    let calls = 0;
    const answers: ((l: WorkspaceLists) => void)[] = [];
    const { actor, states } = start({
      needsSeed: () => Promise.resolve(false),
      load: () => {
        calls++;
        if (calls === 1) return Promise.resolve(lists(dataset("a", 1)));
        return new Promise<WorkspaceLists>((resolve) => answers.push(resolve));
      },
    });
    await waitFor(actor, (s) => s.matches("ready"));
    actor.send({ type: "workspace.reload" });
    actor.send({ type: "workspace.reload" });
    expect(calls).toBe(3);
    // The first reload was stopped: its answer is ignored; the second one's lands.
    answers[0]!(lists(dataset("stale", 1)));
    answers[1]!(lists(dataset("a", 1), dataset("b", 2)));
    await waitFor(actor, (s) => s.context.lists.datasets.length === 2);
    expect(actor.getSnapshot().context.lists.datasets.map((d) => d.id)).toEqual(["a", "b"]);
    expect(actor.getSnapshot().context.activeDatasetId).toBe("a");
    expect(states).toEqual(["opening", "loading", "ready"]);
  });

  it("keeps the lists when a reload fails", async () => {
    let calls = 0;
    const { actor } = start({
      needsSeed: () => Promise.resolve(false),
      load: () =>
        ++calls === 1 ? Promise.resolve(lists(dataset("a", 1))) : Promise.reject(new Error("gone")),
    });
    await waitFor(actor, (s) => s.matches("ready"));
    actor.send({ type: "workspace.reload" });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(actor.getSnapshot().matches("ready")).toBe(true);
    expect(actor.getSnapshot().context.lists.datasets).toHaveLength(1);
  });

  it("has no active dataset when there are none", async () => {
    const { actor } = start({ load: () => Promise.resolve(lists()) });
    expect((await waitFor(actor, (s) => s.matches("ready"))).context.activeDatasetId).toBeNull();
  });

  it("fails with a clear message when an actor was not provided", async () => {
    const actor = createActor(workspaceMachine).start();
    const failed = await waitFor(actor, (s) => s.matches("failed"));
    expect(failed.context.error).toBe('workspaceMachine: provide the "needsSeed" actor with .provide().');
  });
});

describe("errorMessage", () => {
  it("reads Errors, DOMExceptions, message-bearing objects and anything else", () => {
    expect(errorMessage(new Error("boom"))).toBe("boom");
    expect(errorMessage(new DOMException("", "VersionError"))).toBe("VersionError");
    expect(errorMessage({ message: "plain object" })).toBe("plain object");
    expect(errorMessage("text")).toBe("text");
    expect(errorMessage(undefined)).toBe("undefined");
  });
});
