import { useEffect, useMemo, useRef, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import { pathLabel, type DatasetColumn } from "../../../platform";
import { formatCount } from "../../i18n";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import type { EditorProps } from "../contribution";
import "./data.css";

const ROW_HEIGHT = 24;
const COLUMN_WIDTH = 150;
const ROW_HEADER_WIDTH = 88;
/** Rows read from storage at a time, and how many such blocks are kept. */
const BLOCK_ROWS = 512;
const KEPT_BLOCKS = 24;
/**
 * Browsers cap an element's height (Chrome near 33.5 million pixels, Firefox near 17.9): above this
 * the scroll range is scaled, so a million rows still scroll to the very last one.
 */
const MAX_SCROLL_HEIGHT = 8_000_000;

/** Shows a cell: empty for missing, `null` for null, JSON for objects and arrays. */
export function cellText(value: unknown): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return typeof value;
}

/** Records read in blocks, the most recently used kept; `changed` is called when a block arrives. */
class BlockCache {
  private readonly blocks = new Map<number, unknown[]>();
  private readonly loading = new Set<number>();
  constructor(
    private readonly read: (start: number, count: number) => Promise<unknown[]>,
    private readonly rows: number,
    private readonly changed: () => void,
  ) {}

  /** The block holding `row`, or undefined while it is read (it is asked for then). */
  block(row: number): unknown[] | undefined {
    const index = Math.floor(row / BLOCK_ROWS);
    const cached = this.blocks.get(index);
    if (cached) {
      this.blocks.delete(index);
      this.blocks.set(index, cached);
      return cached;
    }
    if (!this.loading.has(index)) {
      this.loading.add(index);
      const start = index * BLOCK_ROWS;
      void this.read(start, Math.min(BLOCK_ROWS, this.rows - start)).then(
        (records) => {
          this.loading.delete(index);
          this.blocks.set(index, records);
          while (this.blocks.size > KEPT_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
          this.changed();
        },
        () => this.loading.delete(index),
      );
    }
    return undefined;
  }
}

function valueAt(record: unknown, path: DatasetColumn["path"]): unknown {
  let node = record;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/**
 * The dataset viewer, an editor tab (`{ kind: "dataset", resource: id }`): a grid (WAI-ARIA grid
 * pattern) virtualised in both directions with fixed row and column sizes, so only the visible cells
 * exist; rows are read from storage in blocks of {@link BLOCK_ROWS} as they come into view. Arrow
 * keys, Page Up/Down, Home/End and Ctrl+Home/End move the active cell.
 */
export function DatasetViewer({ input, active }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const meta = useSelector(useWorkspaceActor(), (s) =>
    s.context.lists.datasets.find((d) => d.id === input.resource),
  );
  const [columns, setColumns] = useState<DatasetColumn[] | null>(null);
  const [rowCount, setRowCount] = useState(0);
  useEffect(() => {
    let live = true;
    void services.datasets.describe(input.resource).then((description) => {
      if (!live) return;
      setColumns(description?.columns.filter((c) => c.path.length > 0) ?? []);
      setRowCount(description?.rowCount ?? 0);
    });
    return () => {
      live = false;
    };
  }, [services, input.resource, meta?.rowCount]);

  const headers = useMemo(
    () =>
      (columns ?? []).map((column) => {
        const label = pathLabel(meta?.schema, column.path);
        return { ...column, label: label ? pickText(label, locale) : undefined };
      }),
    [columns, meta?.schema, locale],
  );

  // Blocks of records read so far (a new cache for another dataset or row count).
  const [, setLoaded] = useState(0);
  const cache = useMemo(
    () =>
      new BlockCache(
        (start, count) => services.datasets.records(input.resource, { start, count }),
        rowCount,
        () => setLoaded((n) => n + 1),
      ),
    [services, input.resource, rowCount],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, left: 0, height: 600, width: 800 });
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setViewport((v) => ({ ...v, height: element.clientHeight, width: element.clientWidth })),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [columns]);

  const [activeCell, setActiveCell] = useState({ row: 0, column: 0 });
  const gridId = `dataset-grid-${input.resource}`;

  if (!meta)
    return <p className="dataset-viewer__message">{t("datasets.viewer.missing", { id: input.resource })}</p>;
  if (columns === null) return <p className="dataset-viewer__message">{t("datasets.viewer.loading")}</p>;
  if (rowCount === 0) return <p className="dataset-viewer__message">{t("datasets.viewer.empty")}</p>;

  const bodyHeight = Math.max(0, viewport.height - ROW_HEIGHT);
  const visibleRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT));
  const fullHeight = rowCount * ROW_HEIGHT;
  const scrollHeight = Math.min(fullHeight, MAX_SCROLL_HEIGHT);
  // Scroll offset → first row, scaled when the full height is over the cap.
  const maxTop = Math.max(1, scrollHeight - bodyHeight);
  const lastFirst = Math.max(0, rowCount - visibleRows);
  const firstRow =
    fullHeight <= MAX_SCROLL_HEIGHT
      ? Math.floor(viewport.top / ROW_HEIGHT)
      : Math.round((Math.min(viewport.top, maxTop) / maxTop) * lastFirst);
  // Unscaled, rows sit where they are in the content; scaled, the visible ones follow the viewport.
  const rowBase = fullHeight <= MAX_SCROLL_HEIGHT ? firstRow * ROW_HEIGHT : viewport.top;
  const lastRow = Math.min(rowCount, firstRow + visibleRows + 2);
  const fullWidth = ROW_HEADER_WIDTH + headers.length * COLUMN_WIDTH;
  const firstColumn = Math.floor(viewport.left / COLUMN_WIDTH);
  const lastColumn = Math.min(headers.length, firstColumn + Math.ceil(viewport.width / COLUMN_WIDTH) + 1);

  const scrollToRow = (row: number) => {
    const element = scroller.current;
    if (!element) return;
    if (row >= firstRow && row < firstRow + visibleRows) return;
    const first = row < firstRow ? row : row - visibleRows + 1;
    element.scrollTop =
      fullHeight <= MAX_SCROLL_HEIGHT ? first * ROW_HEIGHT : Math.round((first / (lastFirst || 1)) * maxTop);
  };
  const scrollToColumn = (column: number) => {
    const element = scroller.current;
    if (!element) return;
    const left = column * COLUMN_WIDTH;
    if (left < element.scrollLeft) element.scrollLeft = left;
    else if (left + COLUMN_WIDTH > element.scrollLeft + element.clientWidth - ROW_HEADER_WIDTH) {
      element.scrollLeft = left + COLUMN_WIDTH - element.clientWidth + ROW_HEADER_WIDTH;
    }
  };
  const move = (row: number, column: number) => {
    const next = {
      row: Math.max(0, Math.min(rowCount - 1, row)),
      column: Math.max(0, Math.min(headers.length - 1, column)),
    };
    setActiveCell(next);
    scrollToRow(next.row);
    scrollToColumn(next.column);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const { row, column } = activeCell;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(row + 1, column),
      ArrowUp: () => move(row - 1, column),
      ArrowRight: () => move(row, column + 1),
      ArrowLeft: () => move(row, column - 1),
      PageDown: () => move(row + visibleRows, column),
      PageUp: () => move(row - visibleRows, column),
      Home: () => (event.ctrlKey ? move(0, 0) : move(row, 0)),
      End: () => (event.ctrlKey ? move(rowCount - 1, headers.length - 1) : move(row, headers.length - 1)),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const rows = [];
  for (let row = firstRow; row < lastRow; row++) {
    const block = cache.block(row);
    const record = block?.[row % BLOCK_ROWS];
    const cells = [];
    for (let c = firstColumn; c < lastColumn; c++) {
      const column = headers[c]!;
      const value = block ? valueAt(record, column.path) : undefined;
      const isActive = activeCell.row === row && activeCell.column === c;
      cells.push(
        <div
          key={c}
          id={isActive ? `${gridId}-active` : undefined}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={isActive || undefined}
          className={`dataset-grid__cell${typeof value === "number" ? " dataset-grid__cell--number" : ""}${value === null ? " dataset-grid__cell--null" : ""}${isActive ? " dataset-grid__cell--active" : ""}`}
          style={{ left: ROW_HEADER_WIDTH + c * COLUMN_WIDTH, width: COLUMN_WIDTH }}
          onMouseDown={() => setActiveCell({ row, column: c })}
        >
          {block ? cellText(value) : "…"}
        </div>,
      );
    }
    rows.push(
      <div
        key={row}
        role="row"
        aria-rowindex={row + 2}
        className="dataset-grid__row"
        style={{ top: ROW_HEIGHT + rowBase + (row - firstRow) * ROW_HEIGHT, width: fullWidth }}
      >
        <div role="rowheader" aria-colindex={1} className="dataset-grid__rowheader">
          {formatCount(row + 1, locale)}
        </div>
        {cells}
      </div>,
    );
  }

  return (
    <div className="dataset-viewer">
      <div className="dataset-viewer__bar" aria-live="polite">
        <strong>{meta.name}</strong>
        <span>
          {t("datasets.viewer.position", {
            row: formatCount(activeCell.row + 1, locale),
            rows: formatCount(rowCount, locale),
          })}
        </span>
      </div>
      <div
        ref={scroller}
        className="dataset-grid"
        role="grid"
        id={gridId}
        aria-label={t("datasets.viewer.grid", { name: meta.name })}
        aria-rowcount={rowCount + 1}
        aria-colcount={headers.length + 1}
        aria-activedescendant={`${gridId}-active`}
        tabIndex={0}
        autoFocus={active}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          const target = e.currentTarget;
          setViewport((v) => ({ ...v, top: target.scrollTop, left: target.scrollLeft }));
        }}
      >
        <div
          role="row"
          aria-rowindex={1}
          className="dataset-grid__row dataset-grid__row--header"
          style={{ width: fullWidth }}
        >
          <div role="columnheader" aria-colindex={1} className="dataset-grid__rowheader">
            {t("datasets.viewer.rowHeader")}
          </div>
          {headers.slice(firstColumn, lastColumn).map((column, i) => (
            <div
              key={column.dotted}
              role="columnheader"
              aria-colindex={firstColumn + i + 2}
              className="dataset-grid__header"
              title={column.label ? `${column.label}\n${column.dotted}` : column.dotted}
              style={{ left: ROW_HEADER_WIDTH + (firstColumn + i) * COLUMN_WIDTH, width: COLUMN_WIDTH }}
            >
              <span className="dataset-grid__label">{column.label ?? column.dotted}</span>
              {column.label && <span className="dataset-grid__path">{column.dotted}</span>}
            </div>
          ))}
        </div>
        <div className="dataset-grid__spacer" style={{ height: scrollHeight, width: fullWidth }} />
        {rows}
      </div>
    </div>
  );
}
