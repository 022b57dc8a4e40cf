/**
 * A CSV cell per RFC 4180, safe to open in a spreadsheet: a text starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return is prefixed with `'` so it is never read as a formula (OWASP CSV
 * injection). Finite numbers and booleans are written as they are, non-finite numbers and missing
 * values as an empty cell, other values as JSON. Every CSV the workbench writes (datasets, results)
 * uses it.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
