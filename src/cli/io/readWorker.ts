/**
 * The read worker of `crw eval` (bundled as dist/cli/read-worker.mjs): reads its part of a JSONL
 * file, admits each record, runs the rules that need no population operator and holds the records in
 * columns, exactly as the main thread does with the first part (readHeldPart), then hands the columns
 * back (their buffers transferred, not copied). See parallelRead.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readHeldPart, RecordBatches, type RunContext } from "../../engine";
import { CliError } from "./files";
import { readRecords } from "./records";
import { estimateLines, lineBreaksBefore } from "./split";
import { loadTarget } from "./target";

/** What the main thread passes in `workerData`. */
export interface ReadWorkerInput {
  target: string;
  paramTexts: Record<string, string>;
  data: string;
  start: number;
  end: number;
  params: Record<string, unknown>;
  ctx: RunContext;
  /** Count the records whose own `as_of` differs from `ctx.as_of` (the date came from the records). */
  countMismatches: boolean;
}

async function main(input: ReadWorkerInput) {
  const target = await loadTarget(input.target, input.paramTexts);
  const firstLine = (await lineBreaksBefore(input.data, input.start)) + 1;
  const records = readRecords(input.data, undefined, { start: input.start, end: input.end, firstLine });
  let mismatches = 0;
  async function* counted(): AsyncGenerator<readonly unknown[]> {
    for await (const batch of records.batches) {
      for (const record of batch) {
        const own =
          record !== null && typeof record === "object" && !Array.isArray(record)
            ? (record as { as_of?: unknown }).as_of
            : undefined;
        if (typeof own === "string" && own !== input.ctx.as_of) mismatches++;
      }
      yield batch;
    }
  }
  const part = await readHeldPart(
    target.prepared,
    input.countMismatches ? new RecordBatches(counted()) : records,
    {
      params: input.params,
      ctx: input.ctx,
      reuseRecords: true,
      expectedRecords: await estimateLines(input.data, input.start, input.end),
    },
  );
  if (part.ok) parentPort!.postMessage({ part: { ok: true, data: part.data }, mismatches }, part.transfer);
  else parentPort!.postMessage({ part, mismatches });
}

main(workerData as ReadWorkerInput).catch((error: unknown) => {
  parentPort!.postMessage({
    error: error instanceof Error ? error.message : String(error),
    exitCode: error instanceof CliError ? error.exitCode : 2,
  });
});
