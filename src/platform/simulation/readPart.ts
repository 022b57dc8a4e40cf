import { readHeldPart, RecordBatches, type PreparedPack, type RunContext } from "../../engine";
import type { DatasetRepository } from "../storage/repositories";
import type { PartResult, RowRange } from "./parallelSource";
import { columnarRecordSource } from "./recordSource";

export interface PartOrder {
  datasetId: string;
  paths: string[];
  range: RowRange;
  chunkRows: number;
  params: Record<string, unknown>;
  ctx: RunContext;
  countMismatches: boolean;
}

/**
 * One part of a run's rows, read on another thread exactly as the run's own thread reads its part
 * (`readHeldPart`: each record admitted, its early rules run, held in columns), with the content
 * hash of each chunk and the records whose `as_of` differs from the run's. The columns' buffers are
 * listed in `transfer`, so they move to the run's thread without a copy.
 */
export async function readPart(
  repo: Pick<DatasetRepository, "columns">,
  prepared: PreparedPack,
  order: PartOrder,
): Promise<{ result: PartResult; transfer: ArrayBuffer[] }> {
  const source = columnarRecordSource(repo, order.datasetId, order.paths, order.range, order.chunkRows);
  let mismatches = 0;
  async function* batches(): AsyncGenerator<readonly unknown[]> {
    for await (const records of source.chunks(order.chunkRows)) {
      if (order.countMismatches)
        for (const record of records) {
          const own = (record as { as_of?: unknown }).as_of;
          if (typeof own === "string" && own !== order.ctx.as_of) mismatches++;
        }
      yield records;
    }
  }
  const part = await readHeldPart(prepared, new RecordBatches(batches()), {
    params: order.params,
    ctx: order.ctx,
    reuseRecords: true,
    expectedRecords: order.range.count,
  });
  if (!part.ok)
    return {
      result: { ok: false, index: order.range.start + part.index, record: part.record },
      transfer: [],
    };
  return {
    result: { ok: true, data: part.data, hashes: source.chunkHashes!(), mismatches },
    transfer: part.transfer,
  };
}
