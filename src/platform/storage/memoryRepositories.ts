import type { MetaKey, MetaValues } from "./schema";
import type { DatasetMeta, SeedMarker, StoredDraft, StoredManifest, StoredRule } from "./records";
import {
  revisionOf,
  type CommitResult,
  type DatasetRepository,
  type DocumentChange,
  type DocumentRepository,
  type DraftRepository,
  type MetaRepository,
  type RevisionConflict,
  type WorkspaceRepositories,
} from "./repositories";
import { createMemoryReleaseRepository } from "./releaseRepository";
import { memoryRunRepository } from "./runRepository";

/** Orders ids as IndexedDB orders string keys: by UTF-16 code units, not by locale. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Copies a value the way IndexedDB stores it (structured clone), so callers can never change what is
 * stored through an object they passed in or got back, and values IndexedDB refuses are refused here.
 */
const copy = <T>(value: T): T => structuredClone(value);

/** Runs `work` as an asynchronous operation: a throw becomes a rejection, as with IndexedDB. */
const run = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));

function documentRepository<T extends { id: string }>(docs: Map<string, T>): DocumentRepository<T> {
  return {
    list: () => run(() => [...docs.values()].sort(byId).map(copy)),
    get: (id) => run(() => (docs.has(id) ? copy(docs.get(id)) : undefined)),
    put: (doc) => run(() => void docs.set(doc.id, copy(doc))),
    delete: (id) => run(() => void docs.delete(id)),
    addMissing: (input) =>
      run(() => {
        // Clone everything first so a value that cannot be stored leaves the repository unchanged.
        const added = new Map<string, T>();
        for (const doc of input) if (!docs.has(doc.id) && !added.has(doc.id)) added.set(doc.id, copy(doc));
        for (const [id, doc] of added) docs.set(id, doc);
        return [...added.keys()];
      }),
  };
}

function datasetRepository(): DatasetRepository {
  const metas = new Map<string, DatasetMeta>();
  const rows = new Map<string, unknown[]>();
  return {
    list: () => run(() => [...metas.values()].sort(byId).map(copy)),
    get: (id) => run(() => (metas.has(id) ? copy(metas.get(id)) : undefined)),
    create: (meta, records) =>
      run(() => {
        if (metas.has(meta.id)) return false;
        // Both copies are made before either map changes: all of the dataset lands, or none of it.
        const full: DatasetMeta = copy({ ...meta, rowCount: records.length });
        const stored = records.map(copy);
        metas.set(meta.id, full);
        rows.set(meta.id, stored);
        return true;
      }),
    records: (id, range) =>
      run(() => {
        const all = rows.get(id) ?? [];
        if (!range) return all.map(copy);
        if (range.count <= 0 || range.start < 0) return [];
        return all.slice(range.start, range.start + range.count).map(copy);
      }),
    delete: (id) =>
      run(() => {
        metas.delete(id);
        rows.delete(id);
      }),
  };
}

function metaRepository(): MetaRepository {
  let seed: SeedMarker | undefined;
  const values = new Map<string, unknown>();
  return {
    getValue: <K extends MetaKey>(key: K) =>
      run(() => (values.has(key) ? (copy(values.get(key)) as MetaValues[K]) : undefined)),
    setValue: (key, value) =>
      run(() => {
        values.set(key, copy(value));
      }),
    getSeedMarker: () => run(() => (seed === undefined ? undefined : copy(seed))),
    setSeedMarker: (marker) =>
      run(() => {
        seed = copy(marker);
      }),
  };
}

function draftRepository(drafts: Map<string, StoredDraft>): DraftRepository {
  const byUri = (a: StoredDraft, b: StoredDraft) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
  return {
    list: () => run(() => [...drafts.values()].sort(byUri).map(copy)),
    get: (uri) => run(() => (drafts.has(uri) ? copy(drafts.get(uri)) : undefined)),
    put: (draft) => run(() => void drafts.set(draft.uri, copy(draft))),
    delete: (uri) => run(() => void drafts.delete(uri)),
  };
}

interface DocumentMaps {
  rule: Map<string, StoredRule>;
  manifest: Map<string, StoredManifest>;
  drafts: Map<string, StoredDraft>;
}

function commit(maps: DocumentMaps, changes: readonly DocumentChange[]): CommitResult {
  const conflicts: RevisionConflict[] = [];
  for (const change of changes) {
    if ((change.type !== "put" && change.type !== "delete") || change.ifRevision === undefined) continue;
    const id = change.type === "put" ? change.doc.id : change.id;
    const current = maps[change.kind].get(id);
    if (revisionOf(current) !== change.ifRevision) {
      conflicts.push({ kind: change.kind, id, expected: change.ifRevision, current: copy(current) });
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  // Every value is copied before any map changes, so a value that cannot be stored changes nothing.
  const copied = changes.map(copy);
  for (const change of copied) {
    if (change.type === "put") {
      if (change.kind === "rule") maps.rule.set(change.doc.id, change.doc);
      else maps.manifest.set(change.doc.id, change.doc);
    } else if (change.type === "delete") maps[change.kind].delete(change.id);
    else if (change.type === "putDraft") maps.drafts.set(change.draft.uri, change.draft);
    else if (change.ifText === undefined || maps.drafts.get(change.uri)?.text === change.ifText) {
      maps.drafts.delete(change.uri);
    }
  }
  return { ok: true };
}

/** Repositories kept in memory, with the same contract as the IndexedDB ones (tests, fallbacks). */
export function createMemoryRepositories(): WorkspaceRepositories {
  const maps: DocumentMaps = { rule: new Map(), manifest: new Map(), drafts: new Map() };
  return {
    rules: documentRepository(maps.rule),
    manifests: documentRepository(maps.manifest),
    datasets: datasetRepository(),
    meta: metaRepository(),
    drafts: draftRepository(maps.drafts),
    releases: createMemoryReleaseRepository(),
    runs: memoryRunRepository(),
    commit: (changes) => run(() => commit(maps, changes)),
    close: () => Promise.resolve(),
  };
}
