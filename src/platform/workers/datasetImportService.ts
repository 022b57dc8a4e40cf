import type { ImportCheck, ImportOptions } from "../datasets/importRecords";
import type { DatasetWriter } from "../storage/repositories";
import type { ImportReply, ImportRequest } from "./datasetImportProtocol";

export interface ImportProgress {
  progress?(fraction: number, rows: number): void;
  /** Aborting terminates the worker; the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** Dataset import in a worker: a check pass (the report), then a write pass into a writer. */
export interface DatasetImportService {
  check(file: Blob, options: ImportOptions, watch?: ImportProgress): Promise<ImportCheck>;
  /**
   * Reads the file again and appends every valid record to `writer`, chunk by chunk. Does not
   * commit or abort the writer: the caller does, so a failure or a cancel leaves nothing.
   */
  write(
    file: Blob,
    options: ImportOptions,
    writer: DatasetWriter,
    watch?: ImportProgress,
  ): Promise<ImportCheck>;
}

/** The Worker surface used, so tests can run the handler in this thread. */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest): void;
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const abortError = () => new DOMException("The import was cancelled", "AbortError");

export function createDatasetImportService(
  start: () => ImportWorkerLike = () =>
    new Worker(new URL("./datasetImport.worker.ts", import.meta.url), {
      type: "module",
      name: "crw:dataset-import",
    }),
): DatasetImportService {
  const run = (request: ImportRequest, writer: DatasetWriter | undefined, watch: ImportProgress = {}) =>
    new Promise<ImportCheck>((resolve, reject) => {
      if (watch.signal?.aborted) return reject(abortError());
      const worker = start();
      let settled = false;
      const finish = (error: unknown, check?: ImportCheck) => {
        if (settled) return;
        settled = true;
        worker.terminate();
        watch.signal?.removeEventListener("abort", onAbort);
        if (check) resolve(check);
        else
          reject(error instanceof Error || error instanceof DOMException ? error : new Error(String(error)));
      };
      const onAbort = () => finish(abortError());
      watch.signal?.addEventListener("abort", onAbort);
      // Chunks are stored one after the other, in order, each acknowledged once it is.
      let stored: Promise<void> = Promise.resolve();
      worker.onmessage = (event) => {
        const reply = event.data;
        switch (reply.type) {
          case "progress":
            watch.progress?.(reply.fraction, reply.rows);
            return;
          case "chunk":
            stored = stored
              .then(() => writer!.appendChunk(reply.chunk))
              .then(
                () => {
                  if (!settled) worker.postMessage({ type: "ack" });
                },
                (error: unknown) => finish(error),
              );
            return;
          case "done":
            void stored.then(() => finish(undefined, reply.check));
            return;
          case "error":
            finish(new Error(reply.message));
        }
      };
      worker.onerror = (event) => finish(new Error(event.message || "The import worker failed"));
      worker.postMessage(request);
    });
  return {
    check: (file, options, watch) => run({ type: "check", file, options }, undefined, watch),
    write: (file, options, writer, watch) => run({ type: "write", file, options }, writer, watch),
  };
}
