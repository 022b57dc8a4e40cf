import { useEffect, useMemo, useRef, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import type { DatasetColumn, RowQuery } from "../../../platform";
import { formatCount } from "../../i18n";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import type { EditorProps } from "../contribution";
import { ColumnChooser } from "./ColumnChooser";
import { ColumnChunkCache, LOADING } from "./columnChunks";
import { ColumnPanel } from "./ColumnPanel";
import { RowDetail } from "./RowDetail";
import { JumpBox } from "./JumpBox";
import { displayedRow, findRowById, type JumpTarget } from "./jumpToRow";
import { gridSizes, GridHeaders } from "./GridHeaders";
import { cellText, sectionLabel, sectionSpans, viewerColumns, type ViewerColumn } from "./viewerColumns";
import { nextSort, noQuery, useColumnProfile, useRowOrder, withFilter } from "./viewerQuery";
import "./data.css";
import "./viewer.css";

/**
 * Browsers cap an element's height (Chrome near 33.5 million pixels, Firefox near 17.9): above this
 * the scroll range is scaled, so a million rows still scroll to the very last one.
 */
const MAX_SCROLL_HEIGHT = 8_000_000;

/**
 * The dataset viewer, an editor tab (`{ kind: "dataset", resource: id }`): a grid (WAI-ARIA grid
 * pattern) virtualised in both directions with fixed row and column sizes, so only the visible cells
 * exist; cells are read from storage one column chunk at a time as they come into view. Sort and
 * filter run in the query worker, which answers with the order of the stored rows to show.
 *
 * Keys: arrows, Page Up/Down, Home/End and Ctrl+Home/End move the active cell; Arrow Up from the
 * first row reaches the column headers, where Enter sorts (ascending, descending, none) and
 * Shift+F10 or the context-menu key opens the column's filter and profile. Ctrl+G opens "Go to row
 * or id": a row number as the row headers show it, or a record id, looked up one id chunk at a time.
 */
export function DatasetViewer({ input, active }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const meta = useSelector(useWorkspaceActor(), (s) =>
    s.context.lists.datasets.find((d) => d.id === input.resource),
  );
  const [description, setDescription] = useState<{
    columns: DatasetColumn[];
    rowCount: number;
    chunkRows: number;
  } | null>(null);
  useEffect(() => {
    let live = true;
    void services.datasets.describe(input.resource).then((found) => {
      if (live) setDescription(found ?? { columns: [], rowCount: 0, chunkRows: 1 });
    });
    return () => {
      live = false;
    };
  }, [services, input.resource, meta?.rowCount]);
  const storedRows = description?.rowCount ?? 0;

  const allColumns = useMemo(
    () => viewerColumns(description?.columns ?? [], meta?.schema, locale),
    [description, meta?.schema, locale],
  );
  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const headers = useMemo(() => allColumns.filter((c) => !hidden.has(c.dotted)), [allColumns, hidden]);
  const spans = useMemo(() => sectionSpans(headers), [headers]);
  const sectionName = (section: string) => sectionLabel(meta?.schema, section, locale);

  const [query, setQuery] = useState<RowQuery>(noQuery);
  const rowOrder = useRowOrder(services, input.resource, query, storedRows, locale);
  const order = rowOrder.order;
  const rowCount = order ? order.length : storedRows;

  const [panelPath, setPanelPath] = useState<string>();
  const panelColumn = allColumns.find((c) => c.dotted === panelPath);
  const profile = useColumnProfile(services, input.resource, panelColumn?.dotted, storedRows);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [jumpOpen, setJumpOpen] = useState(false);
  /** The stored row whose whole record is shown, instead of a column's panel. */
  const [detailRow, setDetailRow] = useState<number>();

  // Column chunks read so far (a new cache for another dataset or row count).
  const [, setLoaded] = useState(0);
  const cache = useMemo(
    () =>
      new ColumnChunkCache(
        (paths, start, count) => services.datasets.columns(input.resource, paths, { start, count }),
        description?.chunkRows ?? 1,
        () => setLoaded((n) => n + 1),
      ),
    [services, input.resource, description],
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
  }, [description]);

  /** Row -1 is the header row. */
  const [activeCell, setActiveCell] = useState({ row: 0, column: 0 });
  const gridId = `dataset-grid-${input.resource}`;

  if (!meta)
    return <p className="dataset-viewer__message">{t("datasets.viewer.missing", { id: input.resource })}</p>;
  if (description === null) return <p className="dataset-viewer__message">{t("datasets.viewer.loading")}</p>;
  if (storedRows === 0) return <p className="dataset-viewer__message">{t("datasets.viewer.empty")}</p>;

  const { row: ROW_HEIGHT, column: COLUMN_WIDTH, rowHeader: ROW_HEADER_WIDTH } = gridSizes;
  const hasSections = spans.some((s) => s.section !== "");
  const headHeight = gridSizes.header + (hasSections ? gridSizes.section : 0);
  const bodyHeight = Math.max(0, viewport.height - headHeight);
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
  const activeRow = Math.min(activeCell.row, rowCount - 1);

  const scrollToRow = (row: number) => {
    const element = scroller.current;
    if (!element || row < 0) return;
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
      row: Math.max(-1, Math.min(rowCount - 1, row)),
      column: Math.max(0, Math.min(headers.length - 1, column)),
    };
    setActiveCell(next);
    scrollToRow(next.row);
    scrollToColumn(next.column);
  };
  const sortBy = (column: ViewerColumn) => setQuery((q) => nextSort(q, column.dotted));
  const openPanel = (column: ViewerColumn) => {
    setDetailRow(undefined);
    setPanelPath((p) => (p === column.dotted ? undefined : column.dotted));
  };
  /** Moves to a row number (as the row headers show it) or a record id; a message when it cannot. */
  const jump = async (target: JumpTarget): Promise<string | undefined> => {
    let stored: number | undefined;
    if (target.kind === "row") {
      if (target.row < 1 || target.row > storedRows)
        return t("datasets.viewer.jumpNoRow", {
          row: formatCount(target.row, locale),
          rows: formatCount(storedRows, locale),
        });
      stored = target.row - 1;
    } else {
      const read = (start: number, count: number) =>
        services.datasets.columns(input.resource, ["id"], { start, count });
      stored = await findRowById(read, target.id, storedRows, description?.chunkRows ?? storedRows);
      if (stored === undefined) return t("datasets.viewer.jumpNoId", { id: target.id });
    }
    const row = displayedRow(stored, order);
    if (row < 0) return t("datasets.viewer.jumpFiltered", { row: formatCount(stored + 1, locale) });
    setJumpOpen(false);
    move(row, Math.max(0, activeCell.column));
    scroller.current?.focus();
    return undefined;
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    if (event.ctrlKey && event.key.toLowerCase() === "g") {
      event.preventDefault();
      setJumpOpen(true);
      return;
    }
    const { column } = activeCell;
    const row = activeRow;
    const header = headers[column];
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(row + 1, column),
      ArrowUp: () => move(row - 1, column),
      ArrowRight: () => move(row, column + 1),
      ArrowLeft: () => move(row, column - 1),
      PageDown: () => move(Math.max(0, row + visibleRows), column),
      PageUp: () => move(Math.max(0, row - visibleRows), column),
      Home: () => (event.ctrlKey ? move(0, 0) : move(row, 0)),
      End: () => (event.ctrlKey ? move(rowCount - 1, headers.length - 1) : move(row, headers.length - 1)),
    };
    if (row >= 0) {
      keys.Enter = () => {
        setPanelPath(undefined);
        setDetailRow(order ? order[row] : row);
      };
      keys.Escape = () => setDetailRow(undefined);
    }
    if (row === -1 && header) {
      keys.Enter = () => sortBy(header);
      keys[" "] = () => sortBy(header);
      keys.ContextMenu = () => openPanel(header);
      if (event.shiftKey && event.key === "F10") keys.F10 = () => openPanel(header);
    }
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const rows = [];
  for (let row = firstRow; row < lastRow; row++) {
    const stored = order ? order[row]! : row;
    const cells = [];
    for (let c = firstColumn; c < lastColumn; c++) {
      const column = headers[c]!;
      const value = cache.value(stored, column.dotted);
      const loading = value === LOADING;
      const isActive = activeRow === row && activeCell.column === c;
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
          {loading ? "…" : cellText(value, column.unit, locale)}
        </div>,
      );
    }
    rows.push(
      <div
        key={row}
        role="row"
        aria-rowindex={row + (hasSections ? 3 : 2)}
        className="dataset-grid__row"
        style={{ top: headHeight + rowBase + (row - firstRow) * ROW_HEIGHT, width: fullWidth }}
      >
        <div
          role="rowheader"
          aria-colindex={1}
          className="dataset-grid__rowheader"
          title={t("datasets.viewer.openRow")}
          onDoubleClick={() => {
            setPanelPath(undefined);
            setDetailRow(stored);
          }}
        >
          {formatCount(stored + 1, locale)}
        </div>
        {cells}
      </div>,
    );
  }

  const sortColumn = query.sort && allColumns.find((c) => c.dotted === query.sort!.path);
  const filterCount = Object.keys(query.filters).length;
  return (
    <div className="dataset-viewer">
      <div className="dataset-viewer__bar">
        <strong>{meta.name}</strong>
        <span aria-live="polite" className="dataset-viewer__position">
          {activeRow >= 0 &&
            t("datasets.viewer.position", {
              row: formatCount(activeRow + 1, locale),
              rows: formatCount(rowCount, locale),
            })}
        </span>
        <span role="status" className="dataset-viewer__query">
          {rowOrder.busy
            ? t("datasets.viewer.working")
            : rowOrder.error
              ? t("datasets.viewer.queryFailed", { error: rowOrder.error })
              : [
                  filterCount > 0 &&
                    t("datasets.viewer.matching", {
                      rows: formatCount(rowCount, locale),
                      total: formatCount(storedRows, locale),
                    }),
                  sortColumn &&
                    t(
                      query.sort!.direction === "ascending"
                        ? "datasets.viewer.sortedAscending"
                        : "datasets.viewer.sortedDescending",
                      { column: sortColumn.label ?? sortColumn.dotted },
                    ),
                ]
                  .filter(Boolean)
                  .join(" · ")}
        </span>
        <span className="dataset-viewer__spacer" />
        {jumpOpen ? (
          <JumpBox
            onJump={jump}
            onClose={() => {
              setJumpOpen(false);
              scroller.current?.focus();
            }}
          />
        ) : (
          <button type="button" aria-keyshortcuts="Control+G" onClick={() => setJumpOpen(true)}>
            {t("datasets.viewer.jumpButton")}
          </button>
        )}
        {filterCount > 0 && (
          <button
            type="button"
            onClick={() => setQuery((q) => ({ ...(q.sort ? { sort: q.sort } : {}), filters: {} }))}
          >
            {t("datasets.viewer.clearFilters")}
          </button>
        )}
        <div className="dataset-viewer__chooser">
          <button type="button" aria-expanded={chooserOpen} onClick={() => setChooserOpen((o) => !o)}>
            {t("datasets.viewer.columns")}
          </button>
          {chooserOpen && (
            <ColumnChooser
              columns={allColumns}
              hidden={hidden}
              sectionName={sectionName}
              onChange={setHidden}
              onClose={() => setChooserOpen(false)}
            />
          )}
        </div>
      </div>
      <div className="dataset-viewer__body">
        <div
          ref={scroller}
          className="dataset-grid"
          role="grid"
          id={gridId}
          aria-label={t("datasets.viewer.grid", { name: meta.name })}
          aria-rowcount={rowCount + (hasSections ? 2 : 1)}
          aria-colcount={headers.length + 1}
          aria-activedescendant={`${gridId}-active`}
          aria-busy={rowOrder.busy || undefined}
          tabIndex={0}
          autoFocus={active}
          onKeyDown={onKeyDown}
          onScroll={(e) => {
            const target = e.currentTarget;
            setViewport((v) => ({ ...v, top: target.scrollTop, left: target.scrollLeft }));
          }}
        >
          <GridHeaders
            gridId={gridId}
            columns={headers}
            spans={spans}
            sectionName={sectionName}
            firstColumn={firstColumn}
            lastColumn={lastColumn}
            fullWidth={fullWidth}
            query={query}
            activeColumn={activeRow === -1 ? activeCell.column : undefined}
            panelPath={panelPath}
            onSort={sortBy}
            onDetails={openPanel}
            onActivate={(column) => {
              setActiveCell({ row: -1, column });
              scroller.current?.focus({ preventScroll: true });
            }}
          />
          <div className="dataset-grid__spacer" style={{ height: scrollHeight, width: fullWidth }} />
          {rows}
        </div>
        {detailRow !== undefined && (
          <RowDetail
            services={services}
            datasetId={input.resource}
            row={detailRow}
            locale={locale}
            onClose={() => setDetailRow(undefined)}
          />
        )}
        {panelColumn && detailRow === undefined && (
          <ColumnPanel
            column={panelColumn}
            profile={profile.profile}
            profileError={profile.error}
            filter={query.filters[panelColumn.dotted]}
            locale={locale}
            onFilter={(filter) => setQuery((q) => withFilter(q, panelColumn.dotted, filter))}
            onClose={() => setPanelPath(undefined)}
          />
        )}
      </div>
    </div>
  );
}
