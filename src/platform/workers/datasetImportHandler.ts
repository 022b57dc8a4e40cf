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
 * Runs one check or write. A write encodes the valid records into chunks of exactly `CHUNK_ROWS`
 * (the last may be shorter), posts each with its buffers transferred and waits for `ack` (the chunk
 * is stored) before going on, so neither side holds more than a chunk or two.
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
  const send = async (rows: unknown[]) => {
    const chunk = encodeChunk(rows);
    const wait = acked();
    post({ type: "chunk", chunk }, chunkTransferables(chunk));
    await wait;
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
