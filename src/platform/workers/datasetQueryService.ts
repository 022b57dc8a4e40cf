import type { ColumnProfile } from "../datasets/columnProfile";
import type { RowQuery } from "../datasets/columnQuery";
import { projectionTransferables, type ColumnProjection, type ProjectedColumn } from "../storage/projection";
import { handleDatasetQuery, type DatasetQueryReply, type DatasetQueryRequest } from "./datasetQueryProtocol";

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
  let worker: DatasetQueryWorkerLike | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const failAll = (reason: string) => {
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };
  const ensure = () => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      started.terminate();
      worker = undefined;
      failAll(event.message || "the dataset query worker stopped");
    };
    worker = started;
    return started;
  };
  const ask = <T>(request: DatasetQueryRequest, transfer: Transferable[]) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      ensure().postMessage({ id, request }, transfer);
    });
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
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll("the dataset query service was disposed");
    },
  };
}
