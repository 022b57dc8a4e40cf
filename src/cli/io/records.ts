import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { parseJsonWithPosition, RecordBatches, RejectedRecord } from "../../engine";
import { convertCell, setPath, typeAtPath } from "./datasetSchema";
import { CliError, displayName } from "./files";

/** Bytes read from the data file at a time: large reads keep the per-read cost out of the way. */
const READ_SIZE = 1 << 18;

/**
 * Splits `text` at line breaks as Node's readline does (`\n`, `\r\n` and a lone `\r`), returning the
 * complete lines and the unfinished rest. Unless `final`, a `\r` at the very end waits for the next
 * block, which may start with its `\n`.
 */
function splitLines(text: string, final: boolean): { lines: string[]; rest: string } {
  const lines: string[] = [];
  let start = 0;
  if (!text.includes("\r")) {
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      lines.push(text.slice(start, nl));
      start = nl + 1;
    }
    return { lines, rest: text.slice(start) };
  }
  const end = !final && text.endsWith("\r") ? text.length - 1 : text.length;
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    if (match.index >= end) break;
    lines.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  return { lines, rest: text.slice(start) };
}

/**
 * Lines of a text file, streamed a block at a time: each batch holds the complete lines of one block
 * and the 1-based line number of its first line. A BOM at the start is dropped; a last line without
 * a line break is kept.
 */
async function* lineBatches(
  path: string,
  range?: ByteRange,
): AsyncGenerator<{ lines: string[]; first: number }> {
  const input = createReadStream(path, {
    encoding: "utf8",
    highWaterMark: READ_SIZE,
    ...(range ? { start: range.start, end: range.end - 1 } : {}),
  });
  let rest = "";
  let next = range?.firstLine ?? 1;
  const fromStart = range === undefined || range.start === 0;
  try {
    for await (const block of input as AsyncIterable<string>) {
      const split = splitLines(
        fromStart && next === 1 && rest === "" ? block.replace(/^\uFEFF/, "") : rest + block,
        false,
      );
      rest = split.rest;
      if (split.lines.length === 0) continue;
      yield { lines: split.lines, first: next };
      next += split.lines.length;
    }
  } catch (error) {
    throw new CliError(`${displayName(path)}:1:1: cannot read the data (${(error as Error).message}).`);
  }
  const split = splitLines(rest, true);
  if (split.rest !== "") split.lines.push(split.rest);
  if (split.lines.length > 0) yield { lines: split.lines, first: next };
}

function invalidJsonLine(path: string, text: string, line: number): RejectedRecord {
  const parsed = parseJsonWithPosition(text);
  const column = parsed.ok ? 1 : parsed.error.column;
  const reason = parsed.ok ? "invalid JSON" : parsed.error.message;
  return new RejectedRecord([
    {
      code: "data/invalid-json",
      line,
      column,
      message: { en: `${displayName(path)}:${line}:${column}: ${reason}; fix this line.` },
    },
  ]);
}

/**
 * A part of a file that starts at the start of a line: bytes [start, end), whose first line has
 * number `firstLine` in the whole file.
 */
export interface ByteRange {
  start: number;
  end: number;
  firstLine: number;
}

/** JSONL: one record per line, streamed; a malformed line becomes a rejected record, the run goes on. */
async function* readJsonl(path: string, range?: ByteRange): AsyncGenerator<unknown[]> {
  for await (const { lines, first } of lineBatches(path, range)) {
    const records: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      if (text.trim() === "") continue;
      try {
        records.push(JSON.parse(text));
      } catch {
        records.push(invalidJsonLine(path, text, first + i));
      }
    }
    yield records;
  }
}

/** A JSON array of records. Parsed whole: use JSONL for data that should stream. */
async function* readJsonArray(path: string): AsyncGenerator<unknown[]> {
  const text = await readFile(path, "utf8").catch((e: Error) => {
    throw new CliError(`${displayName(path)}:1:1: cannot read the data (${e.message}).`);
  });
  const parsed = parseJsonWithPosition(text);
  if (!parsed.ok) {
    throw new CliError(
      `${displayName(path)}:${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}; fix the JSON.`,
    );
  }
  if (!Array.isArray(parsed.value)) {
    throw new CliError(
      `${displayName(path)}:1:1: a .json dataset must be an array of records; use .jsonl for one record per line.`,
    );
  }
  yield parsed.value as unknown[];
}

function splitRow(text: string): string[] {
  // Most rows have no quotes; only those need the full CSV parser.
  if (!text.includes('"')) return text.split(",");
  const result = Papa.parse<string[]>(text, { header: false });
  return result.data[0] ?? [];
}

/** Physical lines joined into CSV records: a quoted field may hold line breaks. */
async function* csvRows(path: string): AsyncGenerator<{ fields: string[]; line: number }> {
  let pending = "";
  let startLine = 0;
  for await (const { lines, first } of lineBatches(path)) {
    for (const [i, text] of lines.entries()) {
      pending = pending === "" ? text : `${pending}\n${text}`;
      if (startLine === 0) startLine = first + i;
      if ((pending.split('"').length - 1) % 2 === 1) continue;
      if (pending !== "") yield { fields: splitRow(pending), line: startLine };
      pending = "";
      startLine = 0;
    }
  }
  if (pending !== "") yield { fields: splitRow(pending), line: startLine };
}

/**
 * CSV with a header row, streamed. Dotted column names make nested fields (numeric segments make
 * arrays); cells are typed by the dataset schema when given, else inferred. Empty cells leave the
 * field out. A row with the wrong number of cells or a cell of the wrong type becomes a rejected
 * record naming the row, line and column.
 */
async function* readCsv(path: string, schema: unknown): AsyncGenerator<unknown> {
  let header: { name: string; path: string[]; type: ReturnType<typeof typeAtPath> }[] | undefined;
  let row = 0;
  const name = displayName(path);
  for await (const { fields, line } of csvRows(path)) {
    if (!header) {
      header = fields.map((f) => ({
        name: f.trim(),
        path: f.trim().split("."),
        type: typeAtPath(schema, f.trim().split(".")),
      }));
      continue;
    }
    row++;
    if (fields.length !== header.length) {
      const missing = header[fields.length]?.name;
      const detail =
        fields.length < header.length
          ? `; column ${fields.length + 1} "${missing}" and later are missing`
          : "";
      const idAt = header.findIndex((h) => h.name === "id");
      const partial = idAt >= 0 && idAt < fields.length ? { id: fields[idAt] } : undefined;
      yield new RejectedRecord(
        [
          {
            code: "data/csv-row-length",
            line,
            column: Math.min(fields.length, header.length) + 1,
            message: {
              en: `${name}:${line}: row ${row} has ${fields.length} cells but the header has ${header.length}${detail}; fix the row.`,
            },
          },
        ],
        partial,
      );
      continue;
    }
    const record: Record<string, unknown> = {};
    const errors = [];
    for (const [i, column] of header.entries()) {
      const text = fields[i]!;
      if (text === "") continue;
      const converted = convertCell(text, column.type);
      if ("error" in converted) {
        errors.push({
          code: "data/csv-cell",
          line,
          column: i + 1,
          message: {
            en: `${name}:${line}: row ${row}, column ${i + 1} "${column.name}": ${converted.error}; fix the cell.`,
          },
        });
      } else setPath(record, column.path, converted.value);
    }
    yield errors.length > 0 ? new RejectedRecord(errors, record) : record;
  }
}

/** Groups records one by one into arrays, so the pipeline takes them without a promise each. */
async function* batched(records: AsyncIterable<unknown>, size = 1024): AsyncGenerator<unknown[]> {
  let batch: unknown[] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Whether `path` is read as JSONL (one record per line). */
export function isJsonl(path: string): boolean {
  return path.endsWith(".jsonl") || path.endsWith(".ndjson");
}

/**
 * Reads a dataset by its extension: `.json` (array), `.jsonl` (one record per line) or `.csv`. The
 * records are fresh objects, so runs may pass `reuseRecords`.
 */
export function readRecords(path: string, schema?: unknown, range?: ByteRange): RecordBatches {
  if (range) {
    if (!isJsonl(path)) throw new Error("readRecords: only JSONL is read in parts");
    return new RecordBatches(readJsonl(path, range));
  }
  if (isJsonl(path)) return new RecordBatches(readJsonl(path));
  if (path.endsWith(".json")) return new RecordBatches(readJsonArray(path));
  if (path.endsWith(".csv")) return new RecordBatches(batched(readCsv(path, schema)));
  throw new CliError(`${displayName(path)}:1:1: unknown data format; use .json, .jsonl or .csv.`);
}
