import { DecimalSum, ImpactCollector, type OutputImpact, type PackContent } from "../pack";
import { recordCosts, unitsText, valueLabel, type RecordCosts } from "./report";
import type { ReportSpec } from "./reportSpec";
import { columnOf, errorsByIndex, resultAt, type RunTable } from "./table";

/** One side of a comparison: a run's table with its pack content and report spec. */
export interface CompareSide {
  table: RunTable;
  spec: ReportSpec;
  content: PackContent;
}

export interface Mover {
  index: number;
  id: unknown;
  name: unknown;
  region: unknown;
  tier: unknown;
  base: string;
  candidate: string;
  delta: string;
  /** Δ as a share of the record's sales (0.01 = 1 %); null without sales. */
  deltaShareOfSales: number | null;
}

export interface MoverGroup {
  count: number;
  /** Sum of the Δ (positive for winners, negative for losers). */
  total: string;
  /** The ten largest changes, largest first. */
  top: Mover[];
}

export interface GroupChange {
  key: string;
  count: number;
  base: string;
  candidate: string;
  delta: string;
  winners: number;
  losers: number;
}

export interface Movement {
  /** The output compared (`out.usability-segment`), or `elimination` for eliminated vs kept. */
  output: string;
  /** from → to counts, only the cells with records; `changed` counts records off the diagonal. */
  cells: { from: string; to: string; count: number }[];
  changed: number;
  /** Records that moved, at most {@link MAX_MOVERS_LISTED}. */
  moved: { index: number; id: unknown; name: unknown; from: string; to: string }[];
}

/** A cost component on both sides: its part of the cost (negative for a penalty, `sign: -1`). */
export interface ComponentChange {
  output: string;
  base: string | null;
  candidate: string | null;
  delta: string;
}

export interface Comparison {
  count: number;
  cost: { base: string; candidate: string; delta: string };
  components: ComponentChange[];
  winners: MoverGroup;
  losers: MoverGroup;
  unchanged: number;
  byRegion: GroupChange[];
  byTier: GroupChange[];
  movements: Movement[];
  /** What the losers lose in total (a positive amount): the cushion a transition would need. */
  cushion: string;
  /** Every output's change (ImpactCollector). */
  impacts: OutputImpact[];
}

export const MAX_MOVERS_LISTED = 500;
const TOP = 10;

/** Thrown when the two runs are not over the same records in the same order. */
export class CompareMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CompareMismatch";
  }
}

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

function sumUnits(costs: Float64Array): number {
  let t = 0;
  for (const c of costs) t += c;
  return t;
}

function groupChanges(
  keys: readonly unknown[],
  count: number,
  base: RecordCosts,
  cand: RecordCosts,
  scale: number,
): GroupChange[] {
  const groups = new Map<
    string,
    { count: number; base: number; cand: number; winners: number; losers: number }
  >();
  for (let i = 0; i < count; i++) {
    const key = keys[i] === undefined ? "" : valueLabel(keys[i]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { count: 0, base: 0, cand: 0, winners: 0, losers: 0 }));
    g.count++;
    g.base += base.cost[i]!;
    g.cand += cand.cost[i]!;
    if (cand.cost[i]! > base.cost[i]!) g.winners++;
    else if (cand.cost[i]! < base.cost[i]!) g.losers++;
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      key,
      count: g.count,
      base: unitsText(g.base, scale),
      candidate: unitsText(g.cand, scale),
      delta: unitsText(g.cand - g.base, scale),
      winners: g.winners,
      losers: g.losers,
    }));
}

/** Units at one scale moved to another (both at most 6 decimals, so exact for money). */
function rescale(costs: RecordCosts, scale: number): RecordCosts {
  if (costs.scale === scale) return costs;
  const f = 10 ** (scale - costs.scale);
  return { scale, cost: costs.cost.map((c) => c * f), payable: costs.payable.map((c) => c * f) };
}

function movement(
  output: string,
  from: readonly unknown[],
  to: readonly unknown[],
  side: CompareSide,
): Movement {
  const cells = new Map<string, { from: string; to: string; count: number }>();
  const moved: Movement["moved"] = [];
  let changed = 0;
  const names = columnOf(side.table, side.spec.fields.name);
  for (let i = 0; i < side.table.count; i++) {
    const a = valueLabel(from[i] ?? null);
    const b = valueLabel(to[i] ?? null);
    const key = `${a}\u0000${b}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { from: a, to: b, count: 1 });
    if (a !== b) {
      changed++;
      if (moved.length < MAX_MOVERS_LISTED)
        moved.push({ index: i, id: side.table.ids[i], name: names[i], from: a, to: b });
    }
  }
  return { output, cells: [...cells.values()], changed, moved };
}

function eliminatedColumn(side: CompareSide): string[] {
  const columns = side.spec.elimination.map((e) => ({ e, column: columnOf(side.table, e.output) }));
  return Array.from({ length: side.table.count }, (_, i) =>
    columns.some(({ e, column }) => e.values.includes(column[i])) ? "eliminated" : "kept",
  );
}

/**
 * Compares a candidate run with a baseline run over the same dataset (records matched by position,
 * their ids checked): cost per side and component, winners and losers (Δ of each record's cost), the
 * change by region and tier, the movement of every class output and of the elimination status, and
 * the losers' total as the transition cushion.
 *
 * @throws CompareMismatch when the runs have different records.
 */
export function compareRuns(base: CompareSide, candidate: CompareSide): Comparison {
  const count = base.table.count;
  if (candidate.table.count !== count)
    throw new CompareMismatch(`The runs have ${count} and ${candidate.table.count} records.`);
  for (let i = 0; i < count; i++) {
    if (base.table.ids[i] !== candidate.table.ids[i])
      throw new CompareMismatch(
        `Record ${i + 1} is ${String(base.table.ids[i])} in one run and ${String(candidate.table.ids[i])} in the other.`,
      );
  }
  const rawBase = recordCosts(base.table, base.spec, base.content);
  const rawCand = recordCosts(candidate.table, candidate.spec, candidate.content);
  const scale = Math.max(rawBase.scale, rawCand.scale);
  const b = rescale(rawBase, scale);
  const c = rescale(rawCand, scale);
  const sales = columnOf(candidate.table, candidate.spec.fields.sales);
  const names = columnOf(candidate.table, candidate.spec.fields.name);
  const regions = columnOf(candidate.table, candidate.spec.fields.region);
  const tiers = columnOf(candidate.table, candidate.spec.fields.tier);

  const winners: number[] = [];
  const losers: number[] = [];
  let unchanged = 0;
  let winTotal = 0;
  let loseTotal = 0;
  for (let i = 0; i < count; i++) {
    const d = c.cost[i]! - b.cost[i]!;
    if (d > 0) {
      winners.push(i);
      winTotal += d;
    } else if (d < 0) {
      losers.push(i);
      loseTotal += d;
    } else unchanged++;
  }
  const mover = (i: number): Mover => {
    const d = c.cost[i]! - b.cost[i]!;
    const s = num(sales[i]);
    return {
      index: i,
      id: candidate.table.ids[i],
      name: names[i],
      region: regions[i],
      tier: tiers[i],
      base: unitsText(b.cost[i]!, scale),
      candidate: unitsText(c.cost[i]!, scale),
      delta: unitsText(d, scale),
      deltaShareOfSales: s === 0 ? null : d / 10 ** scale / s,
    };
  };
  const delta = (i: number) => c.cost[i]! - b.cost[i]!;
  const topOf = (list: number[], sign: 1 | -1) =>
    [...list]
      .sort((x, y) => sign * (delta(y) - delta(x)) || x - y)
      .slice(0, TOP)
      .map(mover);

  // Component totals: outputs of either side's components.
  const outputs = [...new Set([...base.spec.components, ...candidate.spec.components].map((x) => x.output))];
  // A component's part of the cost: penalties (`sign: -1`) count against it, as in the report's
  // headline, so the components add up to the cost change.
  const total = (side: CompareSide, output: string): string | null => {
    const component = side.spec.components.find((x) => x.output === output);
    if (!component) return null;
    const sign = component.sign === -1 ? -1 : 1;
    const sum = new DecimalSum(scale);
    for (const v of columnOf(side.table, output)) sum.add(sign * num(v));
    return sum.format(scale);
  };
  const components: ComponentChange[] = outputs.map((output) => {
    const bt = total(base, output);
    const ct = total(candidate, output);
    const d = new DecimalSum(scale);
    d.add(Number(ct ?? 0));
    d.add(-Number(bt ?? 0));
    return { output, base: bt, candidate: ct, delta: d.format(scale) };
  });

  const classOutputs = [...new Set([...base.spec.classes, ...candidate.spec.classes])];
  const movements = classOutputs
    .filter((o) => columnOf(base.table, o).length > 0 && columnOf(candidate.table, o).length > 0)
    .map((o) => movement(o, columnOf(base.table, o), columnOf(candidate.table, o), candidate));
  movements.push(movement("elimination", eliminatedColumn(base), eliminatedColumn(candidate), candidate));

  const impacts = new ImpactCollector(base.content.rules, candidate.content.rules);
  const baseErrors = errorsByIndex(base.table);
  const candErrors = errorsByIndex(candidate.table);
  const chunk = 4096;
  for (let i = 0; i < count; i += chunk) {
    const n = Math.min(chunk, count - i);
    impacts.addOld(Array.from({ length: n }, (_, k) => resultAt(base.table, i + k, baseErrors.get(i + k))));
  }
  for (let i = 0; i < count; i += chunk) {
    const n = Math.min(chunk, count - i);
    impacts.addNew(
      Array.from({ length: n }, (_, k) => resultAt(candidate.table, i + k, candErrors.get(i + k))),
    );
  }

  const bTotal = sumUnits(b.cost);
  const cTotal = sumUnits(c.cost);
  return {
    count,
    cost: {
      base: unitsText(bTotal, scale),
      candidate: unitsText(cTotal, scale),
      delta: unitsText(cTotal - bTotal, scale),
    },
    components,
    winners: { count: winners.length, total: unitsText(winTotal, scale), top: topOf(winners, 1) },
    losers: { count: losers.length, total: unitsText(loseTotal, scale), top: topOf(losers, -1) },
    unchanged,
    byRegion: groupChanges(regions, count, b, c, scale),
    byTier: groupChanges(tiers, count, b, c, scale),
    movements,
    cushion: unitsText(-loseTotal, scale),
    impacts: impacts.summary(),
  };
}
