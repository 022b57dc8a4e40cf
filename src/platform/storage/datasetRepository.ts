import type { IDBPDatabase } from "idb";
import { CHUNK_ROWS, decodeRows, encodeChunk, type EncodedChunk, type EncodedColumn } from "./columnar";
import { encodeDataset, LayoutBuilder, layoutColumns } from "./datasetLayout";
import { projectColumn, type ChunkSlice, type ColumnProjection } from "./projection";
import type { DatasetLayout, DatasetMeta, StoredColumnChunk } from "./records";
import type { DatasetRepository, DatasetWriter } from "./repositories";
import { stores, type WorkbenchDB } from "./schema";

/**
 * Datasets stored as column chunks (see `columnar.ts` for the encoding, `records.ts` for the stores).
 * The logic is written once over a small backend; IndexedDB and memory each implement the backend.
 */

/** A writer's layout untouched for this long is taken to be left by a closed tab, and swept. */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

/** One atomic write of a dataset's pieces. */
export interface DatasetWrite {
  /**
   * Starts a dataset: refused (false) when its metadata or a live layout exists. A layout still in
   * state `writing` and last touched before `staleBefore` is removed first, chunks and all.
   */
  claim?: { staleBefore: string };
  meta?: DatasetMeta;
  layout: DatasetLayout;
  chunks: readonly StoredColumnChunk[];
}

/** What a storage engine provides; every method is one transaction. */
export interface DatasetBackend {
  list(): Promise<DatasetMeta[]>;
  get(id: string): Promise<DatasetMeta | undefined>;
  layout(id: string): Promise<DatasetLayout | undefined>;
  /** For each column number, its stored chunks from `first` to `last` (inclusive), in chunk order. */
  read(id: string, columns: readonly number[], first: number, last: number): Promise<StoredColumnChunk[][]>;
  write(write: DatasetWrite): Promise<boolean>;
  /** Removes metadata, layout and every chunk. */
  remove(id: string): Promise<void>;
  /** Changes the metadata; false when there is none. */
  update(id: string, change: Partial<Pick<DatasetMeta, "name" | "title">>): Promise<boolean>;
}

function rowWindow(layout: DatasetLayout, range?: { start: number; count: number }) {
  if (range && (range.count <= 0 || range.start < 0)) return undefined;
  const start = range ? range.start : 0;
  const end = range ? Math.min(layout.rowCount, range.start + range.count) : layout.rowCount;
  if (start >= end) return undefined;
  const first = Math.floor(start / layout.chunkRows);
  const last = Math.floor((end - 1) / layout.chunkRows);
  const slices: ChunkSlice[] = [];
  for (let c = first; c <= last; c++) {
    const base = c * layout.chunkRows;
    slices.push({ from: Math.max(start, base) - base, to: Math.min(end, base + layout.chunkRows) - base });
  }
  return { start, end, first, last, slices };
}

/** Chunk `c - first` of each column: its data, or undefined where the column has no cell there. */
function byChunk(read: StoredColumnChunk[][], first: number, last: number): (EncodedColumn | undefined)[][] {
  const out: (EncodedColumn | undefined)[][] = [];
  for (let c = first; c <= last; c++) out.push(new Array<EncodedColumn | undefined>(read.length));
  read.forEach((chunks, k) => {
    for (const chunk of chunks) out[chunk.chunk - first]![k] = chunk.data;
  });
  return out;
}

export interface DatasetRepositoryOptions {
  now?: () => Date;
  /** Rows per chunk (tests use small chunks to cross chunk boundaries). */
  chunkRows?: number;
}

export function createDatasetRepository(
  backend: DatasetBackend,
  { now = () => new Date(), chunkRows = CHUNK_ROWS }: DatasetRepositoryOptions = {},
): DatasetRepository {
  const at = () => now().toISOString();
  const staleBefore = () => new Date(now().getTime() - ABANDONED_AFTER_MS).toISOString();
  const complete = async (id: string) => {
    const layout = await backend.layout(id);
    return layout?.state === "complete" ? layout : undefined;
  };

  return {
    list: () => backend.list(),
    get: (id) => backend.get(id),
    async create(meta, records) {
      // Encoding throws on a value that cannot be stored before anything is written.
      const { layout, chunks } = encodeDataset(meta.id, records, at(), chunkRows);
      const full: DatasetMeta = { ...meta, rowCount: records.length };
      return backend.write({ claim: { staleBefore: staleBefore() }, meta: full, layout, chunks });
    },
    async begin(meta) {
      const builder = new LayoutBuilder(meta.id, at(), chunkRows);
      if (
        !(await backend.write({ claim: { staleBefore: staleBefore() }, layout: builder.layout, chunks: [] }))
      ) {
        return undefined;
      }
      let pending: unknown[] = [];
      let state: "open" | "done" = "open";
      let queue: Promise<unknown> = Promise.resolve();
      const fail = async (error: unknown): Promise<never> => {
        state = "done";
        await backend.remove(meta.id).catch(() => undefined);
        throw error;
      };
      const writeChunk = async (chunk: EncodedChunk) => {
        const stored = builder.add(chunk, at());
        await backend.write({ layout: { ...builder.layout }, chunks: stored });
      };
      /** Runs writes one after the other; a failure removes everything the writer wrote. */
      const serial = <T>(work: () => Promise<T>): Promise<T> => {
        const next = queue.then(async () => {
          if (state !== "open") throw new Error(`The import of ${meta.id} has already ended`);
          try {
            return await work();
          } catch (error) {
            return fail(error);
          }
        });
        queue = next.catch(() => undefined);
        return next;
      };
      const writer: DatasetWriter = {
        get rowCount() {
          return builder.layout.rowCount + pending.length;
        },
        append: (records) =>
          serial(async () => {
            pending = pending.concat(records);
            while (pending.length >= builder.layout.chunkRows) {
              const rows = pending.slice(0, builder.layout.chunkRows);
              pending = pending.slice(builder.layout.chunkRows);
              await writeChunk(encodeChunk(rows));
            }
          }),
        appendChunk: (chunk) =>
          serial(async () => {
            if (pending.length > 0) throw new Error("appendChunk after append: records are still buffered");
            await writeChunk(chunk);
          }),
        commit: () =>
          serial(async () => {
            if (pending.length > 0) await writeChunk(encodeChunk(pending));
            pending = [];
            const full: DatasetMeta = { ...meta, rowCount: builder.layout.rowCount };
            await backend.write({
              meta: full,
              layout: { ...builder.layout, state: "complete", updatedAt: at() },
              chunks: [],
            });
            state = "done";
            return full;
          }),
        abort: async () => {
          if (state === "done") return;
          state = "done";
          await queue;
          await backend.remove(meta.id);
        },
      };
      return writer;
    },
    async records(id, range) {
      const layout = await complete(id);
      if (!layout) return [];
      const window = rowWindow(layout, range);
      if (!window) return [];
      const all = layout.columns.map((_, i) => i);
      const data = byChunk(await backend.read(id, all, window.first, window.last), window.first, window.last);
      const out: unknown[] = [];
      window.slices.forEach((slice, c) => {
        const columns: { path: (typeof layout.columns)[number]; data: EncodedColumn }[] = [];
        data[c]!.forEach((column, k) => {
          if (column) columns.push({ path: layout.columns[k]!, data: column });
        });
        for (const record of decodeRows(columns, slice.from, slice.to)) out.push(record);
      });
      return out;
    },
    async columns(id, paths, range) {
      const layout = await complete(id);
      const window = layout && rowWindow(layout, range);
      const start = window?.start ?? Math.max(0, range?.start ?? 0);
      if (!layout || !window) {
        return {
          start,
          rows: 0,
          columns: paths.map((path) => projectColumn(path, path.split("."), [], [], [], 0)),
        };
      }
      const requests = paths.map((path) => {
        const segments = path.split(".");
        const matched: number[] = [];
        layout.columns.forEach((column, k) => {
          if (column.length >= segments.length && segments.every((s, i) => String(column[i]) === s))
            matched.push(k);
        });
        return { path, segments, matched };
      });
      const wanted = [...new Set(requests.flatMap((r) => r.matched))].sort((a, b) => a - b);
      const read = await backend.read(id, wanted, window.first, window.last);
      const data = byChunk(read, window.first, window.last);
      const position = new Map(wanted.map((k, i) => [k, i]));
      const rows = window.end - window.start;
      const projection: ColumnProjection = {
        start: window.start,
        rows,
        columns: requests.map(({ path, segments, matched }) =>
          projectColumn(
            path,
            segments,
            matched.map((k) => layout.columns[k]!),
            data.map((chunk) => matched.map((k) => chunk[position.get(k)!])),
            window.slices,
            rows,
          ),
        ),
      };
      return projection;
    },
    async describe(id) {
      const layout = await complete(id);
      return (
        layout && { rowCount: layout.rowCount, chunkRows: layout.chunkRows, columns: layoutColumns(layout) }
      );
    },
    rename: (id, name) => backend.update(id, { name }),
    delete: (id) => backend.remove(id),
  };
}

// --- memory ---------------------------------------------------------------------------------------

export function memoryDatasetBackend(): DatasetBackend {
  const metas = new Map<string, DatasetMeta>();
  const layouts = new Map<string, DatasetLayout>();
  /** `chunks.get(id).get(column).get(chunk)` */
  const chunks = new Map<string, Map<number, Map<number, EncodedColumn>>>();
  const run = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const remove = (id: string) => {
    metas.delete(id);
    layouts.delete(id);
    chunks.delete(id);
  };
  return {
    list: () => run(() => [...metas.values()].sort(byId).map((m) => structuredClone(m))),
    get: (id) => run(() => (metas.has(id) ? structuredClone(metas.get(id)) : undefined)),
    layout: (id) => run(() => (layouts.has(id) ? structuredClone(layouts.get(id)) : undefined)),
    read: (id, columns, first, last) =>
      run(() =>
        columns.map((column) => {
          const stored = chunks.get(id)?.get(column);
          const out: StoredColumnChunk[] = [];
          if (!stored) return out;
          for (let chunk = first; chunk <= last; chunk++) {
            const data = stored.get(chunk);
            if (data) out.push({ datasetId: id, column, chunk, data });
          }
          return out;
        }),
      ),
    write: ({ claim, meta, layout, chunks: written }) =>
      run(() => {
        const id = layout.datasetId;
        // Copies first, so a value that cannot be cloned leaves everything as it was.
        const copies = structuredClone({ meta, layout, written });
        if (claim) {
          const existing = layouts.get(id);
          if (metas.has(id)) return false;
          if (existing && !(existing.state === "writing" && existing.updatedAt < claim.staleBefore))
            return false;
          if (existing) remove(id);
        }
        layouts.set(id, copies.layout);
        if (copies.meta) metas.set(id, copies.meta);
        let columns = chunks.get(id);
        if (!columns) chunks.set(id, (columns = new Map<number, Map<number, EncodedColumn>>()));
        for (const chunk of copies.written) {
          let column = columns.get(chunk.column);
          if (!column) columns.set(chunk.column, (column = new Map<number, EncodedColumn>()));
          column.set(chunk.chunk, chunk.data);
        }
        return true;
      }),
    remove: (id) => run(() => remove(id)),
    update: (id, change) =>
      run(() => {
        const meta = metas.get(id);
        if (!meta) return false;
        metas.set(id, { ...meta, ...structuredClone(change) });
        return true;
      }),
  };
}

// --- IndexedDB ------------------------------------------------------------------------------------

type Db = IDBPDatabase<WorkbenchDB>;

/** Every chunk of one dataset, or of one column of it. */
export function chunkRange(id: string, column?: number, first = 0, last = Infinity): IDBKeyRange {
  if (column === undefined) return IDBKeyRange.bound([id, -Infinity, -Infinity], [id, Infinity, Infinity]);
  return IDBKeyRange.bound([id, column, first], [id, column, last]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing of it was committed either way.
  }
}

export function indexedDbDatasetBackend(db: () => Promise<Db>): DatasetBackend {
  const all = [stores.datasets, stores.datasetLayouts, stores.datasetChunks] as const;
  return {
    list: async () => (await db()).getAll(stores.datasets),
    get: async (id) => (await db()).get(stores.datasets, id),
    layout: async (id) => (await db()).get(stores.datasetLayouts, id),
    async read(id, columns, first, last) {
      const tx = (await db()).transaction(stores.datasetChunks, "readonly");
      const [reads] = await Promise.all([
        Promise.all(columns.map((column) => tx.store.getAll(chunkRange(id, column, first, last)))),
        tx.done,
      ]);
      return reads;
    },
    async write({ claim, meta, layout, chunks }) {
      const tx = (await db()).transaction(all, "readwrite");
      const id = layout.datasetId;
      // Only IndexedDB requests are awaited until the transaction ends, so it stays active.
      if (claim) {
        const [existingMeta, existing] = await Promise.all([
          tx.objectStore(stores.datasets).get(id),
          tx.objectStore(stores.datasetLayouts).get(id),
        ]);
        const stale = existing?.state === "writing" && existing.updatedAt < claim.staleBefore;
        if (existingMeta !== undefined || (existing !== undefined && !stale)) {
          await tx.done;
          return false;
        }
        if (existing) void tx.objectStore(stores.datasetChunks).delete(chunkRange(id));
      }
      const writes: Promise<unknown>[] = [];
      try {
        writes.push(tx.objectStore(stores.datasetLayouts).put(layout));
        const chunkStore = tx.objectStore(stores.datasetChunks);
        for (const chunk of chunks) writes.push(chunkStore.put(chunk));
        if (meta) writes.push(tx.objectStore(stores.datasets).put(meta));
      } catch (error) {
        abortQuietly(tx);
        await Promise.allSettled([...writes, tx.done]);
        throw error;
      }
      await Promise.all([...writes, tx.done]);
      return true;
    },
    async remove(id) {
      const tx = (await db()).transaction(all, "readwrite");
      await Promise.all([
        tx.objectStore(stores.datasets).delete(id),
        tx.objectStore(stores.datasetLayouts).delete(id),
        tx.objectStore(stores.datasetChunks).delete(chunkRange(id)),
        tx.done,
      ]);
    },
    async update(id, change) {
      const tx = (await db()).transaction(stores.datasets, "readwrite");
      const meta = await tx.store.get(id);
      if (!meta) {
        await tx.done;
        return false;
      }
      await Promise.all([tx.store.put({ ...meta, ...change }), tx.done]);
      return true;
    },
  };
}

export { CHUNK_ROWS };
