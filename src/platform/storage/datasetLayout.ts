import { CHUNK_ROWS, dottedPath, encodeChunk, type ColumnPath, type EncodedChunk } from "./columnar";
import { unionType } from "./projection";
import type { DatasetLayout, StoredColumnChunk } from "./records";

/** A path's identity as a map key (segments keep their kind: `["a", 0]` is not `["a", "0"]`). */
const pathKey = (path: ColumnPath) => JSON.stringify(path);

/**
 * Grows a dataset's layout chunk by chunk: maps each chunk's own columns onto the dataset's column
 * numbers (new paths get the next number) and keeps the per-column type up to date.
 */
export class LayoutBuilder {
  readonly layout: DatasetLayout;
  private readonly index = new Map<string, number>();
  private chunks = 0;

  constructor(datasetId: string, at: string, chunkRows = CHUNK_ROWS) {
    this.layout = {
      datasetId,
      chunkRows,
      rowCount: 0,
      columns: [],
      types: [],
      state: "writing",
      updatedAt: at,
    };
  }

  /** The next chunk's stored rows. Every chunk but the last must hold exactly `chunkRows` rows. */
  add(chunk: EncodedChunk, at: string): StoredColumnChunk[] {
    const { layout } = this;
    if (chunk.rows === 0) return [];
    if (layout.rowCount % layout.chunkRows !== 0)
      throw new Error("A chunk follows a short chunk: only the last may be short");
    if (chunk.rows > layout.chunkRows) throw new Error(`A chunk holds at most ${layout.chunkRows} rows`);
    const number = this.chunks++;
    layout.rowCount += chunk.rows;
    layout.updatedAt = at;
    return chunk.columns.map(({ path, data }) => {
      const key = pathKey(path);
      let column = this.index.get(key);
      if (column === undefined) {
        column = layout.columns.length;
        this.index.set(key, column);
        layout.columns.push([...path]);
        layout.types.push(data.type);
      } else {
        layout.types[column] = unionType([layout.types[column], data.type]);
      }
      return { datasetId: layout.datasetId, column, chunk: number, data };
    });
  }
}

/** Encodes a whole dataset: its layout (state `complete`) and every column chunk. */
export function encodeDataset(
  datasetId: string,
  records: readonly unknown[],
  at: string,
  chunkRows = CHUNK_ROWS,
): { layout: DatasetLayout; chunks: StoredColumnChunk[] } {
  const builder = new LayoutBuilder(datasetId, at, chunkRows);
  const chunks: StoredColumnChunk[] = [];
  for (let start = 0; start < records.length; start += chunkRows) {
    chunks.push(...builder.add(encodeChunk(records.slice(start, start + chunkRows)), at));
  }
  return { layout: { ...builder.layout, state: "complete" }, chunks };
}

/** A column of a dataset as the viewer and the simulation list it. */
export interface DatasetColumn {
  path: ColumnPath;
  /** `sales.net_ytd`, `sales.q_yoy.0`. */
  dotted: string;
  type: DatasetLayout["types"][number];
}

export function layoutColumns(layout: DatasetLayout): DatasetColumn[] {
  return layout.columns.map((path, i) => ({ path, dotted: dottedPath(path), type: layout.types[i]! }));
}
