import type { EncodedChunk } from "../storage/columnar";
import type { ImportCheck, ImportOptions } from "../datasets/importRecords";

/** Main thread → import worker. One worker per check or write; cancelling terminates it. */
export type ImportRequest =
  | { type: "check"; file: Blob; options: ImportOptions }
  | { type: "write"; file: Blob; options: ImportOptions }
  /** The chunk before was stored: the worker may send the next (bounded memory on both sides). */
  | { type: "ack" };

/** Import worker → main thread. */
export type ImportReply =
  | { type: "progress"; fraction: number; rows: number }
  /** A chunk of valid records, encoded, its buffers transferred. */
  | { type: "chunk"; chunk: EncodedChunk }
  | { type: "done"; check: ImportCheck }
  | { type: "error"; message: string };
