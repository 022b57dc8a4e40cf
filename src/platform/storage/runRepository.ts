import type { IDBPDatabase } from "idb";
import type { StoredRun } from "./records";
import { stores, type WorkbenchDB } from "./schema";

/**
 * Simulation runs. A run is kept as two entries of the `runs` store: its summary (`id`, `createdAt`
 * and what the Simulation view lists) and, under `results:<id>`, its columnar results and report.
 * The results entry has no `createdAt`, so the `byCreatedAt` index holds summaries only and listing
 * runs never reads a run's results.
 */
export interface RunRepository {
  /** Every run's summary, newest first. */
  list(): Promise<StoredRun[]>;
  get(id: string): Promise<StoredRun | undefined>;
  /** The results entry of a run (whatever `put` stored as `results`). */
  results(id: string): Promise<unknown>;
  /** Stores the summary and the results in one transaction. */
  put(summary: StoredRun, results: unknown): Promise<void>;
  /** Removes both entries, in one transaction. */
  delete(id: string): Promise<void>;
}

const resultsKey = (id: string) => `results:${id}`;
interface ResultsEntry {
  id: string;
  results: unknown;
}
const newestFirst = (a: StoredRun, b: StoredRun) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1;

export function indexedDbRunRepository(db: () => Promise<IDBPDatabase<WorkbenchDB>>): RunRepository {
  return {
    list: async () => (await (await db()).getAllFromIndex(stores.runs, "byCreatedAt")).sort(newestFirst),
    get: async (id) => {
      const found = await (await db()).get(stores.runs, id);
      return found && typeof found.createdAt === "string" ? found : undefined;
    },
    results: async (id) =>
      ((await (await db()).get(stores.runs, resultsKey(id))) as ResultsEntry | undefined)?.results,
    async put(summary, results) {
      const tx = (await db()).transaction(stores.runs, "readwrite");
      const entry: ResultsEntry = { id: resultsKey(summary.id), results };
      await Promise.all([tx.store.put(summary), tx.store.put(entry as unknown as StoredRun), tx.done]);
    },
    async delete(id) {
      const tx = (await db()).transaction(stores.runs, "readwrite");
      await Promise.all([tx.store.delete(id), tx.store.delete(resultsKey(id)), tx.done]);
    },
  };
}

/** The same repository in memory (tests, and where IndexedDB is unavailable); values are copies. */
export function memoryRunRepository(): RunRepository {
  const summaries = new Map<string, StoredRun>();
  const results = new Map<string, unknown>();
  const run = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));
  return {
    list: () => run(() => [...summaries.values()].map((s) => structuredClone(s)).sort(newestFirst)),
    get: (id) => run(() => (summaries.has(id) ? structuredClone(summaries.get(id)) : undefined)),
    results: (id) => run(() => structuredClone(results.get(id))),
    put: (summary, value) =>
      run(() => {
        const [s, r] = [structuredClone(summary), structuredClone(value)];
        summaries.set(s.id, s);
        results.set(s.id, r);
      }),
    delete: (id) =>
      run(() => {
        summaries.delete(id);
        results.delete(id);
      }),
  };
}
