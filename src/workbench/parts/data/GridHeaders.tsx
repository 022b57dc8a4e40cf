import { useTranslation } from "react-i18next";
import type { RowQuery } from "../../../platform";
import type { ViewerColumn } from "./viewerColumns";

/** Sizes shared by the grid and its headers, in CSS pixels. */
export const gridSizes = {
  row: 24,
  section: 22,
  header: 38,
  column: 150,
  rowHeader: 88,
} as const;

interface HeadersProps {
  gridId: string;
  columns: readonly ViewerColumn[];
  spans: readonly { section: string; first: number; span: number }[];
  sectionName: (section: string) => string;
  firstColumn: number;
  lastColumn: number;
  fullWidth: number;
  query: RowQuery;
  /** The header with keyboard focus (the grid's active cell on the header row). */
  activeColumn?: number;
  panelPath?: string;
  onSort: (column: ViewerColumn) => void;
  onDetails: (column: ViewerColumn) => void;
  onActivate: (column: number) => void;
}

/**
 * The grid's two header rows: sections (`sales`, `ar`, …) spanning their columns, then one header per
 * column with its label and path, sort state (`aria-sort`) and whether it is filtered. Only the
 * columns in view are rendered, like the cells.
 */
export function GridHeaders(props: HeadersProps) {
  const { t } = useTranslation();
  const { columns, spans, firstColumn, lastColumn, fullWidth, query } = props;
  const hasSections = spans.some((s) => s.section !== "");
  const left = (c: number) => gridSizes.rowHeader + c * gridSizes.column;
  return (
    <div className="dataset-grid__head" role="rowgroup" style={{ width: fullWidth }}>
      {hasSections && (
        <div role="row" aria-rowindex={1} className="dataset-grid__sections" style={{ width: fullWidth }}>
          <div role="columnheader" aria-colindex={1} className="dataset-grid__rowheader" />
          {spans
            .filter((s) => s.first < lastColumn && s.first + s.span > firstColumn)
            .map((s) => (
              <div
                key={s.first}
                role="columnheader"
                aria-colindex={s.first + 2}
                aria-colspan={s.span}
                className="dataset-grid__section"
                style={{ left: left(s.first), width: s.span * gridSizes.column }}
              >
                <span className="dataset-grid__sectionlabel">
                  {s.section ? props.sectionName(s.section) : ""}
                </span>
              </div>
            ))}
        </div>
      )}
      <div
        role="row"
        aria-rowindex={hasSections ? 2 : 1}
        className="dataset-grid__headers"
        style={{ width: fullWidth }}
      >
        <div role="columnheader" aria-colindex={1} className="dataset-grid__rowheader">
          {t("datasets.viewer.rowHeader")}
        </div>
        {columns.slice(firstColumn, lastColumn).map((column, i) => {
          const c = firstColumn + i;
          const name = column.label ?? column.dotted;
          const sort = query.sort?.path === column.dotted ? query.sort.direction : undefined;
          const filtered = query.filters[column.dotted] !== undefined;
          const active = props.activeColumn === c;
          return (
            <div
              key={column.dotted}
              id={active ? `${props.gridId}-active` : undefined}
              role="columnheader"
              aria-colindex={c + 2}
              aria-sort={sort}
              className={`dataset-grid__header${filtered ? " dataset-grid__header--filtered" : ""}${active ? " dataset-grid__cell--active" : ""}`}
              style={{ left: left(c), width: gridSizes.column }}
              // Focusing a partly clipped header would scroll the grid under the pointer between
              // mousedown and mouseup, and the click (sort, panel) would be lost: the grid takes the
              // focus itself, without scrolling (onActivate).
              onMouseDown={(e) => {
                e.preventDefault();
                props.onActivate(c);
              }}
            >
              <button
                type="button"
                tabIndex={-1}
                className="dataset-grid__sort"
                title={`${t("datasets.viewer.sortTitle", { column: name })}\n${column.dotted}`}
                onClick={() => props.onSort(column)}
              >
                <span className="dataset-grid__label">{name}</span>
                {column.label && <span className="dataset-grid__path">{column.dotted}</span>}
              </button>
              {sort && (
                <span className="dataset-grid__sortmark" aria-hidden="true">
                  {sort === "ascending" ? "▲" : "▼"}
                </span>
              )}
              {filtered && (
                <span className="dataset-grid__badge" title={t("datasets.viewer.filtered")}>
                  <span className="dataset-grid__badge-text">{t("datasets.viewer.filtered")}</span>
                </span>
              )}
              <button
                type="button"
                tabIndex={-1}
                className="dataset-grid__menu"
                aria-label={t("datasets.viewer.details", { column: name })}
                aria-pressed={props.panelPath === column.dotted}
                title={t("datasets.viewer.details", { column: name })}
                onClick={() => props.onDetails(column)}
              >
                ⋯
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
