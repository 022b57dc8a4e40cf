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

/** Main thread → generate worker. One worker per generation; cancelling terminates it. */
export type GenerateRequest =
  | { type: "generate"; spec: GenerateSpec }
  /** How many bytes the dataset will take, before anything is generated (the quota check). */
  | { type: "estimate"; spec: GenerateSpec }
  /** The chunk before was stored: the worker may send the next (bounded memory on both sides). */
  | { type: "ack" };

/** Generate worker → main thread. */
export type GenerateReply =
  | { type: "progress"; rows: number }
  /** The next `CHUNK_ROWS` records (fewer for the last), encoded, buffers transferred. */
  | { type: "chunk"; chunk: EncodedChunk }
  | { type: "done"; rows: number }
  | { type: "estimated"; bytes: number }
  | { type: "error"; message: string };
