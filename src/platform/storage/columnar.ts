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

/**
 * A trie over paths, so flattening a record costs no path string. A node remembers the key order of
 * the first object seen at it (`order`, `children`): records of one dataset list their keys in the
 * same order, so the next key is found by one string comparison instead of a map lookup.
 */
interface PathNode {
  readonly path: ColumnPath;
  keys?: Map<string, PathNode>;
  order?: string[];
  children?: PathNode[];
  indexes?: PathNode[];
  column?: number;
}

const EMPTY = 0;
const NUMBER = 1;
const STRING = 2;
const BOOLEAN = 3;
const MIXED = 4;
type Kind = typeof EMPTY | typeof NUMBER | typeof STRING | typeof BOOLEAN | typeof MIXED;

/**
 * Collects the cells of one column of a chunk straight into the typed arrays of its type (numbers,
 * string codes, a boolean bitmap), so a million cells are not a million boxed values waiting for the
 * garbage collector. The first value of another type turns the column into a plain array of cells,
 * rebuilt from what was collected (the same values: doubles, dictionary strings, booleans, nulls).
 */
class ColumnBuilder {
  kind: Kind = EMPTY;
  present = 0;
  nullCount = 0;
  readonly presentBits: Uint8Array;
  nullBits: Uint8Array | undefined;
  numbers: Float64Array | undefined;
  int32 = true;
  codes: Uint32Array | undefined;
  dictionary: string[] | undefined;
  index: Map<string, number> | undefined;
  booleans: Uint8Array | undefined;
  cells: unknown[] | undefined;
  constructor(
    readonly path: ColumnPath,
    readonly rows: number,
  ) {
    this.presentBits = bitmap(rows);
  }
  add(row: number, value: unknown): void {
    setBit(this.presentBits, row);
    this.present++;
    const kind = this.kind;
    if (kind === MIXED) {
      this.cells![row] = value;
      return;
    }
    if (value === null) {
      this.nullCount++;
      setBit((this.nullBits ??= bitmap(this.rows)), row);
      return;
    }
    switch (typeof value) {
      case "number":
        if (kind === EMPTY) {
          this.kind = NUMBER;
          this.numbers = new Float64Array(this.rows);
        } else if (kind !== NUMBER) break;
        this.numbers![row] = value;
        if (this.int32 && ((value | 0) !== value || Object.is(value, -0))) this.int32 = false;
        return;
      case "string": {
        if (kind === EMPTY) {
          this.kind = STRING;
          this.codes = new Uint32Array(this.rows);
          this.dictionary = [];
          this.index = new Map();
        } else if (kind !== STRING) break;
        let code = this.index!.get(value);
        if (code === undefined) {
          code = this.dictionary!.length;
          this.index!.set(value, code);
          this.dictionary!.push(value);
        }
        this.codes![row] = code;
        return;
      }
      case "boolean":
        if (kind === EMPTY) {
          this.kind = BOOLEAN;
          this.booleans = bitmap(this.rows);
        } else if (kind !== BOOLEAN) break;
        if (value) setBit(this.booleans!, row);
        return;
    }
    this.toMixed(row);
    this.cells![row] = value;
  }
  /** The cell of an earlier row, from the typed arrays (before the column turned mixed). */
  private typedCell(i: number): unknown {
    if (this.nullBits && getBit(this.nullBits, i)) return null;
    if (this.kind === NUMBER) return this.numbers![i];
    if (this.kind === STRING) return this.dictionary![this.codes![i]!];
    if (this.kind === BOOLEAN) return getBit(this.booleans!, i);
    return null;
  }
  private toMixed(upTo: number): void {
    const cells = new Array<unknown>(this.rows);
    for (let i = 0; i < upTo; i++) if (getBit(this.presentBits, i)) cells[i] = this.typedCell(i);
    this.kind = MIXED;
    this.cells = cells;
    this.numbers = this.codes = this.booleans = this.nullBits = undefined;
    this.dictionary = this.index = undefined;
  }
  finish(): EncodedColumn {
    const rows = this.rows;
    const present = this.present < rows ? this.presentBits : undefined;
    const withPresent = <T extends object>(column: T): T => (present ? { ...column, present } : column);
    const nulls = this.nullCount > 0 ? this.nullBits : undefined;
    switch (this.kind) {
      case EMPTY:
        return withPresent({ type: "null" as const });
      case NUMBER: {
        const values = this.int32 ? new Int32Array(this.numbers!) : this.numbers!;
        return withPresent({ type: "number" as const, ...(nulls ? { nulls } : {}), values });
      }
      case STRING: {
        const dictionary = this.dictionary!;
        const codes = this.codes!;
        const narrow =
          dictionary.length <= 0x100
            ? Uint8Array.from(codes)
            : dictionary.length <= 0x10000
              ? Uint16Array.from(codes)
              : codes;
        return withPresent({
          type: "string" as const,
          ...(nulls ? { nulls } : {}),
          codes: narrow,
          dictionary,
        });
      }
      case BOOLEAN:
        return withPresent({ type: "boolean" as const, ...(nulls ? { nulls } : {}), values: this.booleans! });
      case MIXED:
        return withPresent({ type: "mixed" as const, values: this.cells! });
    }
  }
}

/** Flattens records into the column builders of one chunk. */
class ChunkEncoder {
  readonly root: PathNode = { path: [] };
  readonly builders: ColumnBuilder[] = [];
  row = 0;
  constructor(readonly rows: number) {}

  leaf(node: PathNode, value: unknown): void {
    let column = node.column;
    if (column === undefined) {
      column = node.column = this.builders.length;
      this.builders.push(new ColumnBuilder(node.path, this.rows));
    }
    this.builders[column]!.add(this.row, value);
  }

  visit(node: PathNode, value: unknown): void {
    if (value === undefined) return;
    const kind = typeof value;
    if (kind === "function" || kind === "symbol") throw dataCloneError(`Record ${this.row + 1}`);
    if (kind !== "object" || value === null) return this.leaf(node, value);
    if (Array.isArray(value)) {
      if (value.length === 0) return this.leaf(node, []);
      const indexes = (node.indexes ??= []);
      for (let i = 0; i < value.length; i++) {
        if (!(i in value)) continue;
        this.visit((indexes[i] ??= { path: [...node.path, i] }), value[i]);
      }
      return;
    }
    if (!isPlainObject(value)) {
      // A Date, a Map, a typed array, …: stored as it is, as IndexedDB would clone it.
      return this.leaf(node, structuredClone(value));
    }
    const keys = Object.keys(value);
    // Values in one call: a keyed load per key is megamorphic across the many record shapes.
    const values = Object.values(value);
    let any = false;
    const order = (node.order ??= []);
    const children = (node.children ??= []);
    const learning = order.length === 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const child = values[k];
      if (child === undefined) continue;
      any = true;
      let next = order[k] === key ? children[k] : undefined;
      if (next === undefined) {
        const map = (node.keys ??= new Map<string, PathNode>());
        next = map.get(key);
        if (next === undefined) map.set(key, (next = { path: [...node.path, key] }));
        if (learning) {
          order[k] = key;
          children[k] = next;
        }
      }
      this.visit(next, child);
    }
    if (!any) this.leaf(node, {});
  }
}

/**
 * Encodes up to {@link CHUNK_ROWS} records (any number works; the repositories cut at that size).
 * Columns are listed in the order their paths first appear, so records come back with their keys in
 * the order of the first record that had them.
 */
export function encodeChunk(records: readonly unknown[]): EncodedChunk {
  const rows = records.length;
  const encoder = new ChunkEncoder(rows);
  for (; encoder.row < rows; encoder.row++) encoder.visit(encoder.root, records[encoder.row]);
  return { rows, columns: encoder.builders.map((b) => ({ path: b.path, data: b.finish() })) };
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
