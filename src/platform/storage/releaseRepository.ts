import type { IDBPDatabase } from "idb";
import type { AuditEntry, StoredRelease } from "./records";
import { stores, type WorkbenchDB } from "./schema";
import { compareSemver } from "../releases/semver";

/** Why a release could not be stored. */
export type PutReleaseResult = { ok: true } | { ok: false; existing: StoredRelease };

/**
 * Released pack versions. Immutable: a stored `name@version` is never replaced (a new version is a
 * new record), and deleting one is written to the audit log in the same transaction.
 */
export interface ReleaseRepository {
  /** Every release, by name, newest version first within a name. */
  list(): Promise<StoredRelease[]>;
  /** The releases of one pack name, newest version first. */
  listByName(name: string): Promise<StoredRelease[]>;
  get(name: string, version: string): Promise<StoredRelease | undefined>;
  /**
   * Stores a new release. Refuses, storing nothing, when `name@version` exists already (whatever its
   * content): the caller decides whether that is the same content (nothing to do) or a conflict.
   */
  put(release: StoredRelease): Promise<PutReleaseResult>;
  /**
   * Removes a release and appends an `release.delete` audit entry (with the removed release's
   * integrity and notes) in one transaction. False when there was no such release (nothing recorded).
   */
  delete(name: string, version: string, at: string): Promise<boolean>;
  /** The audit log, oldest first. */
  audit(): Promise<AuditEntry[]>;
}

/** The key of a release: `name@version`. */
export const releaseId = (name: string, version: string): string => `${name}@${version}`;

/** Name ascending (UTF-16 order, as IndexedDB), then version newest first (semver precedence). */
export function byNameThenNewest(a: StoredRelease, b: StoredRelease): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return compareSemver(b.version, a.version);
}

function deletionEntry(release: StoredRelease, at: string): AuditEntry {
  return {
    at,
    action: "release.delete",
    subject: release.id,
    detail: { integrity: release.integrity, notes: release.notes, releasedAt: release.releasedAt },
  };
}

/** The release store over an IndexedDB connection (see `createIndexedDbRepositories`). */
export function createIndexedDbReleaseRepository(
  db: () => Promise<IDBPDatabase<WorkbenchDB>>,
): ReleaseRepository {
  return {
    list: async () => (await (await db()).getAll(stores.releases)).sort(byNameThenNewest),
    listByName: async (name) =>
      (await (await db()).getAllFromIndex(stores.releases, "byName", name)).sort(byNameThenNewest),
    get: async (name, version) => (await db()).get(stores.releases, releaseId(name, version)),
    async put(release) {
      const tx = (await db()).transaction(stores.releases, "readwrite");
      const existing = await tx.store.get(release.id);
      if (existing !== undefined) {
        await tx.done;
        return { ok: false, existing };
      }
      // `add`, not `put`: even a race between two tabs can never replace a stored version.
      await Promise.all([tx.store.add(release), tx.done]);
      return { ok: true };
    },
    async delete(name, version, at) {
      const tx = (await db()).transaction([stores.releases, stores.audit], "readwrite");
      const releases = tx.objectStore(stores.releases);
      const existing = await releases.get(releaseId(name, version));
      if (existing === undefined) {
        await tx.done;
        return false;
      }
      await Promise.all([
        releases.delete(existing.id),
        tx.objectStore(stores.audit).add(deletionEntry(existing, at)),
        tx.done,
      ]);
      return true;
    },
    audit: async () => (await db()).getAll(stores.audit),
  };
}

/** The release store in memory, with the same contract (tests, fallbacks). */
export function createMemoryReleaseRepository(): ReleaseRepository {
  const releases = new Map<string, StoredRelease>();
  const audit: AuditEntry[] = [];
  const copy = <T>(value: T): T => structuredClone(value);
  const run = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));
  return {
    list: () => run(() => [...releases.values()].map(copy).sort(byNameThenNewest)),
    listByName: (name) =>
      run(() =>
        [...releases.values()]
          .filter((r) => r.name === name)
          .map(copy)
          .sort(byNameThenNewest),
      ),
    get: (name, version) =>
      run(() => {
        const found = releases.get(releaseId(name, version));
        return found === undefined ? undefined : copy(found);
      }),
    put: (release) =>
      run((): PutReleaseResult => {
        const existing = releases.get(release.id);
        if (existing !== undefined) return { ok: false, existing: copy(existing) };
        releases.set(release.id, copy(release));
        return { ok: true };
      }),
    delete: (name, version, at) =>
      run(() => {
        const existing = releases.get(releaseId(name, version));
        if (existing === undefined) return false;
        const entry = { ...deletionEntry(existing, at), id: audit.length + 1 };
        releases.delete(existing.id);
        audit.push(entry);
        return true;
      }),
    audit: () => run(() => audit.map(copy)),
  };
}
