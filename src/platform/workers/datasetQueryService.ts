import type { ColumnProfile } from "../datasets/columnProfile";
import type { RowQuery } from "../datasets/columnQuery";
import { projectionTransferables, type ColumnProjection, type ProjectedColumn } from "../storage/projection";
import {
  handleDatasetQuery,
  type DatasetQueryReply,
  type DatasetQueryRequest,
  type DatasetQueryValue,
} from "./datasetQueryProtocol";
import { workerClient } from "./workerClient";

/**
 * Sort, filter and profile of dataset columns in a worker. The columns go to the worker by transfer
 * (the caller's projection is emptied: read a fresh one for the next request), and the row order
 * comes back by transfer.
 */
export interface DatasetQueryService {
  /** The rows that pass the query's filters, in its sort order. */
  order(projection: ColumnProjection, query: RowQuery, locale: string): Promise<Uint32Array>;
  profile(column: ProjectedColumn, rows: number): Promise<ColumnProfile>;
  dispose(): void;
}

function inline<T>(request: DatasetQueryRequest): Promise<T> {
  return new Promise<T>((resolve) => resolve(handleDatasetQuery(request) as T));
}

/** The service in this thread: for tests, and where workers cannot start. */
export function createInlineDatasetQueryService(): DatasetQueryService {
  return {
    order: (projection, query, locale) =>
      inline<Uint32Array>({
        type: "order",
        columns: projection.columns,
        rows: projection.rows,
        query,
        locale,
      }),
    profile: (column, rows) => inline<ColumnProfile>({ type: "profile", column, rows }),
    dispose: () => undefined,
  };
}

/** The Worker surface the service uses, so tests can hand in a fake. */
export interface DatasetQueryWorkerLike {
  postMessage(message: { id: number; request: DatasetQueryRequest }, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<DatasetQueryReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The service over a Web Worker started on first use; a worker that dies fails what it had. */
export function createWorkerDatasetQueryService(
  start: () => DatasetQueryWorkerLike = () =>
    new Worker(new URL("./datasetQuery.worker.ts", import.meta.url), {
      type: "module",
      name: "crw:dataset-query",
    }),
): DatasetQueryService {
  // The shared numbered-request client; its requests move their column buffers (transfer).
  const client = workerClient<DatasetQueryRequest, DatasetQueryValue>(
    start,
    "the dataset query worker stopped",
  );
  const ask = <T extends DatasetQueryValue>(request: DatasetQueryRequest, transfer: Transferable[]) =>
    client.ask<T>(request, transfer);
  return {
    order: (projection, query, locale) =>
      ask<Uint32Array>(
        { type: "order", columns: projection.columns, rows: projection.rows, query, locale },
        projectionTransferables(projection),
      ),
    profile: (column, rows) =>
      ask<ColumnProfile>(
        { type: "profile", column, rows },
        projectionTransferables({ start: 0, rows, columns: [column] }),
      ),
    dispose: () => client.dispose("the dataset query service was disposed"),
  };
}
