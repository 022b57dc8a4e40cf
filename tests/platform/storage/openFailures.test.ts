import "fake-indexeddb/auto";
import { openDB } from "idb";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createIndexedDbRepositories,
  DATABASE_VERSION,
  storageFailureKind,
  upgradeSteps,
  WorkspaceStorageError,
  type WorkbenchDB,
} from "../../../src/platform";

let counter = 0;
const freshName = () => `crw-open-failure-${++counter}`;

/** A connection at the version before the current one that, like a stale tab, ignores `versionchange`. */
async function staleTab(name: string) {
  const old = DATABASE_VERSION - 1;
  return openDB<WorkbenchDB>(name, old, {
    upgrade(db, from, _to, tx) {
      for (let version = from; version < old; version++) upgradeSteps[version]!(db, tx);
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("opening the workspace database fails safe", () => {
  it("says an older tab blocks the upgrade instead of hanging, and a retry after it closes opens", async () => {
    const name = freshName();
    const stale = await staleTab(name);
    const repos = createIndexedDbRepositories(name);
    const failure = await repos.meta.getSeedMarker().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkspaceStorageError);
    expect(storageFailureKind(failure)).toBe("blocked");
    // A second attempt while still blocked (the start-up reads several stores) says so too, not hang.
    const again = await repos.rules.list().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(storageFailureKind(again)).toBe("blocked");

    stale.close();
    await expect(repos.meta.getSeedMarker()).resolves.toBeUndefined();
    await repos.meta.setValue("recentCommands", ["a"]);
    await repos.close();
    const reopened = await openDB(name);
    expect(reopened.version).toBe(DATABASE_VERSION);
    reopened.close();
  });

  it("reports a missing IndexedDB (some private modes) as unavailable, for every repository", async () => {
    vi.stubGlobal("indexedDB", undefined);
    const repos = createIndexedDbRepositories(freshName());
    for (const read of [
      () => repos.meta.getSeedMarker(),
      () => repos.rules.list(),
      () => repos.datasets.list(),
    ]) {
      const failure = await read().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(storageFailureKind(failure)).toBe("unavailable");
    }
  });

  it("reports an open that throws (storage refused for the site) as unavailable, then recovers", async () => {
    const real = indexedDB;
    let refuse = true;
    vi.stubGlobal("indexedDB", {
      open: (...args: Parameters<IDBFactory["open"]>) => {
        if (refuse) throw new DOMException("Access to storage is not allowed.", "SecurityError");
        return real.open(...args);
      },
      deleteDatabase: real.deleteDatabase.bind(real),
      cmp: real.cmp.bind(real),
    });
    const repos = createIndexedDbRepositories(freshName());
    const failure = await repos.rules.list().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(storageFailureKind(failure)).toBe("unavailable");
    expect((failure as Error).cause).toBeInstanceOf(DOMException);
    refuse = false;
    await expect(repos.rules.list()).resolves.toEqual([]);
    await repos.close();
  });

  it("leaves other errors as they are (no storage kind)", () => {
    expect(storageFailureKind(new Error("disk on fire"))).toBeUndefined();
  });
});
