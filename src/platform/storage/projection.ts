import {
  assignPath,
  bitmap,
  cellValue,
  getBit,
  setBit,
  type ColumnPath,
  type ColumnType,
  type EncodedColumn,
} from "./columnar";

/**
 * One projected column over a row range, in buffers a worker receives by transfer
 * ({@link projectionTransferables}): no per-record structured clone. `present` (omitted when every
 * row has the value) and `nulls` (omitted when none is null) are bitmaps, bit `i` for row `i` of the
 * range; a row that is missing or null has an unspecified number/code/bit in `values`/`codes`.
 *
 * A path that names one leaf column with one type gives that type; a path that names an object or
 * array (several columns under it), or a column whose type changes between chunks, gives `mixed`:
 * the value of each row (the whole sub-object for an object path), `undefined` when missing.
 */
export type ProjectedColumn =
  | { path: string; type: "number"; present?: Uint8Array; nulls?: Uint8Array; values: Float64Array }
  | {
      path: string;
      type: "string";
      present?: Uint8Array;
      nulls?: Uint8Array;
      codes: Uint32Array;
      dictionary: string[];
    }
  | { path: string; type: "boolean"; present?: Uint8Array; nulls?: Uint8Array; values: Uint8Array }
  | { path: string; type: "null"; present?: Uint8Array }
  | { path: string; type: "mixed"; values: unknown[] };

/** What `DatasetRepository.columns` returns: `rows` rows from `start`, one entry per requested path. */
export interface ColumnProjection {
  start: number;
  rows: number;
  columns: ProjectedColumn[];
}

/** The buffers of a projection, to pass as `postMessage`'s transfer list. */
export function projectionTransferables(projection: ColumnProjection): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of projection.columns) {
    for (const array of [
      "present" in column ? column.present : undefined,
      "nulls" in column ? column.nulls : undefined,
      column.type === "number" || column.type === "boolean" ? column.values : undefined,
      column.type === "string" ? column.codes : undefined,
    ]) {
      if (array && array.buffer instanceof ArrayBuffer) buffers.push(array.buffer);
    }
  }
  return buffers;
}

/** The value of row `i` of a projected column (missing is `undefined`). */
export function projectedValue(column: ProjectedColumn, i: number): unknown {
  if (column.type === "mixed") return column.values[i];
  if (column.present && !getBit(column.present, i)) return undefined;
  if (column.type === "null") return null;
  if (column.nulls && getBit(column.nulls, i)) return null;
  if (column.type === "number") return column.values[i];
  if (column.type === "string") return column.dictionary[column.codes[i]!];
  return getBit(column.values, i);
}

/** Splits a dotted request path and tells whether a stored column lies at or under it. */
export function matchesPath(request: readonly string[], path: ColumnPath): boolean {
  if (path.length < request.length) return false;
  for (let i = 0; i < request.length; i++) if (String(path[i]) !== request[i]) return false;
  return true;
}

/** One chunk's slice of the rows a projection covers. */
export interface ChunkSlice {
  /** Rows of the chunk to take: `[from, to)`. */
  from: number;
  to: number;
}

/** The stored type of a column over several chunks (`null` chunks and absent ones fit any type). */
export function unionType(types: readonly (ColumnType | undefined)[]): ColumnType {
  let result: ColumnType | undefined;
  for (const type of types) {
    if (type === undefined || type === "null") continue;
    if (result === undefined) result = type;
    else if (result !== type) return "mixed";
  }
  return result ?? "null";
}

/**
 * Builds one projected column. `columns` are the stored columns at or under `request`; `chunks[c][k]`
 * is column `k`'s stored data in the `c`-th chunk of the range (undefined: every cell missing).
 */
export function projectColumn(
  requestPath: string,
  request: readonly string[],
  columns: readonly ColumnPath[],
  chunks: readonly (readonly (EncodedColumn | undefined)[])[],
  slices: readonly ChunkSlice[],
  rows: number,
): ProjectedColumn {
  // No column at all: every row is missing (a path this dataset never has).
  const exact = columns.length === 0 || (columns.length === 1 && columns[0]!.length === request.length);
  const type = exact ? unionType(chunks.map((c) => c[0]?.type)) : "mixed";
  if (type === "mixed") {
    const values = new Array<unknown>(rows);
    let out = 0;
    slices.forEach((slice, c) => {
      const data = chunks[c]!;
      for (let row = slice.from; row < slice.to; row++, out++) {
        let value: unknown = undefined;
        for (let k = 0; k < columns.length; k++) {
          const column = data[k];
          if (!column) continue;
          const cell = cellValue(column, row);
          if (cell !== undefined) value = assignPath(value, columns[k]!.slice(request.length), cell);
        }
        values[out] = value;
      }
    });
    return { path: requestPath, type: "mixed", values };
  }

  const present = bitmap(rows);
  const nulls = bitmap(rows);
  let missing = false;
  let anyNull = false;
  const numbers = type === "number" ? new Float64Array(rows) : undefined;
  const codes = type === "string" ? new Uint32Array(rows) : undefined;
  const bools = type === "boolean" ? bitmap(rows) : undefined;
  const dictionary: string[] = [];
  const dictionaryIndex = new Map<string, number>();
  let out = 0;
  slices.forEach((slice, c) => {
    const column = chunks[c]![0];
    const base = out;
    out += slice.to - slice.from;
    if (!column) {
      missing = true;
      return;
    }
    let remap: Uint32Array | undefined;
    if (column.type === "number" && numbers) numbers.set(column.values.subarray(slice.from, slice.to), base);
    if (column.type === "string" && codes) {
      remap = new Uint32Array(column.dictionary.length);
      column.dictionary.forEach((s, i) => {
        let code = dictionaryIndex.get(s);
        if (code === undefined) {
          code = dictionary.length;
          dictionaryIndex.set(s, code);
          dictionary.push(s);
        }
        remap![i] = code;
      });
    }
    const columnNulls = "nulls" in column ? column.nulls : undefined;
    for (let row = slice.from, i = base; row < slice.to; row++, i++) {
      if (column.present && !getBit(column.present, row)) {
        missing = true;
        continue;
      }
      setBit(present, i);
      if (column.type === "null" || (columnNulls && getBit(columnNulls, row))) {
        anyNull = true;
        setBit(nulls, i);
        continue;
      }
      if (remap && codes && column.type === "string") codes[i] = remap[column.codes[row]!]!;
      else if (bools && column.type === "boolean" && getBit(column.values, row)) setBit(bools, i);
    }
  });
  const bits = { ...(missing ? { present } : {}), ...(anyNull ? { nulls } : {}) };
  if (numbers) return { path: requestPath, type: "number", ...bits, values: numbers };
  if (codes) return { path: requestPath, type: "string", ...bits, codes, dictionary };
  if (bools) return { path: requestPath, type: "boolean", ...bits, values: bools };
  return { path: requestPath, type: "null", ...(missing ? { present } : {}) };
}
