/**
 * The sweep chart, in its own chunk (uPlot and its CSS load only when a sweep is shown): total cost on
 * the left axis, the counts on the right, coloured from the theme's tokens.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { SweepRow } from "../../../engine";

export interface SweepChartLabels {
  value: string;
  cost: string;
  paid: string;
  eliminated: string;
  aClass: string;
  gateFailures: string;
  formatCost: (n: number) => string;
  /** The swept parameter's values as the table writes them (96 %, ¥3,000,000). */
  formatValue: (n: number) => string;
}

const token = (el: Element, name: string, fallback: string) =>
  getComputedStyle(el).getPropertyValue(name).trim() || fallback;

/** Draws the chart into `host`; returns a disposer. Redraw on theme or size change by calling again. */
export function drawSweepChart(
  host: HTMLElement,
  rows: readonly SweepRow[],
  labels: SweepChartLabels,
): () => void {
  const fg = token(host, "--editor-foreground", "#ccc");
  const grid = token(host, "--panel-border", "#444");
  const colors = ["#3794ff", "#73c991", "#f48771", "#e2c08d", "#c586c0"].map((c, i) =>
    token(host, `--chart-${i + 1}`, c),
  );
  const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const data: uPlot.AlignedData = [
    rows.map((r) => r.value),
    rows.map((r) => Number(r.cost)),
    rows.map((r) => r.paid),
    rows.map((r) => r.eliminated),
    rows.map((r) => r.aClass),
    rows.map((r) => r.gateFailures),
  ];
  const series = (label: string, i: number, scale: string): uPlot.Series => ({
    label,
    scale,
    stroke: colors[i],
    width: 2,
    points: { show: true, size: 5 },
  });
  const plot = new uPlot(
    {
      width: Math.max(320, host.clientWidth),
      height: 280,
      scales: { x: { time: false } },
      axes: [
        { ...axis, label: labels.value, values: (_u, ticks) => ticks.map(labels.formatValue) },
        { ...axis, scale: "cost", values: (_u, ticks) => ticks.map(labels.formatCost), size: 80 },
        { ...axis, scale: "count", side: 1, grid: { show: false } },
      ],
      series: [
        { label: labels.value },
        series(labels.cost, 0, "cost"),
        series(labels.paid, 1, "count"),
        series(labels.eliminated, 2, "count"),
        series(labels.aClass, 3, "count"),
        series(labels.gateFailures, 4, "count"),
      ],
      legend: { live: true },
    },
    data,
    host,
  );
  return () => plot.destroy();
}
