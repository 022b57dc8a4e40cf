import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import Papa from "papaparse";
import { parseJsonWithPosition, RejectedRecord } from "../../engine";
import { convertCell, setPath, typeAtPath } from "./datasetSchema";
import { CliError, displayName } from "./files";

/** Lines of a text file, streamed; each with its 1-based line number. */
async function* lines(path: string): AsyncGenerator<{ text: string; line: number }> {
  const input = createReadStream(path, { encoding: "utf8" });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of reader) {
      line++;
      yield { text: line === 1 ? text.replace(/^\uFEFF/, "") : text, line };
    }
  } catch (error) {
    throw new CliError(`${displayName(path)}:1:1: cannot read the data (${(error as Error).message}).`);
  }
}

/** JSONL: one record per line, streamed; a malformed line becomes a rejected record, the run goes on. */
async function* readJsonl(path: string): AsyncGenerator<unknown> {
  for await (const { text, line } of lines(path)) {
    if (text.trim() === "") continue;
    try {
      yield JSON.parse(text);
    } catch {
      const parsed = parseJsonWithPosition(text);
      const column = parsed.ok ? 1 : parsed.error.column;
      const reason = parsed.ok ? "invalid JSON" : parsed.error.message;
      yield new RejectedRecord([
        {
          code: "data/invalid-json",
          line,
          column,
          message: { en: `${displayName(path)}:${line}:${column}: ${reason}; fix this line.` },
        },
      ]);
    }
  }
}

/** A JSON array of records. Parsed whole: use JSONL for data that should stream. */
async function* readJsonArray(path: string): AsyncGenerator<unknown> {
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
  yield* parsed.value;
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
  for await (const { text, line } of lines(path)) {
    pending = pending === "" ? text : `${pending}\n${text}`;
    if (startLine === 0) startLine = line;
    if ((pending.split('"').length - 1) % 2 === 1) continue;
    if (pending !== "") yield { fields: splitRow(pending), line: startLine };
    pending = "";
    startLine = 0;
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

/** Reads a dataset by its extension: `.json` (array), `.jsonl` (one record per line) or `.csv`. */
export function readRecords(path: string, schema?: unknown): AsyncIterable<unknown> {
  if (path.endsWith(".jsonl") || path.endsWith(".ndjson")) return readJsonl(path);
  if (path.endsWith(".json")) return readJsonArray(path);
  if (path.endsWith(".csv")) return readCsv(path, schema);
  throw new CliError(`${displayName(path)}:1:1: unknown data format; use .json, .jsonl or .csv.`);
}
