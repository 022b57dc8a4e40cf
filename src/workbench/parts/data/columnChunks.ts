import { projectedValue, type ColumnProjection, type ProjectedColumn } from "../../../platform";

/** What {@link ColumnChunkCache.value} returns for a cell whose chunk is still being read. */
export const LOADING: unique symbol = Symbol("loading");

/**
 * The grid's cells, read from storage a stored chunk of one column at a time (a projection of the
 * columns in view over one chunk's rows) and kept, the most recently used first, up to `keep`
 * column chunks. A sorted view shows rows from many chunks at once, so the unit is one column of
 * one chunk, never a block of whole records: only the columns in view are read.
 */
export class ColumnChunkCache {
  private readonly entries = new Map<string, ProjectedColumn>();
  private readonly loading = new Set<string>();
  /** Column paths asked for, by chunk, not yet requested. */
  private wanted = new Map<number, Set<string>>();
  private scheduled = false;

  constructor(
    private readonly read: (paths: string[], start: number, count: number) => Promise<ColumnProjection>,
    private readonly chunkRows: number,
    private readonly changed: () => void,
    private readonly keep = 640,
  ) {}

  /** The value of stored row `row` at `path`, or {@link LOADING} (then its chunk is read). */
  value(row: number, path: string): unknown {
    const chunk = Math.floor(row / this.chunkRows);
    const key = `${chunk}\u0000${path}`;
    const column = this.entries.get(key);
    if (column) {
      this.entries.delete(key);
      this.entries.set(key, column);
      return projectedValue(column, row - chunk * this.chunkRows);
    }
    if (!this.loading.has(key)) {
      this.loading.add(key);
      let paths = this.wanted.get(chunk);
      if (!paths) this.wanted.set(chunk, (paths = new Set()));
      paths.add(path);
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => this.flush());
      }
    }
    return LOADING;
  }

  /** One read per chunk for every column of it asked for since the last flush. */
  private flush(): void {
    this.scheduled = false;
    const wanted = this.wanted;
    this.wanted = new Map();
    for (const [chunk, set] of wanted) {
      const paths = [...set];
      const keys = paths.map((path) => `${chunk}\u0000${path}`);
      void this.read(paths, chunk * this.chunkRows, this.chunkRows).then(
        (projection) => {
          projection.columns.forEach((column, i) => {
            this.loading.delete(keys[i]!);
            this.entries.set(keys[i]!, column);
          });
          while (this.entries.size > this.keep) this.entries.delete(this.entries.keys().next().value!);
          this.changed();
        },
        () => keys.forEach((key) => this.loading.delete(key)),
      );
    }
  }
}
