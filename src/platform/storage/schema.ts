import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from "idb";
import { encodeDataset } from "./datasetLayout";
import type {
  DatasetLayout,
  StoredColumnChunk,
  DatasetMeta,
  SeedMarker,
  StoredDatasetRecord,
  StoredDraft,
  StoredManifest,
  StoredRule,
  StoredRelease,
  StoredRun,
  AuditEntry,
} from "./records";

/** The IndexedDB database of one browser profile's workspace. */
export const DATABASE_NAME = "channel-rules-workbench";

/**
 * Object store names. Do not change without a migration: they are the names already on users'
 * disks, and renaming one here would silently start from an empty store.
 */
export const stores = {
  rules: "rules",
  manifests: "manifests",
  datasets: "datasets",
  /** Until version 4: one row per record. The upgrade to version 4 converts and deletes it. */
  datasetRecords: "datasetRecords",
  datasetLayouts: "datasetLayouts",
  datasetChunks: "datasetChunks",
  meta: "meta",
  drafts: "drafts",
  releases: "releases",
  runs: "runs",
  audit: "audit",
} as const;

/** Keys of the `meta` store and the value each holds. */
export interface MetaValues {
  seed: SeedMarker;
  /** The user's settings (theme, language, autosave delay, …), as the preferences machine holds them. */
  settings: Record<string, unknown>;
  /** Open editors, their order, the active one and their view states, restored after a reload. */
  editors: unknown;
  /** Command ids, most recently run first, for the palette's "recently used". */
  recentCommands: string[];
}
export type MetaKey = keyof MetaValues;

/** The typed shape of the database (idb checks every store access against it). */
export interface WorkbenchDB extends DBSchema {
  [stores.rules]: { key: string; value: StoredRule };
  [stores.manifests]: { key: string; value: StoredManifest };
  [stores.datasets]: { key: string; value: DatasetMeta };
  [stores.datasetRecords]: { key: [string, number]; value: StoredDatasetRecord };
  [stores.datasetLayouts]: { key: string; value: DatasetLayout };
  [stores.datasetChunks]: { key: [string, number, number]; value: StoredColumnChunk };
  [stores.meta]: { key: MetaKey; value: MetaValues[MetaKey] };
  [stores.drafts]: { key: string; value: StoredDraft };
  [stores.releases]: { key: string; value: StoredRelease; indexes: { byName: string } };
  [stores.runs]: { key: string; value: StoredRun; indexes: { byCreatedAt: string } };
  [stores.audit]: { key: number; value: AuditEntry };
}

type UpgradeTransaction = IDBPTransaction<WorkbenchDB, StoreNames<WorkbenchDB>[], "versionchange">;

/** One schema step per database version: step `i` takes the database from version `i` to `i + 1`. */
export type UpgradeStep = (db: IDBPDatabase<WorkbenchDB>, tx: UpgradeTransaction) => void;

/**
 * The upgrade steps, in order. Each is idempotent (it only creates what is missing), so a step
 * interrupted by a crash, or run against a store someone created by hand, can run again safely.
 */
export const upgradeSteps: readonly UpgradeStep[] = [
  // Version 1: rules, manifests, dataset metadata and records, and the seed marker.
  (db) => {
    const names = db.objectStoreNames;
    if (!names.contains(stores.rules)) db.createObjectStore(stores.rules, { keyPath: "id" });
    if (!names.contains(stores.manifests)) db.createObjectStore(stores.manifests, { keyPath: "id" });
    if (!names.contains(stores.datasets)) db.createObjectStore(stores.datasets, { keyPath: "id" });
    if (!names.contains(stores.datasetRecords)) {
      db.createObjectStore(stores.datasetRecords, { keyPath: ["datasetId", "index"] });
    }
    if (!names.contains(stores.meta)) db.createObjectStore(stores.meta);
  },
  // Drafts: the unsaved text of every dirty document, keyed by its uri (`rule:<id>`).
  (db) => {
    if (!db.objectStoreNames.contains(stores.drafts)) db.createObjectStore(stores.drafts, { keyPath: "uri" });
  },
  // Version 3: released packs (immutable, `name@version`), simulation runs, and the audit log of
  // destructive actions (a deleted release, a reset workspace).
  (db, tx) => {
    const names = db.objectStoreNames;
    if (!names.contains(stores.releases)) db.createObjectStore(stores.releases, { keyPath: "id" });
    const releases = tx.objectStore(stores.releases);
    if (!releases.indexNames.contains("byName")) releases.createIndex("byName", "name");
    if (!names.contains(stores.runs)) db.createObjectStore(stores.runs, { keyPath: "id" });
    const runs = tx.objectStore(stores.runs);
    if (!runs.indexNames.contains("byCreatedAt")) runs.createIndex("byCreatedAt", "createdAt");
    if (!names.contains(stores.audit))
      db.createObjectStore(stores.audit, { keyPath: "id", autoIncrement: true });
  },
  // Version 4: datasets stored as column chunks (`columnar.ts`); every per-record dataset of
  // `datasetRecords` is converted, then that store is deleted, all in the upgrade's transaction.
  (db, tx) => {
    const names = db.objectStoreNames;
    if (!names.contains(stores.datasetLayouts)) {
      db.createObjectStore(stores.datasetLayouts, { keyPath: "datasetId" });
    }
    if (!names.contains(stores.datasetChunks)) {
      db.createObjectStore(stores.datasetChunks, { keyPath: ["datasetId", "column", "chunk"] });
    }
    if (names.contains(stores.datasetRecords) && !converting.has(tx)) {
      converting.add(tx);
      convertRecordsToColumns(db, tx).catch(() => {
        // The upgrade fails as a whole (openDB rejects); the version 3 data stays as it was.
        try {
          tx.abort();
        } catch {
          // Already aborted.
        }
      });
    }
  },
];

/** Upgrades whose version 4 conversion has started (a step may run twice in one upgrade). */
const converting = new WeakSet<object>();

/** The version 4 conversion; only IndexedDB requests are awaited, so the upgrade stays active. */
async function convertRecordsToColumns(db: IDBPDatabase<WorkbenchDB>, tx: UpgradeTransaction): Promise<void> {
  const at = new Date().toISOString();
  const metas = await tx.objectStore(stores.datasets).getAll();
  const old = tx.objectStore(stores.datasetRecords);
  for (const meta of metas) {
    const rows = await old.getAll(IDBKeyRange.bound([meta.id, 0], [meta.id, Infinity]));
    const { layout, chunks } = encodeDataset(
      meta.id,
      rows.map((row) => row.record),
      at,
    );
    const writes: Promise<unknown>[] = [tx.objectStore(stores.datasetLayouts).put(layout)];
    for (const chunk of chunks) writes.push(tx.objectStore(stores.datasetChunks).put(chunk));
    writes.push(tx.objectStore(stores.datasets).put({ ...meta, rowCount: rows.length }));
    await Promise.all(writes);
  }
  db.deleteObjectStore(stores.datasetRecords);
}

/** The version the code expects; opening runs the steps from the stored version up to this one. */
export const DATABASE_VERSION = upgradeSteps.length;
