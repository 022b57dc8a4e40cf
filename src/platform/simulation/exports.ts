import { errorsByIndex, resultAt, resultLine, type RunTable } from "../../engine";
import { csvCell } from "../files/csv";

/** A run's results as `crw eval` writes them: one line per record, each ending in a newline. */
export function resultsJsonl(table: RunTable): string[] {
  const errors = errorsByIndex(table);
  const parts: string[] = [];
  for (let i = 0; i < table.count; i++) parts.push(resultLine(resultAt(table, i, errors.get(i))) + "\n");
  return parts;
}

export { csvCell };

/**
 * A run's results as a flat table: `id`, the report's record fields (name, region, …), every
 * `out.<id>` and `pop.<name>`, and the record's errors (`rule: message`, `; `-separated). UTF-8 with a
 * byte order mark so spreadsheet programs read Chinese text correctly; lines end in CRLF.
 */
export function resultsCsv(table: RunTable, fieldPaths: readonly string[]): string[] {
  const errors = errorsByIndex(table);
  const header = [
    "id",
    ...fieldPaths,
    ...table.outKeys.map((k) => `out.${k}`),
    ...table.popKeys.map((k) => `pop.${k}`),
    "errors",
  ];
  const parts = ["\uFEFF" + header.map(csvCell).join(",") + "\r\n"];
  for (let i = 0; i < table.count; i++) {
    const row: unknown[] = [table.ids[i]];
    for (const p of fieldPaths) row.push(table.fields[p]?.[i]);
    for (const k of table.outKeys) row.push(table.out[k]![i]);
    for (const k of table.popKeys) row.push(table.pop[k]![i]);
    row.push(
      (errors.get(i) ?? []).map((e) => (e.rule ? `${e.rule}: ${e.message.en}` : e.message.en)).join("; "),
    );
    parts.push(row.map(csvCell).join(",") + "\r\n");
  }
  return parts;
}
