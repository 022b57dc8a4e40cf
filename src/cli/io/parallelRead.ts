/**
 * `crw eval` on two cores: for a JSONL file and a pack whose held records go into columns (it has
 * population operators and only static reads), the main thread reads the first half of the file and
 * a worker thread (readWorker.ts) the second, both admitting records, running the early rules and
 * holding the records in columns; the worker's columns are appended after the main thread's
 * (runPack's `append`) before the population passes. The output is the single-threaded output byte
 * for byte: the records, their order, line numbers in messages and the first refused record are the
 * same (tests/cli check it).
 *
 * The worker is the bundle dist/cli/read-worker.mjs beside crw.mjs; run from the sources (tsx) there
 * is none, and `crw eval` reads on one thread.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  DatasetError,
  holdsInColumns,
  recordProblem,
  type HeldData,
  type HeldPart,
  type PreparedPack,
} from "../../engine";
import { CliError } from "./files";
import type { ReadWorkerInput } from "./readWorker";
import { isJsonl } from "./records";
import { lineStartAfter } from "./split";

/** On a one-core machine, below this size one thread is as fast even when asked for two. */
export const SPLIT_MIN_BYTES = 8 << 20;

const workerScript = new URL("./read-worker.mjs", import.meta.url);

/**
 * Where to split `data` for a worker, or undefined to read on one thread. `threads` is the hidden
 * `--threads` option: 2 splits whenever the format and pack allow. Without it (or with 1) one thread
 * reads: measured on the shared 2-core machine (1M records, load ~16), the worker cost 340 MB more
 * peak RSS (its own heap, and both parts' columns during the append) and was no faster, so it is
 * opt-in until it is measured faster on an idle machine.
 */
export async function splitPoint(
  data: string,
  pack: PreparedPack,
  threads: number | undefined,
): Promise<number | undefined> {
  if (threads !== 2 || !isJsonl(data) || !holdsInColumns(pack) || !existsSync(workerScript)) return undefined;
  const { size } = await stat(data);
  if (size < SPLIT_MIN_BYTES && availableParallelism() < 2) return undefined;
  const at = await lineStartAfter(data, Math.floor(size / 2));
  return at !== undefined && at > 0 && at < size ? at : undefined;
}

interface WorkerReply {
  part?: { ok: true; data: HeldData } | Extract<HeldPart, { ok: false }>;
  mismatches?: number;
  error?: string;
  exitCode?: 1 | 2;
}

/** A worker reading bytes [start, size) of `data`; `append` is runPack's option. */
export interface ReadWorker {
  append(count: number): Promise<HeldData>;
  /** Records of the worker's part whose `as_of` differs from the run's (after `append`). */
  mismatches(): number;
  stop(): Promise<void>;
}

export function startReadWorker(
  input: Omit<ReadWorkerInput, "end" | "countMismatches"> & { size: number; fromRecords: boolean },
): ReadWorker {
  const { size, fromRecords, ...rest } = input;
  const workerData: ReadWorkerInput = { ...rest, end: size, countMismatches: fromRecords };
  const worker = new Worker(workerScript, { workerData });
  let mismatches = 0;
  const reply = new Promise<WorkerReply>((resolve, reject) => {
    worker.once("message", (message: WorkerReply) => resolve(message));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the read worker stopped (exit code ${code})`)));
  });
  // The main thread may fail before it asks; the reply must not become an unhandled rejection.
  reply.catch(() => undefined);
  return {
    async append(count) {
      const message = await reply;
      if (message.error !== undefined) throw new CliError(message.error, message.exitCode ?? 2);
      mismatches = message.mismatches ?? 0;
      const part = message.part!;
      if (!part.ok) {
        const index = count + part.index;
        throw new DatasetError(index, recordProblem(part.record, index)!);
      }
      return part.data;
    },
    mismatches: () => mismatches,
    stop: async () => {
      await worker.terminate();
    },
  };
}
