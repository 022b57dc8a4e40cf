import type { LocalizedText } from "../../base";
import distributorSchema from "../../../samples/distributor.schema.json";
import { datasetId } from "../datasets/importDataset";
import { checkStorageRoom, StorageFullError, type StorageManagerLike } from "../storage/quota";
import type { DatasetMeta } from "../storage/records";
import type { DatasetRepository, DatasetWriter } from "../storage/repositories";
import { CHUNK_ROWS, type EncodedChunk } from "../storage/columnar";
import type { GenerateReply, GenerateRequest, GenerateSpec } from "./generateProtocol";

export interface GenerateWatch {
  /** Records generated so far. */
  progress?(rows: number): void;
  /** Aborting terminates the worker; the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** Synthetic datasets generated in a worker, chunk by chunk, into a writer. */
export interface DatasetGenerateService {
  /**
   * Generates `spec.count` records and appends them to `writer`. Does not commit or abort the
   * writer: the caller does, so a failure or a cancel leaves nothing.
   */
  generate(spec: GenerateSpec, writer: DatasetWriter, watch?: GenerateWatch): Promise<number>;
  /** Bytes the dataset will take in storage (see `estimateGeneratedBytes`), computed in the worker. */
  estimate(spec: GenerateSpec): Promise<number>;
}

/** The Worker surface used, so tests can run the handler in this thread. */
export interface GenerateWorkerLike {
  postMessage(message: GenerateRequest): void;
  onmessage: ((event: MessageEvent<GenerateReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const abortError = () => new DOMException("The generation was cancelled", "AbortError");

/** How a generation is split: workers side by side, each making whole chunks of `chunkRows` rows. */
export interface GenerateSplit {
  /** Workers started for one generation (never more than it has chunks); the machine's cores by default. */
  workers?: number;
  chunkRows?: number;
}

/** One worker per core, up to eight (more only adds memory: the main thread stores one chunk at a time). */
const defaultWorkers = () => Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency || 1));

export function createDatasetGenerateService(
  start: () => GenerateWorkerLike = () =>
    new Worker(new URL("./generate.worker.ts", import.meta.url), {
      type: "module",
      name: "crw:dataset-generate",
    }),
  { workers = defaultWorkers(), chunkRows = CHUNK_ROWS }: GenerateSplit = {},
): DatasetGenerateService {
  return {
    estimate: (spec) =>
      new Promise<number>((resolve, reject) => {
        const worker = start();
        worker.onmessage = (event) => {
          const reply = event.data;
          if (reply.type !== "estimated" && reply.type !== "error") return;
          worker.terminate();
          if (reply.type === "estimated") resolve(reply.bytes);
          else reject(new Error(reply.message));
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message || "The generate worker failed"));
        };
        worker.postMessage({ type: "estimate", spec });
      }),
    generate: (spec, writer, watch = {}) =>
      new Promise<number>((resolve, reject) => {
        if (watch.signal?.aborted) return reject(abortError());
        const chunks = Math.ceil(spec.count / chunkRows);
        const parts = Math.max(1, Math.min(workers, chunks));
        const pool = Array.from({ length: parts }, () => start());
        let settled = false;
        const finish = (error: unknown, rows?: number) => {
          if (settled) return;
          settled = true;
          for (const worker of pool) worker.terminate();
          watch.signal?.removeEventListener("abort", onAbort);
          if (rows !== undefined) resolve(rows);
          else
            reject(
              error instanceof Error || error instanceof DOMException ? error : new Error(String(error)),
            );
        };
        const onAbort = () => finish(abortError());
        watch.signal?.addEventListener("abort", onAbort);
        // Chunks arrive from the workers in any order and are stored in dataset order, one after the
        // other, each acknowledged to its worker once stored (a worker waits for that before the next).
        const arrived = new Map<number, { chunk: EncodedChunk; worker: GenerateWorkerLike }>();
        let nextToStore = 0;
        let stored: Promise<void> = Promise.resolve();
        const storeInOrder = (): Promise<void> => {
          const next = arrived.get(nextToStore);
          if (next === undefined || settled) return Promise.resolve();
          arrived.delete(nextToStore);
          nextToStore++;
          return writer.appendChunk(next.chunk).then(() => {
            if (settled) return;
            next.worker.postMessage({ type: "ack" });
            return storeInOrder();
          });
        };
        const generated = new Array<number>(parts).fill(0);
        let finished = 0;
        let rows = 0;
        pool.forEach((worker, index) => {
          worker.onmessage = (event) => {
            const reply = event.data;
            if (settled) return;
            switch (reply.type) {
              case "progress":
                generated[index] = reply.rows;
                watch.progress?.(generated.reduce((sum, n) => sum + n, 0));
                return;
              case "chunk":
                arrived.set(reply.index, { chunk: reply.chunk, worker });
                stored = stored.then(storeInOrder).catch((error: unknown) => finish(error));
                return;
              case "done":
                rows += reply.rows;
                if (++finished === parts) void stored.then(() => finish(undefined, rows));
                return;
              case "error":
                finish(new Error(reply.message));
                return;
              case "estimated":
                return;
            }
          };
          worker.onerror = (event) => finish(new Error(event.message || "The generate worker failed"));
          worker.postMessage({ type: "generate", spec, part: { index, of: parts, chunkRows } });
        });
      }),
  };
}

const distributorTitle: LocalizedText = {
  en: distributorSchema.title,
  "zh-CN": distributorSchema["x-title-zh-CN"],
};

/** The command line that writes the same records (shown in the dialog, kept as the dataset's source). */
export function samplesCommand(spec: GenerateSpec): string {
  const industry = spec.industry === "mixed" ? "" : ` --industry ${spec.industry}`;
  const asOf = spec.asOf === "2024-12-31" ? "" : ` --as-of ${spec.asOf}`;
  const mix = spec.regions?.replace(/\s+/g, "") ?? "";
  const regions = mix === "" ? "" : ` --regions ${mix}`;
  return `npm run samples -- --count ${spec.count} --seed ${spec.seed}${industry}${asOf}${regions} --out data.jsonl`;
}

/** The name a generated dataset gets unless the user types another. */
export function generatedName(spec: Pick<GenerateSpec, "count" | "seed" | "industry">): string {
  return `synthetic-${spec.count}-seed-${spec.seed}${spec.industry === "mixed" ? "" : `-${spec.industry}`}`;
}

/**
 * Generates a dataset and stores it: refused up front (`StorageFullError`) when its estimated size
 * does not fit the free quota; otherwise a writer from the repository, the worker's chunks into it,
 * then commit. Any failure (a `QuotaExceededError` halfway included) or a cancel aborts the writer,
 * so no partial dataset and no orphan chunk is left.
 */
export async function writeGeneratedDataset(
  datasets: Pick<DatasetRepository, "begin" | "list">,
  service: DatasetGenerateService,
  input: { spec: GenerateSpec; name: string },
  watch: GenerateWatch = {},
  options: { now?: () => Date; storage?: StorageManagerLike } = {},
): Promise<DatasetMeta> {
  const now = options.now ?? (() => new Date());
  const room = await checkStorageRoom(await service.estimate(input.spec), options.storage);
  if (!room.fits) throw new StorageFullError(room.needed, room.free);
  const taken = new Set((await datasets.list()).map((d) => d.id));
  const meta: Omit<DatasetMeta, "rowCount"> = {
    id: datasetId(input.name, taken),
    name: input.name,
    sourceFile: samplesCommand(input.spec),
    createdAt: now().toISOString(),
    title: distributorTitle,
    schema: distributorSchema,
  };
  const writer = await datasets.begin(meta);
  if (!writer) throw new Error(`A dataset "${meta.id}" is being written by another tab; try again.`);
  try {
    watch.signal?.throwIfAborted();
    await service.generate(input.spec, writer, watch);
    watch.signal?.throwIfAborted();
    return await writer.commit();
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}
