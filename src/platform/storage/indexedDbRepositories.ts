import { openDB, type IDBPDatabase } from "idb";
import type { SeedMarker } from "./records";
import { createDatasetRepository, indexedDbDatasetBackend } from "./datasetRepository";
import {
  revisionOf,
  type CommitResult,
  type DocumentChange,
  type DocumentRepository,
  type DraftRepository,
  type MetaRepository,
  type RevisionConflict,
  type WorkspaceRepositories,
} from "./repositories";
import {
  DATABASE_NAME,
  DATABASE_VERSION,
  stores,
  upgradeSteps,
  type MetaKey,
  type MetaValues,
  type WorkbenchDB,
} from "./schema";
import { createIndexedDbReleaseRepository } from "./releaseRepository";
import { indexedDbRunRepository } from "./runRepository";
import { blockedError, indexedDbFactory, unavailableError } from "./openFailures";

type Db = IDBPDatabase<WorkbenchDB>;

/**
 * Opens the workspace database, running the upgrade steps from the stored version. The connection
 * closes itself when another tab needs a newer version, so that tab is never blocked.
 *
 * Fails safe with a `WorkspaceStorageError`: `unavailable` when there is no usable IndexedDB (some
 * private modes have none, or refuse every open), `blocked` at once when an older tab keeps the
 * upgrade waiting, rather than a start-up that hangs. A blocked open that goes through later (the
 * other tab closed) is closed again, so the next attempt starts from a clean state.
 */
export function openWorkspaceDatabase(name: string, onClosed: () => void): Promise<Db> {
  const factory = indexedDbFactory();
  if (!factory) return Promise.reject(unavailableError());
  const waiting = blockedOpens.get(name);
  // A new open would queue behind the blocked one and never hear "blocked" itself: wait a moment for
  // the blocked one to go through (the other tab just closed), else say it is still blocked.
  if (waiting)
    return settlesWithin(waiting, 1000).then((settled) => {
      if (!settled) throw blockedError();
      return openWorkspaceDatabase(name, onClosed);
    });
  return new Promise<Db>((resolve, reject) => {
    let blocked = false;
    let opening: Promise<Db>;
    try {
      opening = openDB<WorkbenchDB>(name, DATABASE_VERSION, {
        upgrade(db, oldVersion, _newVersion, tx) {
          for (let version = oldVersion; version < DATABASE_VERSION; version++)
            upgradeSteps[version]!(db, tx);
        },
        blocked() {
          blocked = true;
          blockedOpens.set(name, opening);
          reject(blockedError());
        },
        blocking() {
          void opening.then((db) => db.close());
          onClosed();
        },
        terminated: onClosed,
      });
    } catch (error) {
      reject(unavailableError(error));
      return;
    }
    opening.then(
      (db) => {
        if (!blocked) return resolve(db);
        // Nobody waits for this connection any more; its upgrade is done, the next open is plain.
        db.close();
        blockedOpens.delete(name);
      },
      (error: unknown) => {
        if (blocked) blockedOpens.delete(name);
        // IndexedDB rejects with DOMExceptions (Errors); other reasons pass through as they came.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(refusedOpen(error) ? unavailableError(error) : error);
      },
    );
  });
}

/** Opens that another tab blocked and that are still queued, by database name. */
const blockedOpens = new Map<string, Promise<unknown>>();

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      // The settle handlers above run first (they were attached first), so the map is cleared.
      resolve(true);
    };
    promise.then(done, done);
  });
}

/** Errors with which browsers refuse IndexedDB as a whole (private modes, disabled storage). */
function refusedOpen(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "InvalidStateError" || name === "SecurityError" || name === "UnknownError";
}

function documentRepository<Name extends typeof stores.rules | typeof stores.manifests>(
  db: () => Promise<Db>,
  store: Name,
): DocumentRepository<WorkbenchDB[Name]["value"]> {
  type Doc = WorkbenchDB[Name]["value"];
  return {
    list: async () => (await db()).getAll(store),
    get: async (id) => (await db()).get(store, id),
    put: async (doc) => {
      await (await db()).put(store, doc);
    },
    delete: async (id) => (await db()).delete(store, id),
    async addMissing(docs) {
      const tx = (await db()).transaction(store, "readwrite");
      // Only IndexedDB requests are awaited from here on, so the transaction stays active.
      const stored = new Set<string>(await tx.store.getAllKeys());
      const added: Doc[] = [];
      for (const doc of docs) {
        if (stored.has(doc.id)) continue;
        stored.add(doc.id);
        added.push(doc);
      }
      await Promise.all([...added.map((doc) => tx.store.add(doc)), tx.done]);
      return added.map((doc) => doc.id);
    },
  };
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing was committed by this call either way.
  }
}

function metaRepository(db: () => Promise<Db>): MetaRepository {
  return {
    getSeedMarker: async () => (await (await db()).get(stores.meta, "seed")) as SeedMarker | undefined,
    setSeedMarker: async (marker) => {
      await (await db()).put(stores.meta, marker, "seed");
    },
    getValue: async <K extends MetaKey>(key: K) =>
      (await (await db()).get(stores.meta, key)) as MetaValues[K] | undefined,
    setValue: async (key, value) => {
      await (await db()).put(stores.meta, value, key);
    },
  };
}

function draftRepository(db: () => Promise<Db>): DraftRepository {
  return {
    list: async () => (await db()).getAll(stores.drafts),
    get: async (uri) => (await db()).get(stores.drafts, uri),
    put: async (draft) => {
      await (await db()).put(stores.drafts, draft);
    },
    delete: async (uri) => (await db()).delete(stores.drafts, uri),
  };
}

const storeOf = { rule: stores.rules, manifest: stores.manifests } as const;

async function commit(db: () => Promise<Db>, changes: readonly DocumentChange[]): Promise<CommitResult> {
  const tx = (await db()).transaction([stores.rules, stores.manifests, stores.drafts], "readwrite");
  // Only IndexedDB requests are awaited until the transaction ends, so it stays active throughout.
  const conflicts: RevisionConflict[] = [];
  const keptDrafts = new Set<string>();
  for (const change of changes) {
    if (change.type === "deleteDraft" && change.ifText !== undefined) {
      const draft = await tx.objectStore(stores.drafts).get(change.uri);
      if (draft && draft.text !== change.ifText) keptDrafts.add(change.uri);
      continue;
    }
    if (change.type !== "put" && change.type !== "delete") continue;
    if (change.ifRevision === undefined) continue;
    const id = change.type === "put" ? change.doc.id : change.id;
    const current = await tx.objectStore(storeOf[change.kind]).get(id);
    if (revisionOf(current) !== change.ifRevision) {
      conflicts.push({ kind: change.kind, id, expected: change.ifRevision, current });
    }
  }
  if (conflicts.length > 0) {
    await tx.done;
    return { ok: false, conflicts };
  }
  const writes: Promise<unknown>[] = [];
  try {
    for (const change of changes) {
      if (change.type === "put") {
        if (change.kind === "rule") writes.push(tx.objectStore(stores.rules).put(change.doc));
        else writes.push(tx.objectStore(stores.manifests).put(change.doc));
      } else if (change.type === "delete") {
        writes.push(tx.objectStore(storeOf[change.kind]).delete(change.id));
      } else if (change.type === "putDraft") {
        writes.push(tx.objectStore(stores.drafts).put(change.draft));
      } else if (!keptDrafts.has(change.uri)) {
        writes.push(tx.objectStore(stores.drafts).delete(change.uri));
      }
    }
  } catch (error) {
    // A value that cannot be cloned throws while being queued: nothing of the commit may land.
    abortQuietly(tx);
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
  return { ok: true };
}

/**
 * Repositories over IndexedDB. Nothing is opened until the first call; a failed or closed
 * connection is opened again on the next call, so a retry after an error starts afresh.
 */
export function createIndexedDbRepositories(name: string = DATABASE_NAME): WorkspaceRepositories {
  let connection: Promise<Db> | undefined;
  const forget = () => {
    connection = undefined;
  };
  const db = (): Promise<Db> => {
    connection ??= openWorkspaceDatabase(name, forget).catch((error: unknown) => {
      forget();
      throw error;
    });
    return connection;
  };
  return {
    rules: documentRepository(db, stores.rules),
    manifests: documentRepository(db, stores.manifests),
    datasets: createDatasetRepository(indexedDbDatasetBackend(db)),
    meta: metaRepository(db),
    drafts: draftRepository(db),
    releases: createIndexedDbReleaseRepository(db),
    runs: indexedDbRunRepository(db),
    commit: (changes) => commit(db, changes),
    async close() {
      const open = connection;
      forget();
      if (open) (await open.catch(() => undefined))?.close();
    },
  };
}
