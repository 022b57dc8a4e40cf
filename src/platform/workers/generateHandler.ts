import {
  createRecordGenerator,
  INDUSTRIES,
  parseIsoDate,
  parseRegionMix,
  type GeneratorOptions,
} from "../../generator";
import { CHUNK_ROWS, columnBytes, encodeChunk } from "../storage/columnar";
import { chunkTransferables } from "./datasetImportHandler";
import { MAX_GENERATED, type GeneratePart, type GenerateReply, type GenerateSpec } from "./generateProtocol";

/**
 * The generator's options for a spec, derived exactly as `npm run samples` derives them from its
 * arguments (ids as wide as the count, at least 4 digits), so the same count and seed give the same
 * records in the browser and on the command line.
 */
export function generatorOptionsFor(spec: GenerateSpec): GeneratorOptions {
  return {
    seed: spec.seed,
    asOf: spec.asOf,
    industry: spec.industry,
    idWidth: Math.max(4, String(spec.count).length),
    ...(spec.regions?.trim() ? { regionMix: parseRegionMix(spec.regions) } : {}),
  };
}

/** Why a spec cannot run (English; the dialog checks the same in the UI language first), or undefined. */
export function specProblem(spec: GenerateSpec): string | undefined {
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_GENERATED)
    return `The count must be a whole number from 1 to ${MAX_GENERATED}.`;
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff)
    return "The seed must be a whole number from 0 to 4294967295.";
  if (spec.industry !== "mixed" && !INDUSTRIES.includes(spec.industry))
    return `Unknown industry preset "${String(spec.industry)}".`;
  try {
    parseIsoDate(spec.asOf);
  } catch (error) {
    return `The evaluation date: ${(error as Error).message}`;
  }
  try {
    if (spec.regions?.trim()) parseRegionMix(spec.regions);
  } catch (error) {
    return `The region mix: ${(error as Error).message}`;
  }
  return undefined;
}

/** Records sampled to estimate what a generated dataset takes on disk. */
const SAMPLE = 512;

/**
 * Bytes a generated dataset of `spec.count` records will take in storage, from the encoded size of
 * its first records (every record has the same columns, so the size grows with the count), plus a
 * fifth for IndexedDB's own bookkeeping.
 */
export function estimateGeneratedBytes(spec: GenerateSpec): number {
  const sample = Math.min(SAMPLE, spec.count);
  const generate = createRecordGenerator(generatorOptionsFor(spec));
  const records = Array.from({ length: sample }, (_, i) => generate(i));
  const bytes = encodeChunk(records).columns.reduce((sum, c) => sum + columnBytes(c.data), 0);
  return Math.ceil((bytes / sample) * spec.count * 1.2);
}

/** Rows between progress reports inside a chunk, so a small machine still sees the bar move. */
const PROGRESS_EVERY = 2048;

/** The whole generation in one worker. */
const WHOLE: GeneratePart = { index: 0, of: 1, chunkRows: CHUNK_ROWS };

/**
 * Generates this worker's chunks of `spec` (see {@link GeneratePart}) and posts each, encoded, with
 * its buffers transferred. The next chunk is built while the main thread stores the one before, and
 * posted once that one is acknowledged (`acked`: stored), so a worker holds at most two chunks.
 */
export async function handleGenerate(
  spec: GenerateSpec,
  post: (reply: GenerateReply, transfer?: Transferable[]) => void,
  acked: () => Promise<void>,
  part: GeneratePart = WHOLE,
): Promise<void> {
  const problem = specProblem(spec);
  if (problem) throw new Error(problem);
  const { chunkRows } = part;
  const generate = createRecordGenerator(generatorOptionsFor(spec));
  let generated = 0;
  let stored: Promise<void> | undefined;
  for (let index = part.index; index * chunkRows < spec.count; index += part.of) {
    const start = index * chunkRows;
    const end = Math.min(spec.count, start + chunkRows);
    const rows: unknown[] = new Array<unknown>(end - start);
    for (let i = start; i < end; i++) {
      rows[i - start] = generate(i);
      if ((i + 1 - start) % PROGRESS_EVERY === 0 && i + 1 < end)
        post({ type: "progress", rows: generated + i + 1 - start });
    }
    const chunk = encodeChunk(rows);
    await stored;
    stored = acked();
    post({ type: "chunk", index, chunk }, chunkTransferables(chunk));
    generated += end - start;
    post({ type: "progress", rows: generated });
  }
  await stored;
  post({ type: "done", rows: generated });
}
