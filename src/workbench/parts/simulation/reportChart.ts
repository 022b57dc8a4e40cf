/**
 * The report's bar charts, drawn with uPlot in their own chunk (uPlot and its CSS load only when a
 * report or a comparison is shown). Categories run along the x axis, one bar per series in each;
 * colours, text and grid come from the workbench theme's tokens, so dark, light and high contrast
 * follow the user's theme (redraw after a theme change).
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartSeries {
  label: string;
  values: readonly number[];
}

export interface BarChartInput {
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Value axis labels (compact: ¥58.6M, ¥5857万). */
  formatAxis: (n: number) => string;
  /** Colour negative bars as losses (a comparison's Δ). */
  signed?: boolean;
  /**
   * Columns (vertical bars, labels under them, thinned where they would overlap) for a histogram's
   * ordered bins; otherwise horizontal bars, one labelled row per category, so none is skipped.
   */
  columns?: boolean;
  /** The height of a column chart (a bar chart's follows its number of rows). */
  height?: number;
}

const ROW = 28;

/** Category labels cut to `max` pixels with an ellipsis, measured in the axis font. */
function fitLabels(
  labels: readonly string[],
  font: string,
  max: number,
): { labels: string[]; width: number } {
  const ctx = document.createElement("canvas").getContext("2d");
  if (!ctx) return { labels: [...labels], width: max };
  ctx.font = font;
  let widest = 0;
  const fitted = labels.map((label) => {
    let text = label;
    while (text.length > 1 && ctx.measureText(text).width > max) text = text.slice(0, -1);
    if (text !== label) text = `${text.slice(0, -1)}…`;
    widest = Math.max(widest, ctx.measureText(text).width);
    return text;
  });
  return { labels: fitted, width: Math.ceil(widest) };
}

const token = (el: Element, name: string, fallback: string) =>
  getComputedStyle(el).getPropertyValue(name).trim() || fallback;

/** Theme colours for the series, then the colour of a negative bar. */
function palette(host: Element): {
  series: string[];
  negative: string;
  fg: string;
  grid: string;
  font: string;
} {
  const style = getComputedStyle(host);
  return {
    series: [
      token(host, "--button-background", "#0078d4"),
      token(host, "--icon-incentive", "#e2c08d"),
      token(host, "--icon-dataset", "#4ec9b0"),
      token(host, "--icon-loyalty", "#c586c0"),
    ],
    negative: token(host, "--errorForeground", "#f85149"),
    fg: token(host, "--editor-foreground", "#ccc"),
    grid: token(host, "--panel-border", "#444"),
    font: `11px ${style.fontFamily || "system-ui, sans-serif"}`,
  };
}

/** Draws a bar chart into `host` at its width; returns the plot's disposer and a resize. */
export function drawBarChart(
  host: HTMLElement,
  input: BarChartInput,
): { dispose: () => void; resize: (width: number) => void } {
  const colors = palette(host);
  const n = input.categories.length;
  const axis = {
    stroke: colors.fg,
    font: colors.font,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
  };
  const all = input.series.flatMap((s) => s.values);
  const low = Math.min(0, ...all);
  const high = Math.max(0, ...all);
  // All zeros (nothing changed): a unit range, so the ticks do not repeat "¥0".
  const span = high - low || 1;
  const pad = high - low === 0 ? 1 : span * 0.06;
  const groups = input.series.length;
  const barWidth = Math.min(0.8, 0.8 / groups);
  const series: uPlot.Series[] = input.series.map((s, i) => {
    const color = colors.series[i % colors.series.length]!;
    const negative = input.signed ? colors.negative : color;
    return {
      label: s.label,
      fill: color,
      stroke: color,
      width: 0,
      fillTo: 0,
      points: { show: false },
      paths: uPlot.paths.bars!({
        // A share of the space between neighbouring bars (a category, or a series within one).
        size: groups > 1 ? [0.9, 48] : [0.6, 96],
        align: 0,
        disp: {
          fill: {
            unit: 3,
            values: (u, seriesIdx) =>
              (u.data[seriesIdx] as (number | null)[]).map((v) => ((v ?? 0) < 0 ? negative : color)),
          },
        },
      }),
    };
  });
  // Side-by-side series: each one's bars shifted from the category by its share of the group.
  const offsets = input.series.map((_, i) => (groups === 1 ? 0 : (i - (groups - 1) / 2) * barWidth));
  const xs = input.categories.map((_, i) => i);
  const data: uPlot.AlignedData =
    groups === 1
      ? [xs, input.series[0]!.values as number[]]
      : // uPlot aligns every series to one x array: interleave the shifted positions.
        interleave(xs, offsets, input.series);
  const width = Math.max(240, host.clientWidth);
  const legend = groups > 1 ? 28 : 0;
  const height = input.columns ? (input.height ?? 200) : n * ROW * Math.max(1, groups * 0.75) + 56 + legend;
  const fitted = input.columns
    ? { labels: [...input.categories], width: 0 }
    : fitLabels(input.categories, colors.font, Math.round(width * 0.35));
  const labelAt = (v: number) => {
    const i = Math.round(v);
    return Math.abs(v - i) < 1e-6 && i >= 0 && i < n ? fitted.labels[i]! : "";
  };
  const categoryAxis: uPlot.Axis = {
    ...axis,
    grid: { show: false },
    incrs: [1, 2, 5, 10, 20, 50, 100],
    values: (_u, ticks) => ticks.map(labelAt),
    space: input.columns ? 40 : 12,
    ...(input.columns ? {} : { side: 3, size: fitted.width + 16, gap: 4 }),
  };
  const valueAxis: uPlot.Axis = {
    ...axis,
    values: (_u, ticks) => ticks.map(input.formatAxis),
    ...(input.columns ? { size: 64 } : { side: 2, space: 72 }),
  };
  const plot = new uPlot(
    {
      width,
      height,
      legend: { show: groups > 1, live: false },
      cursor: { show: false },
      scales: {
        // Horizontal bars: the category scale runs down the left side, the first category on top.
        x: { time: false, range: () => [-0.6, n - 0.4], ...(input.columns ? {} : { ori: 1, dir: -1 }) },
        y: { range: () => [low < 0 ? low - pad : 0, high + pad], ...(input.columns ? {} : { ori: 0 }) },
      },
      axes: [categoryAxis, valueAxis],
      series: [{}, ...series],
    },
    data,
    host,
  );
  return {
    dispose: () => plot.destroy(),
    resize: (next) => plot.setSize({ width: Math.max(240, next), height }),
  };
}

/** x positions of every series' bars, and each series' values at its own positions (null elsewhere). */
function interleave(xs: number[], offsets: number[], series: readonly ChartSeries[]): uPlot.AlignedData {
  const points: { x: number; s: number; v: number }[] = [];
  xs.forEach((x, i) =>
    series.forEach((s, k) => points.push({ x: x + offsets[k]!, s: k, v: s.values[i] ?? 0 })),
  );
  points.sort((a, b) => a.x - b.x);
  return [points.map((p) => p.x), ...series.map((_, k) => points.map((p) => (p.s === k ? p.v : null)))];
}
