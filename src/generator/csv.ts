/**
 * CSV encoding of records. Nested objects become dotted column names (`sales.net_ytd`) and arrays become
 * indexed columns (`sales.q_yoy.0` … `sales.q_yoy.3`, `loyalty.lots.0.remaining`), which is what the
 * `crw` CSV reader turns back into nested objects and arrays. Every record of a dataset has the same
 * shape (fixed-length arrays, keys in the same order), so one header fits all rows and a row is just
 * the record's leaves in order.
 */

/** A flat row: column name → scalar. */
export type FlatRow = Record<string, string | number | boolean>;

/** Flattens a record into dotted / indexed columns, in the record's key order. */
export function flattenRecord(value: unknown, prefix = "", out: FlatRow = {}): FlatRow {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flattenRecord(item, prefix === "" ? String(i) : `${prefix}.${i}`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      flattenRecord(item, prefix === "" ? key : `${prefix}.${key}`, out);
    }
  } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    out[prefix] = value;
  } else {
    throw new Error(`cannot encode ${String(value)} at ${prefix} as CSV`);
  }
  return out;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a cell when RFC 4180 requires it. */
function cell(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Appends the leaves of `value` in key order (no column names: the fast path for rows). */
function leaves(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, out);
  } else if (value !== null && typeof value === "object") {
    for (const key in value) leaves((value as Record<string, unknown>)[key], out);
  } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    out.push(cell(value));
  } else {
    throw new Error(`cannot encode ${String(value)} as CSV`);
  }
}

/** The column names for records shaped like `sample`. */
export function csvHeader(sample: unknown): string[] {
  return Object.keys(flattenRecord(sample));
}

/** Joins header cells into a line (without a line break). */
export function csvHeaderLine(columns: readonly string[]): string {
  return columns.map(cell).join(",");
}

/**
 * One CSV line (without a line break). `columns` is the header of the dataset; a record whose shape
 * differs from it (another number of leaves) is rejected rather than written misaligned.
 */
export function csvLine(record: unknown, columns: readonly string[]): string {
  const cells: string[] = [];
  leaves(record, cells);
  if (cells.length !== columns.length) {
    throw new Error(`record has ${cells.length} fields, the header has ${columns.length}`);
  }
  return cells.join(",");
}
