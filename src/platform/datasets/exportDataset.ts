import { CHUNK_ROWS } from "../storage/columnar";
import type { DatasetRepository } from "../storage/repositories";
import { csvCell } from "../files/csv";

/**
 * `Data: Export Dataset`: a stored dataset as CSV or JSONL, read a chunk at a time into the parts of
 * a Blob (the browser keeps them off the JavaScript heap).
 *
 * CSV: UTF-8 with a BOM so Excel opens Chinese text correctly; a header of dotted paths
 * (`sales.q_yoy.0`), the layout `crw eval` and the import read back; empty cells for missing values
 * and null. A text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV injection);
 * numbers are written as numbers, negative ones too.
 */

export type ExportFormat = "csv" | "jsonl";

export { csvCell };

function valueAt(record: unknown, path: readonly (string | number)[]): unknown {
  let node = record;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

export async function exportDataset(
  datasets: Pick<DatasetRepository, "describe" | "records">,
  id: string,
  format: ExportFormat,
  progress?: (rows: number) => void,
): Promise<{ parts: BlobPart[]; rows: number }> {
  const description = await datasets.describe(id);
  if (!description) return { parts: [], rows: 0 };
  const parts: BlobPart[] = [];
  const columns = description.columns.filter((c) => c.path.length > 0);
  if (format === "csv") parts.push("\uFEFF" + columns.map((c) => csvCell(c.dotted)).join(",") + "\r\n");
  for (let start = 0; start < description.rowCount; start += CHUNK_ROWS) {
    const records = await datasets.records(id, { start, count: CHUNK_ROWS });
    let text = "";
    for (const record of records) {
      text +=
        format === "jsonl"
          ? JSON.stringify(record) + "\n"
          : columns.map((c) => csvCell(valueAt(record, c.path))).join(",") + "\r\n";
    }
    parts.push(text);
    progress?.(start + records.length);
  }
  return { parts, rows: description.rowCount };
}
