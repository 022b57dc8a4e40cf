import type { EncodedChunk } from "../storage/columnar";
import type { Industry } from "../../generator";

/** The most records one generation may ask for (the simulation's largest target is a million). */
export const MAX_GENERATED = 5_000_000;

/** What `Data: Generate Synthetic Dataset…` asks for: the options `npm run samples` takes. */
export interface GenerateSpec {
  count: number;
  /** 0…4294967295, as `--seed`. */
  seed: number;
  /** An industry preset of the generator, or the mix of all three (the CLI's default). */
  industry: Industry | "mixed";
  /** Evaluation date `YYYY-MM-DD` (the CLI's `--as-of`, default 2024-12-31). */
  asOf: string;
  /** Region mix as the CLI's `--regions` text (`华东=40,华南=10`); absent or blank: default shares. */
  regions?: string;
}

/**
 * The share of a generation one worker does: chunks `index`, `index + of`, `index + 2·of`, … of
 * `chunkRows` rows each. Record i depends only on the seed and i, so the workers' chunks put in order
 * are the records one worker would have made.
 */
export interface GeneratePart {
  index: number;
  of: number;
  chunkRows: number;
}

/** Main thread → generate worker. Several workers per generation; cancelling terminates them all. */
export type GenerateRequest =
  | { type: "generate"; spec: GenerateSpec; part?: GeneratePart }
  /** How many bytes the dataset will take, before anything is generated (the quota check). */
  | { type: "estimate"; spec: GenerateSpec }
  /** The chunk before was stored: the worker may send the next (bounded memory on both sides). */
  | { type: "ack" };

/** Generate worker → main thread. */
export type GenerateReply =
  /** Records this worker has generated so far. */
  | { type: "progress"; rows: number }
  /** Chunk `index` of the dataset (`chunkRows` records, fewer for the last), encoded, buffers transferred. */
  | { type: "chunk"; index: number; chunk: EncodedChunk }
  /** This worker's share is generated and acknowledged: `rows` records in all. */
  | { type: "done"; rows: number }
  | { type: "estimated"; bytes: number }
  | { type: "error"; message: string };
