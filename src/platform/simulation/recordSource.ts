import type { DatasetRepository } from "../storage/repositories";

/**
 * Where a simulation reads a dataset's records from, in order and in chunks. The one place that
 * knows how records are stored: when storage becomes columnar (`columns(id, paths, range)`), only
 * {@link datasetRecordSource} changes, reading just `paths` (the fields the pack and report read).
 */
export interface RecordSource {
  readonly count: number;
  /** The records are new objects nobody else holds, so the pipeline may write into them. */
  readonly fresh: boolean;
  /** The records in order, `chunkSize` at a time. */
  chunks(chunkSize: number): AsyncIterable<unknown[]>;
}

export function datasetRecordSource(
  repo: Pick<DatasetRepository, "records">,
  id: string,
  count: number,
  /** The paths that will be read; a columnar store reads only these (unused by the record store). */
  _paths?: readonly string[],
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
