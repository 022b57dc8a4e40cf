import { useEffect, useRef, useState, type UIEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../base";
import { columnOf, type RunTable } from "../../../engine";
import { formatValue } from "./format";
import { createSlicer, OrderCancelled, orderRows, type OrderQuery } from "./gridOrder";

export interface GridColumn {
  path: string;
  label: string;
  unit?: string;
}

const ROW_HEIGHT = 24;
const VISIBLE = 18;

/**
 * Every record's outputs: virtualised (only the rows in view are in the DOM), sortable by any
 * column (click or Enter on a header), filterable by id, name, region or tier. Activating a row
 * opens its statement.
 */
export function ResultsGrid({
  table,
  columns,
  filterPaths,
  locale,
  onOpen,
}: {
  table: RunTable;
  columns: readonly GridColumn[];
  filterPaths: readonly string[];
  locale: Locale;
  onOpen?: (index: number) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<{ path: string; dir: 1 | -1 } | null>(null);
  const [top, setTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  // The shown rows' record indices, or null for every record in record order (nothing to compute
  // when the report opens); a filter or a sort is computed in slices (gridOrder.ts), the previous
  // order staying on screen meanwhile.
  const paths = filterPaths.join("\n");
  const wanted = JSON.stringify([filter.trim().toLowerCase(), sort, paths, locale, table.count]);
  const [ordered, setOrdered] = useState<{ key: string; rows: Uint32Array | null }>({
    key: wanted,
    rows: null,
  });
  const order = ordered.rows;
  const busy = ordered.key !== wanted;
  useEffect(() => {
    let cancelled = false;
    const needle = filter.trim().toLowerCase();
    const query: OrderQuery = {
      count: table.count,
      needle,
      filterColumns: needle
        ? ["id", ...filterPaths].map((p) => (p === "id" ? table.ids : columnOf(table, p)))
        : [],
      ...(sort
        ? { sort: { column: sort.path === "id" ? table.ids : columnOf(table, sort.path), dir: sort.dir } }
        : {}),
      locale,
    };
    orderRows(
      query,
      createSlicer(() => cancelled),
    ).then(
      (rows) => {
        if (cancelled) return;
        setOrdered({ key: wanted, rows });
      },
      (error: unknown) => {
        if (!(error instanceof OrderCancelled)) throw error;
      },
    );
    return () => {
      cancelled = true;
    };
    // `paths` stands for filterPaths, a new array on every render of the report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table, wanted]);
  const shownCount = order ? order.length : table.count;
  const rowAt = (k: number) => (order ? order[k]! : k);
  const visible: number[] = [];

  const all: GridColumn[] = [{ path: "id", label: "id" }, ...columns];
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 4);
  const last = Math.min(shownCount, first + VISIBLE + 8);
  for (let k = first; k < last; k++) visible.push(rowAt(k));
  const valueOf = (path: string, i: number) => (path === "id" ? table.ids[i] : columnOf(table, path)[i]);
  const onScroll = (e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop);

  return (
    <div className="results-grid">
      <div className="results-grid__toolbar">
        <input
          type="search"
          className="results-grid__filter"
          placeholder={t("simulation.report.filter")}
          aria-label={t("simulation.report.filter")}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            scroller.current?.scrollTo({ top: 0 });
          }}
        />
        <span className="results-grid__count" aria-live="polite">
          {t("simulation.report.rowsShown", {
            shown: shownCount.toLocaleString(locale),
            total: table.count.toLocaleString(locale),
          })}
        </span>
      </div>
      <div
        className="results-grid__scroller"
        ref={scroller}
        onScroll={onScroll}
        style={{ height: ROW_HEIGHT * (VISIBLE + 1) }}
      >
        <table
          className="results-grid__table"
          role="grid"
          aria-rowcount={shownCount + 1}
          aria-busy={busy}
          aria-label={t("simulation.report.grid")}
        >
          <thead>
            <tr aria-rowindex={1}>
              {all.map((c) => {
                const sorted = sort?.path === c.path ? (sort.dir === 1 ? "ascending" : "descending") : "none";
                return (
                  <th key={c.path} scope="col" aria-sort={sorted} title={c.path}>
                    <button
                      type="button"
                      className="results-grid__sort"
                      aria-label={t("simulation.report.sortBy", { column: c.label })}
                      onClick={() =>
                        setSort((s) =>
                          s?.path === c.path
                            ? { path: c.path, dir: s.dir === 1 ? -1 : 1 }
                            : { path: c.path, dir: 1 },
                        )
                      }
                    >
                      {c.label}
                      {sorted === "ascending" ? " ▲" : sorted === "descending" ? " ▼" : ""}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {first > 0 && (
              <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={all.length} />
              </tr>
            )}
            {visible.map((i, k) => (
              <tr
                key={i}
                aria-rowindex={first + k + 2}
                className="results-grid__row"
                tabIndex={onOpen ? 0 : -1}
                aria-label={
                  onOpen ? t("simulation.report.openStatement", { id: String(table.ids[i]) }) : undefined
                }
                onClick={onOpen ? () => onOpen(i) : undefined}
                onKeyDown={
                  onOpen
                    ? (e) => {
                        if (e.key === "Enter") onOpen(i);
                      }
                    : undefined
                }
              >
                {all.map((c) => {
                  const v = valueOf(c.path, i);
                  return (
                    <td key={c.path} className={typeof v === "number" ? "results-grid__num" : undefined}>
                      {formatValue(v, c.unit, locale)}
                    </td>
                  );
                })}
              </tr>
            ))}
            {last < shownCount && (
              <tr aria-hidden="true" style={{ height: (shownCount - last) * ROW_HEIGHT }}>
                <td colSpan={all.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
