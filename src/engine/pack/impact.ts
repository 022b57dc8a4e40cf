import { DecimalSum } from "./decimalSum";
import { jsonEqual } from "./json";
import type { OutputSpec, RuleFile } from "./model";
import type { RecordResult } from "./pipeline";

/** Minimum, mean and maximum of the numeric values of one output on one side. */
export interface NumberStats {
  count: number;
  min: number;
  mean: number;
  max: number;
}

/**
 * The impact of a change on one output (`out.<id>`, `pop.<name>`) over a dataset; `changed` counts the
 * records whose value differs. What else is measured depends on what the output holds:
 * - `total`: numeric rule outputs: exact sums (decimal strings with the output's `decimals`, no float
 *   noise), `undefined` on a side without the output;
 * - `counts`: string and boolean outputs and class labels: records per value on each side;
 * - `stats`: numeric population values (ranks, shares, budget factors), where a sum means nothing.
 */
export type OutputImpact =
  | { output: string; changed: number; kind: "total"; oldTotal?: string; newTotal?: string }
  | {
      output: string;
      changed: number;
      kind: "counts";
      counts: { value: string; old: number; new: number }[];
    }
  | { output: string; changed: number; kind: "stats"; old?: NumberStats; new?: NumberStats };

/** What one side's run gave for one output. */
class SideTally {
  present = 0;
  sum: DecimalSum;
  min = Infinity;
  max = -Infinity;
  floatSum = 0;
  numbers = 0;
  strings = 0;
  /** Records per non-numeric value (string, boolean, null), by its label. */
  readonly counts = new Map<string, number>();

  constructor(readonly spec: OutputSpec | undefined) {
    this.sum = new DecimalSum(spec?.decimals ?? 0);
  }

  add(value: unknown): void {
    this.present++;
    if (typeof value === "number" && Number.isFinite(value)) {
      this.numbers++;
      this.sum.add(value);
      this.floatSum += value;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      return;
    }
    if (typeof value === "string") this.strings++;
    const label = typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  total(): string | undefined {
    if (this.present === 0) return undefined;
    const decimals = this.spec?.type === "integer" ? 0 : this.spec?.decimals;
    return this.sum.format(decimals);
  }

  stats(): NumberStats | undefined {
    if (this.numbers === 0) return undefined;
    return { count: this.numbers, min: this.min, mean: this.floatSum / this.numbers, max: this.max };
  }
}

function specsById(rules: readonly RuleFile[]): Map<string, OutputSpec> {
  return new Map(rules.map((r) => [`out.${r.id}`, r.output]));
}

/**
 * Collects the impact of a change on a dataset: feed the old run's results first, then the new run's,
 * in the same input order. Give each side's rules so numeric outputs are summed at their `decimals` and
 * string/boolean outputs are counted per value. Holds one value per record and output of the old run.
 */
export class ImpactCollector {
  private readonly oldValues = new Map<string, unknown[]>();
  private readonly changed = new Map<string, number>();
  private readonly oldTally = new Map<string, SideTally>();
  private readonly newTally = new Map<string, SideTally>();
  private readonly oldSpecs: Map<string, OutputSpec>;
  private readonly newSpecs: Map<string, OutputSpec>;
  private oldCount = 0;
  private newCount = 0;

  constructor(oldRules: readonly RuleFile[] = [], newRules: readonly RuleFile[] = []) {
    this.oldSpecs = specsById(oldRules);
    this.newSpecs = specsById(newRules);
  }

  private static entries(result: RecordResult): [string, unknown][] {
    return [
      ...Object.entries(result.out).map(([k, v]) => [`out.${k}`, v] as [string, unknown]),
      ...Object.entries(result.pop).map(([k, v]) => [`pop.${k}`, v] as [string, unknown]),
    ];
  }

  private tally(side: Map<string, SideTally>, specs: Map<string, OutputSpec>, key: string): SideTally {
    let found = side.get(key);
    if (!found) side.set(key, (found = new SideTally(specs.get(key))));
    return found;
  }

  private change(key: string): void {
    this.changed.set(key, (this.changed.get(key) ?? 0) + 1);
  }

  addOld(results: readonly RecordResult[]): void {
    for (const result of results) {
      for (const [key, value] of ImpactCollector.entries(result)) {
        let column = this.oldValues.get(key);
        if (!column) this.oldValues.set(key, (column = []));
        column[this.oldCount] = value;
        this.tally(this.oldTally, this.oldSpecs, key).add(value);
      }
      this.oldCount++;
    }
  }

  addNew(results: readonly RecordResult[]): void {
    for (const result of results) {
      const seen = new Set<string>();
      for (const [key, value] of ImpactCollector.entries(result)) {
        seen.add(key);
        this.tally(this.newTally, this.newSpecs, key).add(value);
        if (!jsonEqual(this.oldValues.get(key)?.[this.newCount], value)) this.change(key);
      }
      for (const [key, column] of this.oldValues) {
        if (!seen.has(key) && column[this.newCount] !== undefined) this.change(key);
      }
      this.newCount++;
    }
  }

  private impactOf(key: string): OutputImpact {
    const changed = this.changed.get(key) ?? 0;
    const before = this.oldTally.get(key);
    const after = this.newTally.get(key);
    const spec = this.newSpecs.get(key) ?? this.oldSpecs.get(key);
    const strings = (before?.strings ?? 0) + (after?.strings ?? 0);
    const numbers = (before?.numbers ?? 0) + (after?.numbers ?? 0);
    const numeric = spec
      ? spec.type === "number" || spec.type === "integer"
      : strings === 0 && (numbers > 0 || !key.startsWith("pop."));
    if (numeric && key.startsWith("out.")) {
      return { output: key, changed, kind: "total", oldTotal: before?.total(), newTotal: after?.total() };
    }
    if (numeric) return { output: key, changed, kind: "stats", old: before?.stats(), new: after?.stats() };
    const labels = new Set([...(before?.counts.keys() ?? []), ...(after?.counts.keys() ?? [])]);
    const order = spec?.enum ?? [];
    const rank = (v: string) =>
      order.includes(v) ? order.indexOf(v) : order.length + (v === "null" ? 1 : 0);
    const values = [...labels].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return {
      output: key,
      changed,
      kind: "counts",
      counts: values.map((value) => ({
        value,
        old: before?.counts.get(value) ?? 0,
        new: after?.counts.get(value) ?? 0,
      })),
    };
  }

  /** Impacts sorted by output name. */
  summary(): OutputImpact[] {
    const keys = new Set([...this.oldTally.keys(), ...this.newTally.keys()]);
    return [...keys].sort((a, b) => (a < b ? -1 : 1)).map((key) => this.impactOf(key));
  }
}
