import type { MetaKey, MetaValues } from "./schema";
import type { DatasetMeta, SeedMarker } from "./records";
import type {
  DatasetRepository,
  DocumentRepository,
  MetaRepository,
  WorkspaceRepositories,
} from "./repositories";

/** Orders ids as IndexedDB orders string keys: by UTF-16 code units, not by locale. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Copies a value the way IndexedDB stores it (structured clone), so callers can never change what is
 * stored through an object they passed in or got back, and values IndexedDB refuses are refused here.
 */
const copy = <T>(value: T): T => structuredClone(value);

/** Runs `work` as an asynchronous operation: a throw becomes a rejection, as with IndexedDB. */
const run = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));

function documentRepository<T extends { id: string }>(): DocumentRepository<T> {
  const docs = new Map<string, T>();
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

/** Repositories kept in memory, with the same contract as the IndexedDB ones (tests, fallbacks). */
export function createMemoryRepositories(): WorkspaceRepositories {
  return {
    rules: documentRepository(),
    manifests: documentRepository(),
    datasets: datasetRepository(),
    meta: metaRepository(),
    close: () => Promise.resolve(),
  };
}
