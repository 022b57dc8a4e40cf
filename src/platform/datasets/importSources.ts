import type { LocalizedText } from "../../base";
import { CsvParser } from "./csvParser";
import type { CellValue } from "./schemaPaths";
import { readText, type TextEncodingName } from "./textInput";

/** The row sources of the import: CSV, JSONL and JSON text read a block at a time. */

export type Row =
  | { line: number; cells: (CellValue | null)[] }
  | { line: number; record: unknown }
  | { line: number; problem: LocalizedText };

export interface Batch {
  rows: Row[];
  fraction: number;
}

export const t = (en: string, zh: string): LocalizedText => ({ en, "zh-CN": zh });

export class Fatal extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException("The import was cancelled", "AbortError");
}

// --- sources --------------------------------------------------------------------------------------

export async function* csvSource(file: Blob, encoding: TextEncodingName): AsyncGenerator<Batch> {
  const parser = new CsvParser();
  for await (const { text, bytesRead } of readText(file, encoding)) {
    yield {
      rows: parser.push(text).map((r) => ({ line: r.line, cells: r.fields })),
      fraction: bytesRead / (file.size || 1),
    };
  }
  if (parser.unterminatedQuote) {
    throw new Fatal(
      t(
        "A quoted field is never closed: the file ends inside quotes.",
        "有带引号的字段没有闭合：文件在引号内结束。",
      ),
    );
  }
  yield { rows: parser.end().map((r) => ({ line: r.line, cells: r.fields })), fraction: 1 };
}

export async function* jsonlSource(file: Blob, encoding: TextEncodingName): AsyncGenerator<Batch> {
  let rest = "";
  let line = 1;
  const lines = function* (text: string, final: boolean): Generator<Row> {
    const parts = text.split(/\r\n|\n|\r/);
    rest = final ? "" : parts.pop()!;
    for (const part of parts) {
      const at = line++;
      if (part.trim() === "") continue;
      try {
        yield { line: at, record: JSON.parse(part) as unknown };
      } catch (error) {
        yield {
          line: at,
          problem: t(
            `Not valid JSON: ${(error as Error).message}`,
            `不是有效的 JSON：${(error as Error).message}`,
          ),
        };
      }
    }
  };
  for await (const { text, bytesRead } of readText(file, encoding)) {
    yield { rows: [...lines(rest + text, false)], fraction: bytesRead / (file.size || 1) };
  }
  yield { rows: [...lines(rest, true)], fraction: 1 };
}

/** The 1-based line each top-level element of a JSON array starts on. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (depth === 1 && expectValue && c !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 1) expectValue = true;
  }
  return lines;
}

export async function* jsonSource(file: Blob, encoding: TextEncodingName): AsyncGenerator<Batch> {
  let text = "";
  for await (const block of readText(file, encoding)) text += block.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Fatal(
      t(`Not valid JSON: ${(error as Error).message}`, `不是有效的 JSON：${(error as Error).message}`),
    );
  }
  if (!Array.isArray(parsed)) {
    throw new Fatal(
      t(
        "A .json dataset must be an array of records ([{…}, {…}]); use .jsonl for one record per line.",
        ".json 数据集必须是记录数组（[{…}, {…}]）；每行一条记录请用 .jsonl。",
      ),
    );
  }
  const lines = elementLines(text);
  text = "";
  const records = parsed as unknown[];
  for (let start = 0; start < records.length; start += 4096) {
    const rows = records
      .slice(start, start + 4096)
      .map((record, i) => ({ line: lines[start + i] ?? 1, record }));
    yield { rows, fraction: Math.min(1, (start + rows.length) / records.length) };
  }
}
