import { DatasetError, recordProblem, type HeldData } from "../../engine";
import type { DatasetRepository } from "../storage/repositories";
import { projectedValue } from "../storage/projection";
import { columnarRecordSource, datasetRecordSource } from "./recordSource";
import type { OpenRunSource, PartRun, RestParts, RunSource } from "./runSimulation";

/** A part of the rows, `[start, start + count)`. */
export interface RowRange {
  start: number;
  count: number;
}

/** What a part reader (another thread) gives back for its rows. */
export type PartResult =
  | { ok: true; data: HeldData; hashes: string[]; mismatches: number }
  /** The first record the run refuses, at its position in the dataset. */
  | { ok: false; index: number; record: unknown };

/** A part reader started for one range; `run` hands it the run's date and waits for its columns. */
export interface PartReader {
  run(run: PartRun): Promise<PartResult>;
}

/**
 * Cuts `rows` into at most `parts` ranges of whole stored chunks, as equal as chunks allow, so
 * every range reads whole chunks and each chunk's content hash is the same however the rows are cut.
 */
export function splitRows(rows: number, chunkRows: number, parts: number): RowRange[] {
  const chunks = Math.ceil(rows / chunkRows);
  const n = Math.max(1, Math.min(parts, chunks));
  const ranges: RowRange[] = [];
  let chunk = 0;
  for (let p = 0; p < n; p++) {
    const take = Math.floor(chunks / n) + (p < chunks % n ? 1 : 0);
    const start = chunk * chunkRows;
    const end = Math.min(rows, (chunk + take) * chunkRows);
    chunk += take;
    if (end > start) ranges.push({ start, count: end - start });
  }
  return ranges.length > 0 ? ranges : [{ start: 0, count: rows }];
}

/** The report's fields of every row of a dataset, read from its columns (values as records hold them). */
export async function readFieldColumns(
  repo: Pick<DatasetRepository, "columns">,
  id: string,
  paths: readonly string[],
): Promise<Record<string, unknown[]>> {
  const fields: Record<string, unknown[]> = {};
  if (paths.length === 0) return fields;
  const projection = await repo.columns(id, paths);
  projection.columns.forEach((column, k) => {
    const values = new Array<unknown>(projection.rows);
    for (let i = 0; i < projection.rows; i++) values[i] = projectedValue(column, i);
    fields[paths[k]!] = values;
  });
  return fields;
}

/**
 * Opens a stored dataset for a run: only the paths the run reads, from the columns; with `parallel`,
 * the rows cut into `threads` parts of whole chunks, the first read here and each other one by a
 * part reader (`startPart`, another worker) started at once, so it prepares the pack while this
 * thread reads. Whole records when the run reads the whole context.
 */
export function openDatasetSource(
  repo: Pick<DatasetRepository, "columns" | "records" | "describe">,
  dataset: { id: string; name: string },
  threads: number,
  startPart: (range: RowRange, paths: string[], chunkRows: number) => PartReader,
): OpenRunSource {
  return async ({ paths, parallel }) => {
    const described = await repo.describe(dataset.id);
    const rows = described?.rowCount ?? 0;
    // A dataset of non-objects (a column at the empty path) is read whole so the run refuses it as before.
    if (!described || !paths || described.columns.some((c) => c.path.length === 0)) {
      return { local: datasetRecordSource(repo, dataset.id, rows), total: rows };
    }
    const ranges = parallel ? splitRows(rows, described.chunkRows, threads) : [{ start: 0, count: rows }];
    const readers = ranges
      .slice(1)
      .map((range) => ({ range, reader: startPart(range, paths, described.chunkRows) }));
    const source: RunSource = {
      local: columnarRecordSource(repo, dataset.id, paths, ranges[0]!, described.chunkRows),
      total: rows,
      fields: (fieldPaths) => readFieldColumns(repo, dataset.id, fieldPaths),
    };
    if (readers.length > 0) {
      source.rest = async (run): Promise<RestParts> => {
        const results = await Promise.all(readers.map(({ reader }) => reader.run(run)));
        const parts: RestParts = { data: [], hashes: [], mismatches: 0 };
        for (const result of results) {
          if (!result.ok) throw new DatasetError(result.index, recordProblem(result.record, result.index)!);
          parts.data.push(result.data);
          parts.hashes.push(...result.hashes);
          parts.mismatches += result.mismatches;
        }
        return parts;
      };
    }
    return source;
  };
}
