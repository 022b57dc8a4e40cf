import { readPaths } from "../jsonlogic";
import type { PackContent, RecordError } from "../pack";
import { DecimalSum } from "../pack";
import { gatePasses, type CostBasis, type ReportSpec } from "./reportSpec";
import { columnOf, type RunTable } from "./table";

/**
 * The aggregations of a simulation report (domain report §7) over a {@link RunTable}. Money totals
 * are exact decimal strings (DecimalSum); shares and percentages are plain numbers (0.12 = 12 %).
 */
export interface SimulationReport {
  count: number;
  headline: Headline;
  distribution: Distribution[];
  histograms: Histogram[];
  concentration: Concentration;
  funnel: FunnelStep[];
  classes: ClassCounts[];
  elimination: EliminationSummary;
  errors: ErrorSummary;
}

export interface ComponentTotal {
  output: string;
  basis: CostBasis;
  sign: 1 | -1;
  /** The output's own total (before `sign`). */
  total: string;
}

export interface Headline {
  totalCost: string;
  components: ComponentTotal[];
  payable: string;
  accrued: string;
  sales: string;
  collections: string;
  costShareOfSales: number | null;
  costShareOfCollections: number | null;
  /** Records whose payable cost is above zero. */
  paid: number;
}

export interface GroupRow {
  key: string;
  count: number;
  paid: number;
  cost: string;
  sales: string;
  costShareOfSales: number | null;
}

export interface Distribution {
  id: string;
  path: string;
  groups: GroupRow[];
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface Histogram {
  output: string;
  count: number;
  min: number;
  max: number;
  bins: HistogramBin[];
}

export interface Concentration {
  /** The number of records in the top 10 % by cost (at least one when any record has cost). */
  topCount: number;
  topCost: string;
  payoutShare: number | null;
  salesShare: number | null;
}

export interface FunnelStep {
  id: string;
  path: string;
  failed: number;
  /** Sales of the records failing this gate. */
  failedSales: string;
  /** Sum of the gate's `holds` outputs over the failing records; null without `holds`. */
  heldBack: string | null;
}

export interface ClassCounts {
  output: string;
  counts: { value: string; count: number; cost: string }[];
}

export interface Eliminated {
  index: number;
  id: unknown;
  name: unknown;
  /** The output that decided it (the first elimination rule that matched) and its value. */
  output: string;
  value: unknown;
  /** The record fields and outputs that output's rule read, with their values. */
  inputs: { path: string; value: unknown }[];
  sales: number;
}

export interface EliminationSummary {
  count: number;
  revenueAtRisk: string;
  list: Eliminated[];
}

export interface ErrorSummary {
  /** Records with at least one error. */
  records: number;
  /** The first errors, at most {@link MAX_LISTED_ERRORS}, with their record. */
  list: { index: number; id: unknown; error: RecordError }[];
}

export const MAX_LISTED_ERRORS = 1000;
const HISTOGRAM_BINS = 20;

/** The label a class value is counted under: strings as they are, anything else as JSON. */
export function valueLabel(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
}

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Decimals the money outputs are rounded to: the largest among the components (2 for CNY). */
function moneyScale(spec: ReportSpec, content: PackContent): number {
  let scale = 0;
  for (const c of spec.components) {
    const rule = content.rules.find((r) => `out.${r.id}` === c.output);
    scale = Math.max(scale, rule?.output.type === "integer" ? 0 : (rule?.output.decimals ?? 6));
  }
  return Math.min(scale, 6);
}

/**
 * Per-record cost in integer units of 10^-scale (cents for CNY): exact, because every component is
 * rounded to at most `scale` decimals by the engine. `payable` counts only payable components.
 */
export interface RecordCosts {
  scale: number;
  cost: Float64Array;
  payable: Float64Array;
}

export function recordCosts(table: RunTable, spec: ReportSpec, content: PackContent): RecordCosts {
  const scale = moneyScale(spec, content);
  const factor = 10 ** scale;
  const cost = new Float64Array(table.count);
  const payable = new Float64Array(table.count);
  for (const c of spec.components) {
    const column = columnOf(table, c.output);
    const sign = c.sign ?? 1;
    for (let i = 0; i < table.count; i++) {
      const units = Math.round(num(column[i]) * factor) * sign;
      cost[i] = cost[i]! + units;
      if (c.basis === "payable") payable[i] = payable[i]! + units;
    }
  }
  return { scale, cost, payable };
}

/** Integer units at `scale` as a decimal string (exact below 2^53 units). */
export function unitsText(units: number, scale: number): string {
  const sum = new DecimalSum(scale);
  sum.add(units / 10 ** scale);
  return sum.format(scale);
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function moneyText(sum: DecimalSum, scale: number): string {
  return sum.format(scale);
}

function distribution(
  table: RunTable,
  path: string,
  sales: readonly unknown[],
  costs: RecordCosts,
): GroupRow[] {
  const keys = columnOf(table, path);
  const groups = new Map<string, { count: number; paid: number; cost: number; sales: DecimalSum }>();
  for (let i = 0; i < table.count; i++) {
    const key = keys[i] === undefined ? "" : valueLabel(keys[i]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { count: 0, paid: 0, cost: 0, sales: new DecimalSum(0) }));
    g.count++;
    if (costs.payable[i]! > 0) g.paid++;
    g.cost += costs.cost[i]!;
    g.sales.add(num(sales[i]));
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => {
      const salesText = g.sales.format();
      const costText = unitsText(g.cost, costs.scale);
      return {
        key,
        count: g.count,
        paid: g.paid,
        cost: costText,
        sales: salesText,
        costShareOfSales: share(Number(costText), Number(salesText)),
      };
    });
}

/** Equal-width bins over [min, max]; integer outputs with a small range get one bin per value. */
export function histogram(
  output: string,
  column: readonly unknown[],
  integer: boolean,
): Histogram | undefined {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const v of column) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return undefined;
  const perValue = integer && max - min < HISTOGRAM_BINS;
  const n = min === max ? 1 : perValue ? max - min + 1 : HISTOGRAM_BINS;
  const width = perValue ? 1 : (max - min) / n;
  const bins: HistogramBin[] = Array.from({ length: n }, (_, i) => ({
    from: min + i * width,
    to: perValue ? min + i : i === n - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of column) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    const i = width === 0 ? 0 : Math.min(n - 1, Math.floor((v - min) / width));
    bins[i]!.count++;
  }
  return { output, count, min, max, bins };
}

/** Builds the report of one run. `params` are the run's (gate thresholds such as params.attainment_gate). */
export function buildReport(
  table: RunTable,
  spec: ReportSpec,
  content: PackContent,
  params: Record<string, unknown>,
): SimulationReport {
  const costs = recordCosts(table, spec, content);
  const { scale } = costs;
  const sales = columnOf(table, spec.fields.sales);
  const collections = columnOf(table, spec.fields.collections);

  // Headline.
  const components: ComponentTotal[] = spec.components.map((c) => {
    const sum = new DecimalSum(scale);
    const column = columnOf(table, c.output);
    for (let i = 0; i < table.count; i++) sum.add(num(column[i]));
    return { output: c.output, basis: c.basis, sign: c.sign ?? 1, total: moneyText(sum, scale) };
  });
  let total = 0;
  let payable = 0;
  let paid = 0;
  for (let i = 0; i < table.count; i++) {
    total += costs.cost[i]!;
    payable += costs.payable[i]!;
    if (costs.payable[i]! > 0) paid++;
  }
  const salesSum = new DecimalSum(0);
  const collectionsSum = new DecimalSum(0);
  for (let i = 0; i < table.count; i++) {
    salesSum.add(num(sales[i]));
    collectionsSum.add(num(collections[i]));
  }
  const salesText = salesSum.format();
  const collectionsText = collectionsSum.format();
  const totalText = unitsText(total, scale);
  const headline: Headline = {
    totalCost: totalText,
    components,
    payable: unitsText(payable, scale),
    accrued: unitsText(total - payable, scale),
    sales: salesText,
    collections: collectionsText,
    costShareOfSales: share(Number(totalText), Number(salesText)),
    costShareOfCollections: share(Number(totalText), Number(collectionsText)),
    paid,
  };

  // Concentration: the top 10 % of records by cost.
  const order = Array.from({ length: table.count }, (_, i) => i).sort(
    (a, b) => costs.cost[b]! - costs.cost[a]! || a - b,
  );
  const topCount = table.count === 0 ? 0 : Math.max(1, Math.ceil(table.count / 10));
  let topCost = 0;
  let topSales = 0;
  let allSales = 0;
  for (let k = 0; k < table.count; k++) {
    const i = order[k]!;
    allSales += num(sales[i]);
    if (k < topCount) {
      topCost += costs.cost[i]!;
      topSales += num(sales[i]);
    }
  }
  const concentration: Concentration = {
    topCount,
    topCost: unitsText(topCost, scale),
    payoutShare: share(topCost, total),
    salesShare: share(topSales, allSales),
  };

  // Funnel.
  const funnel: FunnelStep[] = spec.gates.map((gate) => {
    const column = columnOf(table, gate.path);
    const holds = gate.holds?.map((h) => columnOf(table, h));
    const failedSales = new DecimalSum(0);
    const held = new DecimalSum(scale);
    let failed = 0;
    for (let i = 0; i < table.count; i++) {
      if (gatePasses(gate, column[i], params)) continue;
      failed++;
      failedSales.add(num(sales[i]));
      if (holds) for (const h of holds) held.add(num(h[i]));
    }
    return {
      id: gate.id,
      path: gate.path,
      failed,
      failedSales: failedSales.format(),
      heldBack: holds ? moneyText(held, scale) : null,
    };
  });

  // Classes.
  const classes: ClassCounts[] = spec.classes.map((output) => {
    const column = columnOf(table, output);
    const rule = content.rules.find((r) => `out.${r.id}` === output);
    const counts = new Map<string, { count: number; cost: number }>();
    for (const value of rule?.output.enum ?? []) counts.set(value, { count: 0, cost: 0 });
    for (let i = 0; i < table.count; i++) {
      if (column[i] === undefined) continue;
      const label = valueLabel(column[i]);
      let c = counts.get(label);
      if (!c) counts.set(label, (c = { count: 0, cost: 0 }));
      c.count++;
      c.cost += costs.cost[i]!;
    }
    const enumOrder = rule?.output.enum;
    const entries = [...counts];
    if (!enumOrder) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      output,
      counts: entries.map(([value, c]) => ({ value, count: c.count, cost: unitsText(c.cost, scale) })),
    };
  });

  // Elimination.
  const eliminationColumns = spec.elimination.map((e) => ({ rule: e, column: columnOf(table, e.output) }));
  const inputPaths = new Map<string, string[]>();
  for (const e of spec.elimination) {
    const rule = content.rules.find((r) => `out.${r.id}` === e.output);
    inputPaths.set(e.output, rule ? ruleInputs(rule.logic) : []);
  }
  const names = columnOf(table, spec.fields.name);
  const list: Eliminated[] = [];
  const atRisk = new DecimalSum(0);
  for (let i = 0; i < table.count; i++) {
    const hit = eliminationColumns.find(({ rule, column }) => rule.values.includes(column[i]));
    if (!hit) continue;
    atRisk.add(num(sales[i]));
    list.push({
      index: i,
      id: table.ids[i],
      name: names[i],
      output: hit.rule.output,
      value: hit.column[i],
      inputs: (inputPaths.get(hit.rule.output) ?? []).map((path) => ({
        path,
        value: path.startsWith("params.") ? params[path.slice(7)] : columnOf(table, path)[i],
      })),
      sales: num(sales[i]),
    });
  }

  // Histograms of numeric outputs.
  const histograms: Histogram[] = [];
  for (const rule of content.rules) {
    if (rule.output.type !== "number" && rule.output.type !== "integer") continue;
    const h = histogram(`out.${rule.id}`, table.out[rule.id] ?? [], rule.output.type === "integer");
    if (h) histograms.push(h);
  }

  const errorList: ErrorSummary["list"] = [];
  for (const e of table.errors) {
    for (const error of e.errors) {
      if (errorList.length >= MAX_LISTED_ERRORS) break;
      errorList.push({ index: e.index, id: table.ids[e.index], error });
    }
  }

  return {
    count: table.count,
    headline,
    distribution: spec.dimensions.map((d) => ({
      id: d.id,
      path: d.path,
      groups: distribution(table, d.path, sales, costs),
    })),
    histograms,
    concentration,
    funnel,
    classes,
    elimination: { count: list.length, revenueAtRisk: atRisk.format(), list },
    errors: { records: table.errors.length, list: errorList },
  };
}

/** The statically known paths a rule reads (params included), each once, in document order. */
export function ruleInputs(logic: unknown): string[] {
  const seen = new Set<string>();
  for (const read of readPaths(logic))
    if (!read.dynamic && read.path && !read.path.startsWith("ctx.")) seen.add(read.path);
  return [...seen];
}
