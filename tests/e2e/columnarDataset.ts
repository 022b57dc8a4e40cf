/**
 * Writes a large generated dataset straight into the page's IndexedDB in the columnar layout the
 * app stores (database version 4: `datasetLayouts` and `datasetChunks`), encoded in Node by the
 * app's own `encodeChunk` and `LayoutBuilder`, so the stored chunks are exactly what an import
 * writes. Importing a million rows through the UI takes minutes on a shared 2-core machine; this
 * takes seconds. The records are the 300-record sample repeated with new ids (`D-0001` →
 * `D-0001-000042`), as {@link replicate} makes them (the benchmark writes the same to JSONL for
 * `crw eval`).
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { dottedPath, encodeChunk, type EncodedColumn } from "../../src/platform/storage/columnar";
import { LayoutBuilder } from "../../src/platform/storage/datasetLayout";

const sampleFile = new URL("../../samples/distributors-300.json", import.meta.url);

export function sampleRecords(): Record<string, unknown>[] {
  return JSON.parse(readFileSync(sampleFile, "utf8")) as Record<string, unknown>[];
}

/** Record i: sample record i % 300 with id `<id>-<copy>`. */
export function replicate(sample: readonly Record<string, unknown>[], i: number): Record<string, unknown> {
  const base = sample[i % sample.length]!;
  return { ...base, id: `${String(base.id)}-${String(Math.floor(i / sample.length)).padStart(6, "0")}` };
}

/** A typed array as text that survives `page.evaluate` (which would turn it into a plain object). */
type Wire = unknown;

function toWire(value: unknown): Wire {
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { kind: value.constructor.name, b64: bytes.toString("base64") };
  }
  return value;
}

function columnToWire(data: EncodedColumn): Record<string, Wire> {
  const out: Record<string, Wire> = {};
  for (const [key, value] of Object.entries(data)) out[key] = toWire(value);
  return out;
}

export interface SeedOptions {
  /**
   * Every full chunk a copy of the first (ids repeat every 16,384 rows): the page receives the
   * chunk once and writes the copies itself, so a million rows take seconds, for tests that need
   * the size rather than distinct records.
   */
  repeatFirstChunk?: boolean;
  /** Only the columns whose dotted path this accepts (the fields a run reads), to write less. */
  keepColumn?: (dotted: string) => boolean;
}

/** Writes stored chunks, or copies of the chunk stashed in the page under other chunk numbers. */
async function writeChunks(
  page: Page,
  order: { chunks?: unknown[]; stash?: boolean; copies?: number[] },
): Promise<void> {
  await page.evaluate(async ({ chunks, stash, copies }) => {
    const done = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
    const types: Record<string, new (b: ArrayBuffer) => ArrayBufferView> = {
      Uint8Array,
      Uint16Array,
      Uint32Array,
      Int32Array,
      Float64Array,
    };
    const fromWire = (value: unknown): unknown => {
      if (value && typeof value === "object" && "b64" in value && "kind" in value) {
        const { kind, b64 } = value as { kind: string; b64: string };
        const text = atob(b64);
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        return new types[kind]!(bytes.buffer);
      }
      return value;
    };
    const w = window as unknown as { __crwSeedChunk?: { column: number; data: unknown }[] };
    const decoded = (chunks ?? []).map((c) => {
      const chunk = c as { data: Record<string, unknown> };
      return {
        ...chunk,
        data: Object.fromEntries(Object.entries(chunk.data).map(([k, v]) => [k, fromWire(v)])),
      };
    }) as { datasetId: string; column: number; chunk: number; data: unknown }[];
    if (stash) w.__crwSeedChunk = decoded;
    const db = await done(indexedDB.open("channel-rules-workbench"));
    const tx = db.transaction("datasetChunks", "readwrite");
    const store = tx.objectStore("datasetChunks");
    for (const chunk of decoded) store.put(chunk);
    for (const number of copies ?? [])
      for (const chunk of w.__crwSeedChunk ?? []) store.put({ ...chunk, chunk: number });
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }, order);
}

/**
 * Stores `count` generated records as dataset `id` (copying the seeded sample's metadata, so it has
 * the sample's schema and title). The page must have the workbench open (the database exists).
 */
export async function seedColumnarDataset(
  page: Page,
  id: string,
  count: number,
  { repeatFirstChunk = false, keepColumn }: SeedOptions = {},
): Promise<void> {
  const sample = sampleRecords();
  const at = new Date().toISOString();
  const builder = new LayoutBuilder(id, at);
  const rowsPerChunk = builder.layout.chunkRows;
  const encode = (start: number, rows: number) => {
    const records: unknown[] = [];
    for (let i = start; i < start + rows; i++) records.push(replicate(sample, i));
    const chunk = encodeChunk(records);
    return keepColumn
      ? { ...chunk, columns: chunk.columns.filter((c) => keepColumn(dottedPath(c.path))) }
      : chunk;
  };
  const wire = (chunk: ReturnType<typeof encodeChunk>) =>
    builder.add(chunk, at).map((c) => ({ ...c, data: columnToWire(c.data) }));
  let first: ReturnType<typeof encodeChunk> | undefined;
  let copies: number[] = [];
  let number = 0;
  for (let start = 0; start < count; start += rowsPerChunk, number++) {
    const rows = Math.min(count, start + rowsPerChunk) - start;
    if (repeatFirstChunk && first && rows === rowsPerChunk) {
      builder.add(first, at);
      copies.push(number);
      // A few copies per transaction, so no transaction holds hundreds of megabytes.
      if (copies.length === 8) {
        await writeChunks(page, { copies });
        copies = [];
      }
      continue;
    }
    const chunk = encode(start, rows);
    const stash = repeatFirstChunk && !first;
    if (stash) first = chunk;
    await writeChunks(page, { chunks: wire(chunk), stash });
  }
  if (copies.length > 0) await writeChunks(page, { copies });
  const layout = { ...builder.layout, state: "complete" };
  await page.evaluate(
    async ({ layout, id, count }) => {
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const db = await done(indexedDB.open("channel-rules-workbench"));
      const meta = (await done(
        db.transaction("datasets").objectStore("datasets").get("distributors-300"),
      )) as Record<string, unknown>;
      const tx = db.transaction(["datasets", "datasetLayouts"], "readwrite");
      tx.objectStore("datasetLayouts").put(layout);
      tx.objectStore("datasets").put({
        ...meta,
        id,
        name: id,
        rowCount: count,
        createdAt: new Date().toISOString(),
      });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
    },
    { layout, id, count },
  );
}
