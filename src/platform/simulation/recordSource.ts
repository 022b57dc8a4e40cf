import type { DatasetRepository } from "../storage/repositories";
import { projectedValue, type ColumnProjection } from "../storage/projection";
import { ContentHash } from "./contentHash";

/**
 * Where a simulation reads a dataset's records from, in order and in chunks. The columnar store is
 * read through {@link columnarRecordSource} (only the paths the run reads); whole records through
 * {@link datasetRecordSource} (packs that read the whole context).
 */
export interface RecordSource {
  readonly count: number;
  /** The records are new objects nobody else holds, so the pipeline may write into them. */
  readonly fresh: boolean;
  /** The records in order, `chunkSize` at a time. */
  chunks(chunkSize: number): AsyncIterable<unknown[]>;
  /**
   * The content hash of each stored chunk read so far, in order, when the source hashes what it
   * reads itself (see {@link projectionHash}); otherwise the run hashes the records' JSON.
   */
  chunkHashes?(): string[];
}

/** Whole records of a dataset (every column decoded), for packs whose reads are not static. */
export function datasetRecordSource(
  repo: Pick<DatasetRepository, "records">,
  id: string,
  count: number,
): RecordSource {
  return {
    count,
    fresh: true,
    async *chunks(chunkSize) {
      // The next chunk is requested before the current one is handed on, so reading overlaps work.
      let start = 0;
      let next = count > 0 ? repo.records(id, { start, count: chunkSize }) : undefined;
      while (next) {
        const records = await next;
        start += chunkSize;
        next = start < count ? repo.records(id, { start, count: chunkSize }) : undefined;
        if (records.length === 0) break;
        yield records;
      }
    },
  };
}

/** Defines rather than assigns, so a key named `__proto__` is a key, as it was in the record. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * The records of a projection: for each row an object holding the projected paths (none of which
 * lies under another, see `runInputPaths`), built straight from the typed arrays.
 */
export function projectionRecords(projection: ColumnProjection): Record<string, unknown>[] {
  const columns = projection.columns.map((column) => ({ column, segments: column.path.split(".") }));
  const records = new Array<Record<string, unknown>>(projection.rows);
  for (let i = 0; i < projection.rows; i++) {
    const record: Record<string, unknown> = {};
    for (const { column, segments } of columns) {
      const value = projectedValue(column, i);
      if (value === undefined) continue;
      let node = record;
      for (let s = 0; s < segments.length - 1; s++) {
        const key = segments[s]!;
        let next = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
        if (next === undefined) define(node, key, (next = {}));
        node = next as Record<string, unknown>;
      }
      define(node, segments[segments.length - 1]!, value);
    }
    records[i] = record;
  }
  return records;
}

/**
 * A hash of one projected chunk: every column's path, bitmaps, values, codes and dictionary. The
 * same stored chunk and paths give the same hash whichever thread reads it.
 */
export function projectionHash(projection: ColumnProjection): string {
  const hash = new ContentHash();
  hash.add(String(projection.rows));
  for (const column of projection.columns) {
    hash.add(`\u0000${column.path}:${column.type}`);
    if (column.type === "mixed") {
      for (const value of column.values) hash.add(value === undefined ? "\u0001" : JSON.stringify(value));
      continue;
    }
    if (column.present) hash.addBytes(column.present);
    if ("nulls" in column && column.nulls) hash.addBytes(column.nulls);
    if (column.type === "number" || column.type === "boolean") hash.addBytes(column.values);
    if (column.type === "string") {
      hash.addBytes(column.codes);
      for (const s of column.dictionary) hash.add(`\u0002${s}`);
    }
  }
  return hash.hex();
}

/**
 * Rows `[start, start + count)` of a columnar dataset, reading only `paths`, one stored chunk
 * (`chunkRows`) at a time so each read is one key range per column; the next chunk is read while
 * the current one is evaluated.
 */
export function columnarRecordSource(
  repo: Pick<DatasetRepository, "columns">,
  id: string,
  paths: readonly string[],
  range: { start: number; count: number },
  chunkRows: number,
): RecordSource {
  const hashes: string[] = [];
  const end = range.start + range.count;
  const read = (start: number) => repo.columns(id, paths, { start, count: Math.min(chunkRows, end - start) });
  return {
    count: range.count,
    fresh: true,
    chunkHashes: () => hashes,
    async *chunks() {
      let start = range.start;
      let next = start < end ? read(start) : undefined;
      while (next) {
        const projection = await next;
        start += chunkRows;
        next = start < end ? read(start) : undefined;
        if (projection.rows === 0) break;
        hashes.push(projectionHash(projection));
        yield projectionRecords(projection);
      }
    },
  };
}

/** Records held in memory as a source (tests, and data that is already loaded). */
export function arrayRecordSource(records: readonly unknown[]): RecordSource {
  return {
    count: records.length,
    fresh: false,
    async *chunks(chunkSize) {
      for (let i = 0; i < records.length; i += chunkSize) {
        yield records.slice(i, i + chunkSize);
        await Promise.resolve();
      }
    },
  };
}
