import { useEffect, useRef, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { scheduleChart } from "./chartQueue";
import type { ChartSeries } from "./reportChart";

export type { ChartSeries };

/**
 * A bar chart of a report (uPlot, loaded with its own chunk on first use), redrawn when the theme,
 * the language or its width changes. It is an image with an accessible name for assistive technology;
 * the numbers are in the table the caller prints beside or under it, from the same rows.
 */
export function BarChart({
  label,
  categories,
  series,
  formatAxis,
  signed,
  columns,
  height,
}: {
  /** The accessible name ("Chart of Total cost"). */
  label: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  formatAxis: (n: number) => string;
  signed?: boolean;
  /** Columns for a histogram's ordered bins; bars (one row per category) otherwise. */
  columns?: boolean;
  height?: number;
}) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const { theme, locale } = useSelector(
    usePreferencesActor(),
    (s) => ({ theme: s.context.theme, locale: s.context.locale }),
    (a, b) => a.theme === b.theme && a.locale === b.locale,
  );
  const [drawn, setDrawn] = useState(false);
  // Redraw only when what is drawn changes, not on every render of the report.
  const key = JSON.stringify([categories, series, signed, columns, height, theme, locale]);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    let live = true;
    let plot: { dispose: () => void; resize: (width: number) => void } | undefined;
    let observer: ResizeObserver | undefined;
    let unqueue: (() => void) | undefined;
    void import("./reportChart").then(({ drawBarChart }) => {
      if (!live) return;
      // One chart per task, after first paint (see chartQueue.ts).
      unqueue = scheduleChart(() => {
        if (!live) return;
        el.replaceChildren();
        plot = drawBarChart(el, {
          categories: categories.map((c) => c || "—"),
          series,
          formatAxis,
          ...(signed ? { signed } : {}),
          ...(columns ? { columns } : {}),
          ...(height ? { height } : {}),
        });
        setDrawn(true);
        let width = el.clientWidth;
        observer = new ResizeObserver(() => {
          if (el.clientWidth !== width) plot?.resize((width = el.clientWidth));
        });
        observer.observe(el);
      });
    });
    return () => {
      live = false;
      unqueue?.();
      observer?.disconnect();
      plot?.dispose();
    };
    // `key` stands for the drawn values; the callbacks are rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return (
    <figure className="report-chart">
      <div ref={host} className="report-chart__plot" role="img" aria-label={label} />
      {!drawn && (
        <p className="report-chart__loading" role="status">
          {t("simulation.report.chartLoading")}
        </p>
      )}
    </figure>
  );
}
