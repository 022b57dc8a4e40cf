import { CHUNK_ROWS, encodeChunk, type EncodedChunk } from "../storage/columnar";
import { distributor } from "../datasets/distributor.validator.generated.js";
import { importRecords, type ImportContext } from "../datasets/importRecords";
import distributorSchema from "../../../samples/distributor.schema.json";
import type { ImportReply, ImportRequest } from "./datasetImportProtocol";

/** The buffers of an encoded chunk, to transfer instead of copying. */
export function chunkTransferables(chunk: EncodedChunk): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { data } of chunk.columns) {
    for (const array of [
      data.present,
      "nulls" in data ? data.nulls : undefined,
      data.type === "number" || data.type === "boolean" ? data.values : undefined,
      data.type === "string" ? data.codes : undefined,
    ]) {
      if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    }
  }
  return [...buffers];
}

export const importContext: ImportContext = {
  schema: distributorSchema,
  validate: (record) => (distributor(record) ? null : ((distributor.errors ?? []) as never)),
  readSheet: async (file, sheet) => (await import("../datasets/xlsx")).readSheet(file, sheet),
};

/**
 * Chunks a write may have sent and not yet seen stored: 2 lets the worker parse and encode the next
 * chunk while the page writes the last one to IndexedDB, and keeps at most two encoded chunks
 * (a few MB) waiting.
 */
export const CHUNKS_IN_FLIGHT = 2;

/**
 * The worker's side of the acks: `received` counts one, `next` resolves on the next one not yet
 * consumed, so an ack that arrives before the write asks for it is not lost.
 */
export function ackQueue(): { received: () => void; next: () => Promise<void> } {
  let count = 0;
  let waiting: (() => void) | undefined;
  return {
    received() {
      if (!waiting) return void count++;
      const resolve = waiting;
      waiting = undefined;
      resolve();
    },
    next: () =>
      new Promise<void>((resolve) => {
        if (count > 0) {
          count--;
          resolve();
        } else waiting = resolve;
      }),
  };
}

/**
 * Runs one check or write. A write encodes the valid records into chunks of exactly `CHUNK_ROWS`
 * (the last may be shorter) and posts each with its buffers transferred; `acked` resolves on the
 * next `ack` not yet consumed (a chunk stored), and the write waits for one whenever
 * {@link CHUNKS_IN_FLIGHT} are outstanding, so neither side holds more than a chunk or two.
 */
export async function handleImport(
  request: Exclude<ImportRequest, { type: "ack" }>,
  post: (reply: ImportReply, transfer?: Transferable[]) => void,
  acked: () => Promise<void>,
): Promise<void> {
  const progress = (fraction: number, rows: number) => post({ type: "progress", fraction, rows });
  if (request.type === "check") {
    const check = await importRecords(request.file, request.options, importContext, { progress });
    post({ type: "done", check });
    return;
  }
  let pending: unknown[] = [];
  let unacknowledged = 0;
  const send = async (rows: unknown[]) => {
    const chunk = encodeChunk(rows);
    post({ type: "chunk", chunk }, chunkTransferables(chunk));
    unacknowledged++;
    // The next chunk is parsed and encoded while the page stores this one.
    while (unacknowledged >= CHUNKS_IN_FLIGHT) {
      await acked();
      unacknowledged--;
    }
  };
  const check = await importRecords(request.file, request.options, importContext, {
    progress,
    records: async (batch) => {
      pending = pending.length === 0 ? batch : pending.concat(batch);
      while (pending.length >= CHUNK_ROWS) {
        const rows = pending.slice(0, CHUNK_ROWS);
        pending = pending.slice(CHUNK_ROWS);
        await send(rows);
      }
    },
  });
  if (pending.length > 0) await send(pending);
  post({ type: "done", check });
}
