import { errorsByIndex, resultAt, resultLine, type RunTable } from "../../engine";

/** A run's results as `crw eval` writes them: one line per record, each ending in a newline. */
export function resultsJsonl(table: RunTable): string[] {
  const errors = errorsByIndex(table);
  const parts: string[] = [];
  for (let i = 0; i < table.count; i++) parts.push(resultLine(resultAt(table, i, errors.get(i))) + "\n");
  return parts;
}

/**
 * A CSV cell per RFC 4180, safe to open in a spreadsheet: a text starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with `'` so it is never read as a formula (OWASP CSV
 * injection). Numbers and booleans are written as they are.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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
