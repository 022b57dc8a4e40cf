import { getBit } from "../storage/columnar";
import type { ProjectedColumn } from "../storage/projection";

/**
 * Sort and filter over projected columns, answering with the order of the rows that pass: a
 * `Uint32Array` of row numbers, which the viewer receives by transfer from the query worker. The
 * columns arrive as a projection (`DatasetRepository.columns`), so 1,000,000 rows cost one typed
 * array per column and no record objects.
 */

/** A filter on one column: text that a cell contains, a number range, or a choice of values. */
export type ColumnFilter =
  | { kind: "text"; contains: string }
  | { kind: "range"; min?: number; max?: number }
  | { kind: "values"; values: string[] };

export type SortDirection = "ascending" | "descending";

export interface RowQuery {
  sort?: { path: string; direction: SortDirection };
  /** By dotted path; every filter must pass. */
  filters: Record<string, ColumnFilter>;
}

/** True when the query keeps every row in stored order, so no order needs to be computed. */
export function isIdentityQuery(query: RowQuery): boolean {
  return !query.sort && Object.keys(query.filters).length === 0;
}

/** The paths whose columns a query reads. */
export function queryPaths(query: RowQuery): string[] {
  const paths = new Set(Object.keys(query.filters));
  if (query.sort) paths.add(query.sort.path);
  return [...paths];
}

/** How a value reads as text for a text or value filter (missing is empty, objects as JSON). */
export function valueText(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return typeof value;
}

function isMissing(column: ProjectedColumn, row: number): boolean {
  if (column.type === "mixed") return column.values[row] === undefined;
  return column.present !== undefined && !getBit(column.present, row);
}

function isNull(column: ProjectedColumn, row: number): boolean {
  if (column.type === "mixed") return column.values[row] === null;
  if (column.type === "null") return true;
  return column.nulls !== undefined && getBit(column.nulls, row);
}

/** A test for one row of one column; built once per query so the row loop does no setup. */
function rowTest(column: ProjectedColumn, filter: ColumnFilter): (row: number) => boolean {
  const present = (row: number) => !isMissing(column, row) && !isNull(column, row);
  if (filter.kind === "range") {
    const min = filter.min ?? -Infinity;
    const max = filter.max ?? Infinity;
    if (column.type === "number") {
      const values = column.values;
      return (row) => present(row) && values[row]! >= min && values[row]! <= max;
    }
    if (column.type === "mixed") {
      const values = column.values;
      return (row) => typeof values[row] === "number" && values[row] >= min && values[row] <= max;
    }
    return () => false;
  }
  // Text and value filters decide once per dictionary entry for string columns.
  const matches =
    filter.kind === "text"
      ? (
          (needle: string) => (text: string) =>
            text.toLocaleLowerCase().includes(needle)
        )(filter.contains.toLocaleLowerCase())
      : (
          (chosen: Set<string>) => (text: string) =>
            chosen.has(text)
        )(new Set(filter.values));
  if (column.type === "string") {
    const byCode = Uint8Array.from(column.dictionary, (entry) => (matches(entry) ? 1 : 0));
    const codes = column.codes;
    return (row) => present(row) && byCode[codes[row]!] === 1;
  }
  if (column.type === "boolean") {
    const yes = matches("true");
    const no = matches("false");
    const values = column.values;
    return (row) => present(row) && (getBit(values, row) ? yes : no);
  }
  if (column.type === "number") {
    const values = column.values;
    return (row) => present(row) && matches(String(values[row]));
  }
  if (column.type === "null") return () => false;
  const values = column.values;
  return (row) => values[row] !== undefined && values[row] !== null && matches(valueText(values[row]));
}

/**
 * A sort key per row: numbers sort by value, strings by their rank in the locale's collation,
 * booleans false before true. Missing and null rows get NaN and go last in either direction.
 */
function sortKeys(column: ProjectedColumn, rows: number, locale: string): Float64Array {
  const keys = new Float64Array(rows);
  if (column.type === "number") keys.set(column.values.subarray(0, rows));
  else if (column.type === "string") {
    const collator = new Intl.Collator(locale, { numeric: true });
    const sorted = column.dictionary
      .map((_, i) => i)
      .sort((a, b) => collator.compare(column.dictionary[a]!, column.dictionary[b]!));
    const rank = new Float64Array(column.dictionary.length);
    sorted.forEach((code, position) => (rank[code] = position));
    for (let row = 0; row < rows; row++) keys[row] = rank[column.codes[row]!]!;
  } else if (column.type === "boolean") {
    for (let row = 0; row < rows; row++) keys[row] = getBit(column.values, row) ? 1 : 0;
  } else if (column.type === "mixed") {
    // Numbers first by value, then every other value by its text.
    const collator = new Intl.Collator(locale, { numeric: true });
    const texts = new Map<string, number>();
    for (let row = 0; row < rows; row++) {
      const value = column.values[row];
      if (typeof value !== "number" && value !== undefined && value !== null) texts.set(valueText(value), 0);
    }
    const ordered = [...texts.keys()].sort(collator.compare);
    ordered.forEach((text, i) => texts.set(text, i));
    let maxNumber = -Infinity;
    for (let row = 0; row < rows; row++) {
      const value = column.values[row];
      if (typeof value === "number" && value > maxNumber) maxNumber = value;
    }
    const offset = Number.isFinite(maxNumber) ? maxNumber + 1 : 0;
    for (let row = 0; row < rows; row++) {
      const value = column.values[row];
      keys[row] = typeof value === "number" ? value : offset + (texts.get(valueText(value)) ?? 0);
    }
  }
  for (let row = 0; row < rows; row++) if (isMissing(column, row) || isNull(column, row)) keys[row] = NaN;
  return keys;
}

/**
 * The rows of `rows` that pass every filter, in the query's sort order (stable: equal keys keep
 * stored order). A filter or sort on a path with no column keeps, respectively, no row and the
 * stored order.
 */
export function queryOrder(
  columns: Readonly<Record<string, ProjectedColumn>>,
  rows: number,
  query: RowQuery,
  locale = "en",
): Uint32Array {
  const tests = Object.entries(query.filters).map(([path, filter]) => {
    const column = columns[path];
    return column ? rowTest(column, filter) : () => false;
  });
  let order = new Uint32Array(rows);
  let kept = 0;
  for (let row = 0; row < rows; row++) {
    let pass = true;
    for (const test of tests) {
      if (!test(row)) {
        pass = false;
        break;
      }
    }
    if (pass) order[kept++] = row;
  }
  order = order.slice(0, kept);
  const sortColumn = query.sort && columns[query.sort.path];
  if (!query.sort || !sortColumn) return order;
  return radixOrder(order, sortKeys(sortColumn, rows, locale), query.sort.direction);
}

/**
 * Sorts `order` by `keys[row]` with a stable least-significant-digit radix sort on the doubles' bits
 * (four passes of 16 bits): linear time, a million rows in tens of milliseconds where a comparator
 * sort takes a second. Each key is made an unsigned integer that orders as the double does
 * (`-0` as `0`); descending inverts it, and NaN (missing, null) is the largest either way, so last.
 */
function radixOrder(
  order: Uint32Array<ArrayBuffer>,
  keys: Float64Array,
  direction: SortDirection,
): Uint32Array<ArrayBuffer> {
  const n = order.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  for (let row = 0; row < keys.length; row++) {
    const key = keys[row]!;
    if (key !== key) {
      bits[2 * row] = 0xffffffff;
      bits[2 * row + 1] = 0xffffffff;
      continue;
    }
    keys[row] = key + 0; // -0 becomes 0
    let lo = bits[2 * row]!;
    let hi = bits[2 * row + 1]!;
    if (hi & 0x80000000) {
      hi = ~hi;
      lo = ~lo;
    } else hi |= 0x80000000;
    if (direction === "descending") {
      hi = ~hi;
      lo = ~lo;
    }
    bits[2 * row] = lo >>> 0;
    bits[2 * row + 1] = hi >>> 0;
  }
  // Little-endian hosts (every browser and Node in use) keep the low word first.
  let from = order;
  let to: Uint32Array<ArrayBuffer> = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(bits[2 * from[i]! + word]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const row = from[i]!;
      to[counts[(bits[2 * row + word]! >>> shift) & 0xffff]!++] = row;
    }
    [from, to] = [to, from];
  }
  return from;
}
