/**
 * Columnar encoding of dataset records, the layout datasets are stored in since database version 4.
 *
 * Why our own encoding and not Apache Arrow IPC: Arrow's JavaScript library adds about 200 kB
 * (minified) to the bundle and a schema that must be known before the first batch, while records
 * here arrive schema-less (an ERP export, a JSONL file) with columns that appear halfway through and
 * values whose type changes from row to row. What we need of Arrow's layout is small and is all here:
 * a column per leaf path, numbers in `Float64Array` (`Int32Array` when every value is an exact 32-bit
 * integer), booleans and nulls in bitmaps, strings dictionary-encoded, and typed arrays that a worker
 * receives by transfer. IndexedDB stores typed arrays natively (structured clone), so a chunk needs
 * no serialisation step at all. An engineer who wants Arrow gets the data as CSV or JSONL export.
 *
 * The layout, exactly:
 * - A record is flattened into leaves: every path to a value that is not a non-empty plain object or
 *   array. Path segments are object keys (strings) or array indexes (numbers), so `{ a: [1] }` and
 *   `{ a: { "0": 1 } }` are different columns (`["a", 0]` and `["a", "0"]`). Empty objects and arrays
 *   are leaves, so they come back; a record that is not an object is the leaf at the empty path.
 * - A column chunk holds `rows` cells: `present` (a bitmap, omitted when every cell is present) tells
 *   missing (the key was absent) from present; `nulls` (a bitmap, omitted when none) marks `null`.
 *   The other present cells are in `values`/`codes` by the column's type in this chunk. A chunk whose
 *   cells mix types (a number here, a string there, an empty object) keeps them as a plain array,
 *   which IndexedDB clones as it is (so `-0`, `NaN`, big integers as `bigint`, dates survive too).
 * - Numbers are IEEE doubles, so large integers keep exactly the double they were read as, `-0` stays
 *   `-0` (it never goes into an `Int32Array`).
 * - A property whose value is `undefined` is stored as missing (JSON has no `undefined`). Functions
 *   and symbols cannot be stored and throw a `DataCloneError`, as IndexedDB would. Holes of sparse
 *   arrays are not kept.
 */

/** A path segment: an object key, or (a number) an array index. */
export type PathSegment = string | number;
export type ColumnPath = readonly PathSegment[];

/** Rows in one stored chunk (the last chunk of a dataset may hold fewer). */
export const CHUNK_ROWS = 16_384;

/** The stored cells of one column in one chunk; see the module comment. */
export type EncodedColumn =
  | { type: "number"; present?: Uint8Array; nulls?: Uint8Array; values: Float64Array | Int32Array }
  | {
      type: "string";
      present?: Uint8Array;
      nulls?: Uint8Array;
      codes: Uint8Array | Uint16Array | Uint32Array;
      dictionary: string[];
    }
  | { type: "boolean"; present?: Uint8Array; nulls?: Uint8Array; values: Uint8Array }
  | { type: "null"; present?: Uint8Array }
  | { type: "mixed"; present?: Uint8Array; values: unknown[] };

export type ColumnType = EncodedColumn["type"];

/** One chunk of records, as columns. `columns[i].path` names the column, local to this chunk. */
export interface EncodedChunk {
  rows: number;
  columns: { path: ColumnPath; data: EncodedColumn }[];
}

/** The dotted form of a path (`sales.q_yoy.0`), how JSON Logic's `var` and CSV headers name it. */
export function dottedPath(path: ColumnPath): string {
  return path.join(".");
}

// --- bitmaps --------------------------------------------------------------------------------------

export function bitmap(rows: number): Uint8Array {
  return new Uint8Array((rows + 7) >> 3);
}
export function getBit(bits: Uint8Array, i: number): boolean {
  return (bits[i >> 3]! & (1 << (i & 7))) !== 0;
}
export function setBit(bits: Uint8Array, i: number): void {
  bits[i >> 3]! |= 1 << (i & 7);
}

// --- encoding -------------------------------------------------------------------------------------

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function dataCloneError(what: string): Error {
  const message = `${what} could not be stored: functions and symbols cannot be cloned`;
  return typeof DOMException === "function"
    ? new DOMException(message, "DataCloneError")
    : new TypeError(message);
}

/** A trie over paths, so flattening a record costs a map lookup per leaf, not a path string. */
interface PathNode {
  keys?: Map<string, PathNode>;
  indexes?: PathNode[];
  column?: number;
}

/** Collects the cells of one column of a chunk, tracking which types it has seen. */
class ColumnBuilder {
  readonly cells: unknown[];
  numbers = 0;
  strings = 0;
  booleans = 0;
  nulls = 0;
  others = 0;
  present = 0;
  int32 = true;
  constructor(
    readonly path: ColumnPath,
    rows: number,
  ) {
    this.cells = new Array<unknown>(rows);
  }
  add(row: number, value: unknown): void {
    this.cells[row] = value;
    this.present++;
    switch (typeof value) {
      case "number":
        this.numbers++;
        if (this.int32 && ((value | 0) !== value || Object.is(value, -0))) this.int32 = false;
        return;
      case "string":
        this.strings++;
        return;
      case "boolean":
        this.booleans++;
        return;
      default:
        if (value === null) this.nulls++;
        else this.others++;
    }
  }
  finish(rows: number): EncodedColumn {
    const cells = this.cells;
    let present: Uint8Array | undefined;
    if (this.present < rows) {
      present = bitmap(rows);
      for (let i = 0; i < rows; i++) if (cells[i] !== undefined) setBit(present, i);
    }
    const withPresent = <T extends object>(column: T): T => (present ? { ...column, present } : column);
    const nullBits = (): Uint8Array | undefined => {
      if (this.nulls === 0) return undefined;
      const bits = bitmap(rows);
      for (let i = 0; i < rows; i++) if (cells[i] === null) setBit(bits, i);
      return bits;
    };
    const typed = this.present - this.nulls;
    if (this.others === 0 && typed === 0) return withPresent({ type: "null" as const });
    if (this.others === 0 && this.numbers === typed) {
      const values = this.int32 ? new Int32Array(rows) : new Float64Array(rows);
      for (let i = 0; i < rows; i++) {
        const v = cells[i];
        if (typeof v === "number") values[i] = v;
      }
      const nulls = nullBits();
      return withPresent({ type: "number" as const, ...(nulls ? { nulls } : {}), values });
    }
    if (this.others === 0 && this.strings === typed) {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = new Uint32Array(rows);
      for (let i = 0; i < rows; i++) {
        const v = cells[i];
        if (typeof v !== "string") continue;
        let code = index.get(v);
        if (code === undefined) {
          code = dictionary.length;
          index.set(v, code);
          dictionary.push(v);
        }
        codes[i] = code;
      }
      const narrow =
        dictionary.length <= 0x100
          ? Uint8Array.from(codes)
          : dictionary.length <= 0x10000
            ? Uint16Array.from(codes)
            : codes;
      const nulls = nullBits();
      return withPresent({ type: "string" as const, ...(nulls ? { nulls } : {}), codes: narrow, dictionary });
    }
    if (this.others === 0 && this.booleans === typed) {
      const values = bitmap(rows);
      for (let i = 0; i < rows; i++) if (cells[i] === true) setBit(values, i);
      const nulls = nullBits();
      return withPresent({ type: "boolean" as const, ...(nulls ? { nulls } : {}), values });
    }
    return withPresent({ type: "mixed" as const, values: cells.slice(0, rows) });
  }
}

/**
 * Encodes up to {@link CHUNK_ROWS} records (any number works; the repositories cut at that size).
 * Columns are listed in the order their paths first appear, so records come back with their keys in
 * the order of the first record that had them.
 */
export function encodeChunk(records: readonly unknown[]): EncodedChunk {
  const rows = records.length;
  const root: PathNode = {};
  const builders: ColumnBuilder[] = [];
  const path: PathSegment[] = [];
  let row = 0;

  const leaf = (node: PathNode, value: unknown) => {
    let column = node.column;
    if (column === undefined) {
      column = node.column = builders.length;
      builders.push(new ColumnBuilder([...path], rows));
    }
    builders[column]!.add(row, value);
  };
  const visit = (node: PathNode, value: unknown): void => {
    if (value === undefined) return;
    const kind = typeof value;
    if (kind === "function" || kind === "symbol") throw dataCloneError(`Record ${row + 1}`);
    if (kind !== "object" || value === null) return leaf(node, value);
    if (Array.isArray(value)) {
      if (value.length === 0) return leaf(node, []);
      const indexes = (node.indexes ??= []);
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue;
        path.push(i);
        visit((indexes[i] ??= {}), value[i]);
        path.pop();
      }
      return;
    }
    if (!isPlainObject(value)) {
      // A Date, a Map, a typed array, …: stored as it is, as IndexedDB would clone it.
      return leaf(node, structuredClone(value));
    }
    const keys = Object.keys(value);
    let any = false;
    for (const key of keys) {
      const child = value[key];
      if (child === undefined) continue;
      any = true;
      const map = (node.keys ??= new Map<string, PathNode>());
      let next = map.get(key);
      if (next === undefined) map.set(key, (next = {}));
      path.push(key);
      visit(next, child);
      path.pop();
    }
    if (!any) leaf(node, {});
  };

  for (; row < rows; row++) visit(root, records[row]);
  return { rows, columns: builders.map((b) => ({ path: b.path, data: b.finish(rows) })) };
}

// --- decoding -------------------------------------------------------------------------------------

/** The value of one cell, or `undefined` when it is missing. Mixed cells are copies. */
export function cellValue(column: EncodedColumn, row: number): unknown {
  if (column.present && !getBit(column.present, row)) return undefined;
  switch (column.type) {
    case "null":
      return null;
    case "number":
      return column.nulls && getBit(column.nulls, row) ? null : column.values[row];
    case "string":
      return column.nulls && getBit(column.nulls, row) ? null : column.dictionary[column.codes[row]!];
    case "boolean":
      return column.nulls && getBit(column.nulls, row) ? null : getBit(column.values, row);
    case "mixed": {
      const value = column.values[row];
      return typeof value === "object" && value !== null ? structuredClone(value) : value;
    }
  }
}

const hasOwn = (target: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(target, key);

/** Defines rather than assigns, so a key named `__proto__` is a key, as it was in the record. */
function define(target: Record<PropertyKey, unknown>, key: PathSegment, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Puts `value` at `path` under `root` (creating objects and arrays on the way); returns the root. */
export function assignPath(root: unknown, path: ColumnPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const top = root ?? (typeof path[0] === "number" ? [] : {});
  let node = top as Record<PropertyKey, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i]!;
    let next = hasOwn(node, segment) ? node[segment] : undefined;
    if (typeof next !== "object" || next === null) {
      next = typeof path[i + 1] === "number" ? [] : {};
      define(node, segment, next);
    }
    node = next as Record<PropertyKey, unknown>;
  }
  define(node, path[path.length - 1]!, value);
  return top;
}

/** The records of rows `from` (inclusive) to `to` (exclusive) of a chunk, rebuilt from its columns. */
export function decodeRows(
  columns: readonly { path: ColumnPath; data: EncodedColumn }[],
  from: number,
  to: number,
): unknown[] {
  const out = new Array<unknown>(Math.max(0, to - from));
  for (let row = from; row < to; row++) {
    let record: unknown = undefined;
    for (const { path, data } of columns) {
      const value = cellValue(data, row);
      if (value !== undefined) record = assignPath(record, path, value);
    }
    out[row - from] = record;
  }
  return out;
}

/** Every typed array of a column chunk, for tests and size estimates. */
export function columnBytes(column: EncodedColumn): number {
  let bytes = (column.present?.byteLength ?? 0) + ("nulls" in column ? (column.nulls?.byteLength ?? 0) : 0);
  if (column.type === "number" || column.type === "boolean") bytes += column.values.byteLength;
  if (column.type === "string") {
    bytes += column.codes.byteLength;
    for (const s of column.dictionary) bytes += s.length * 2;
  }
  return bytes;
}
