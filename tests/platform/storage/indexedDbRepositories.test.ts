import "fake-indexeddb/auto";
import { deleteDB, openDB } from "idb";
import { describe, expect, it } from "vitest";
import {
  createIndexedDbRepositories,
  DATABASE_VERSION,
  stores,
  upgradeSteps,
  type WorkbenchDB,
} from "../../../src/platform";
import { repositoryContract, rule } from "./repositoryContract";

let counter = 0;
/** A database name no other test uses, so tests never see each other's data. */
const freshName = () => `crw-test-${++counter}`;

repositoryContract("IndexedDB", () => createIndexedDbRepositories(freshName()));

describe("IndexedDB repositories", () => {
  it("pin the layout: store names and key paths (changing them needs a migration)", async () => {
    const name = freshName();
    const repos = createIndexedDbRepositories(name);
    await repos.meta.getSeedMarker();
    await repos.close();
    expect(DATABASE_VERSION).toBe(4);
    const db = await openDB(name);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        "audit",
        "datasetChunks",
        "datasetLayouts",
        "datasets",
        "drafts",
        "manifests",
        "meta",
        "releases",
        "rules",
        "runs",
      ].sort(),
    );
    const tx = db.transaction([...db.objectStoreNames]);
    expect(tx.objectStore(stores.rules).keyPath).toBe("id");
    expect(tx.objectStore(stores.manifests).keyPath).toBe("id");
    expect(tx.objectStore(stores.datasets).keyPath).toBe("id");
    expect(tx.objectStore(stores.datasetLayouts).keyPath).toBe("datasetId");
    expect(tx.objectStore(stores.datasetChunks).keyPath).toEqual(["datasetId", "column", "chunk"]);
    expect(tx.objectStore(stores.meta).keyPath).toBeNull();
    expect(tx.objectStore(stores.drafts).keyPath).toBe("uri");
    expect(tx.objectStore(stores.releases).keyPath).toBe("id");
    expect([...tx.objectStore(stores.releases).indexNames]).toEqual(["byName"]);
    expect(tx.objectStore(stores.runs).keyPath).toBe("id");
    expect(tx.objectStore(stores.audit).autoIncrement).toBe(true);
    db.close();
  });

  it("upgrade a version 1 database to the drafts store, keeping its documents", async () => {
    const name = freshName();
    const v1 = await openDB<WorkbenchDB>(name, 1, {
      upgrade: (database, _old, _new, tx) => upgradeSteps[0]!(database, tx),
    });
    await v1.put(stores.rules, rule("kept"));
    v1.close();
    const repos = createIndexedDbRepositories(name);
    expect((await repos.rules.list()).map((r) => r.id)).toEqual(["kept"]);
    await repos.drafts.put({
      uri: "rule:kept",
      kind: "rule",
      id: "kept",
      text: "{",
      baseRevision: 1,
      updatedAt: "t",
    });
    expect(await repos.drafts.get("rule:kept")).toMatchObject({ text: "{" });
    await repos.close();
  });

  it("upgrade a version 3 database's per-record datasets to column chunks, records unchanged", async () => {
    const name = freshName();
    const v3 = await openDB<WorkbenchDB>(name, 3, {
      upgrade(database, _old, _new, tx) {
        for (const step of upgradeSteps.slice(0, 3)) step(database, tx);
      },
    });
    const big = Array.from({ length: 20_000 }, (_, i) => ({
      id: `D-${i}`,
      n: i % 7 === 0 ? -0 : i,
      ...(i % 3 === 0 ? { note: null } : {}),
      nested: { name: i % 2 ? "经销商" : "😀", list: [i, `${i}`] },
    }));
    const odd: unknown[] = [
      { id: "x", when: new Date("2024-01-01T00:00:00Z"), big: 2n ** 70n },
      "not an object",
      [1, [2]],
    ];
    for (const [id, records] of [
      ["big", big],
      ["odd", odd],
    ] as const) {
      await v3.put(stores.datasets, {
        id,
        name: id,
        sourceFile: `${id}.json`,
        createdAt: "t",
        rowCount: records.length,
      });
      const tx = v3.transaction(stores.datasetRecords, "readwrite");
      await Promise.all([
        ...records.map((record, index) => tx.store.put({ datasetId: id, index, record })),
        tx.done,
      ]);
    }
    await v3.put(stores.rules, rule("kept"));
    v3.close();

    const repos = createIndexedDbRepositories(name);
    expect((await repos.datasets.list()).map((d) => [d.id, d.rowCount])).toEqual([
      ["big", 20_000],
      ["odd", 3],
    ]);
    expect(await repos.datasets.records("big")).toEqual(big);
    expect(
      Object.is((await repos.datasets.records("big", { start: 0, count: 1 }))[0]!["n" as never], -0),
    ).toBe(true);
    expect(await repos.datasets.records("odd")).toEqual(odd);
    expect((await repos.datasets.describe("big"))?.columns.map((c) => c.dotted)).toEqual([
      "id",
      "n",
      "note",
      "nested.name",
      "nested.list.0",
      "nested.list.1",
    ]);
    expect((await repos.rules.list()).map((r) => r.id)).toEqual(["kept"]);
    await repos.close();
    const db = await openDB(name);
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames]).not.toContain(stores.datasetRecords);
    db.close();
  }, 60_000);

  it("keep what was written after the connection is closed and opened again", async () => {
    const name = freshName();
    const first = createIndexedDbRepositories(name);
    await first.rules.put(rule("kept"));
    await first.datasets.create(
      { id: "ds", name: "ds", sourceFile: "samples/ds.json", createdAt: "2024-01-01T00:00:00.000Z" },
      [{ id: 1 }, { id: 2 }],
    );
    await first.close();
    const second = createIndexedDbRepositories(name);
    expect((await second.rules.list()).map((r) => r.id)).toEqual(["kept"]);
    expect(await second.datasets.records("ds")).toEqual([{ id: 1 }, { id: 2 }]);
    await second.close();
    // Closed repositories open the database again on the next call.
    expect(await second.rules.get("kept")).toBeDefined();
    await second.close();
  });

  it("open nothing until first used", async () => {
    const name = freshName();
    const repos = createIndexedDbRepositories(name);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    await repos.rules.list();
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(name);
    await repos.close();
  });

  it("report a failed open and try again on the next call", async () => {
    const name = freshName();
    // A database from a newer build of the app cannot be opened at version 1.
    (await openDB(name, DATABASE_VERSION + 1)).close();
    const repos = createIndexedDbRepositories(name);
    await expect(repos.rules.list()).rejects.toMatchObject({ name: "VersionError" });
    await deleteDB(name);
    expect(await repos.rules.list()).toEqual([]);
    await repos.close();
  });

  it("close their connection when another tab opens a newer version, so it is not blocked", async () => {
    const name = freshName();
    const repos = createIndexedDbRepositories(name);
    await repos.rules.put(rule("a"));
    let blocked = false;
    const newer = await openDB(name, DATABASE_VERSION + 1, {
      blocked: () => {
        blocked = true;
      },
    });
    expect(blocked).toBe(false);
    expect(newer.version).toBe(DATABASE_VERSION + 1);
    newer.close();
    await repos.close();
  });

  it("run every step safely over stores that exist already", async () => {
    const name = freshName();
    const db = await openDB<WorkbenchDB>(name, 1, {
      upgrade(database, _old, _new, tx) {
        database.createObjectStore(stores.rules, { keyPath: "id" });
        for (const step of [...upgradeSteps, ...upgradeSteps]) step(database, tx);
      },
    });
    // Every store but the per-record one, which version 4 converts and deletes.
    expect([...db.objectStoreNames].sort()).toEqual(
      Object.values(stores)
        .filter((s) => s !== stores.datasetRecords)
        .sort(),
    );
    db.close();
  });
});
