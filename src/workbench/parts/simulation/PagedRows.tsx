import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../base";
import { formatNumber } from "./format";

/** Rows a long report table shows at first, and how many more each "Show more" adds. */
export const PAGE_ROWS = 50;

/**
 * The first rows of a long list, and a "Show more" button under its table that adds a page: the
 * eliminated list can hold 500 rows and the record errors thousands, and putting them all in the
 * DOM when the report opens made its first render one of the run's longest tasks.
 */
export function usePagedRows<T>(rows: readonly T[]): {
  shown: readonly T[];
  more: (locale: Locale) => ReactNode;
} {
  const { t } = useTranslation();
  const [count, setCount] = useState(PAGE_ROWS);
  const shown = rows.length > count ? rows.slice(0, count) : rows;
  const more = (locale: Locale) =>
    rows.length > count ? (
      <p className="report__more">
        <span>
          {t("simulation.report.rowsListed", {
            shown: formatNumber(shown.length, locale),
            total: formatNumber(rows.length, locale),
          })}
        </span>{" "}
        <button type="button" onClick={() => setCount((c) => c + PAGE_ROWS)}>
          {t("simulation.report.showMore", {
            count: formatNumber(Math.min(PAGE_ROWS, rows.length - count), locale),
          })}
        </button>
      </p>
    ) : null;
  return { shown, more };
}
