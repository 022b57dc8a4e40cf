import type { PreparedStep } from "./prepare";
import { neededFields, projector, type PathTree } from "./projection";

export type RuleStep = PreparedStep & { kind: "rule" };
export type PopulationStep = PreparedStep & { kind: "population" };

/** A pass over the held records: one population operator, or a run of rules. */
export type Pass = { kind: "rules"; steps: RuleStep[] } | { kind: "population"; step: PopulationStep };

/** How {@link runPack} cuts a pack's order into work done while reading and passes done after. */
export interface RunPlan {
  /** Rules evaluated on each record as it is read. */
  early: RuleStep[];
  /** Passes over the held records once all are read; empty when the pack streams. */
  later: Pass[];
  /** Copies of a record with only what `later` reads (plus `id`); `undefined` holds records whole. */
  project?: (record: Record<string, unknown>) => Record<string, unknown>;
  /** The tree {@link project} copies. */
  keep?: PathTree;
  /**
   * `out` and `pop` of every evaluated record, created up front with their keys in the pack's order
   * (values `null` until computed), so results list them in that order whatever order they are
   * computed in. `undefined` when some step reads a computed path or the whole context, which could
   * see the placeholders: then the order is followed strictly and nothing is created up front.
   */
  templates?: { out: Record<string, null>; pop: Record<string, null> };
  /** Position of each rule in the pack's order, when `early` took rules out of it (to order errors). */
  errorRank?: Map<string, number>;
}

/** Splits steps into passes: runs of rules, and each population operator on its own. */
function passesOf(steps: readonly PreparedStep[]): Pass[] {
  const passes: Pass[] = [];
  for (const step of steps) {
    const last = passes[passes.length - 1];
    if (step.kind === "population") passes.push({ kind: "population", step });
    else if (last?.kind === "rules") last.steps.push(step);
    else passes.push({ kind: "rules", steps: [step] });
  }
  return passes;
}

/**
 * Plans a run. A rule that depends on no population operator (directly or through other rules) has
 * the same value whenever it runs, so it is evaluated while records are read, even when the order
 * places it after an operator; only rules that need an operator's result wait for the later passes.
 * That keeps the held records small: they carry only the fields the later passes read. The pack's
 * order still decides the order of `out`, `pop` and a record's errors in the results.
 *
 * A step that reads a computed path or the whole context (`pack/dynamic-read`) could observe the
 * difference (and a `pop.__proto__` output cannot have a placeholder), so such packs run strictly in order: the rules before the first operator while reading,
 * everything else after.
 */
export function planRun(steps: readonly PreparedStep[]): RunPlan {
  // A pop output named __proto__ would behave differently as a placeholder key than when assigned.
  const dynamic =
    steps.some((s) => s.node.allReads.some((r) => r.path === "")) ||
    steps.some((s) => s.node.produces === "pop.__proto__");
  let early: RuleStep[];
  let rest: PreparedStep[];
  if (dynamic) {
    const first = steps.findIndex((s) => s.kind === "population");
    const cut = first < 0 ? steps.length : first;
    early = steps.slice(0, cut) as RuleStep[];
    rest = steps.slice(cut);
  } else {
    const afterPopulation = new Set<string>();
    early = [];
    rest = [];
    for (const step of steps) {
      if (step.kind === "population" || step.node.reads.some((r) => afterPopulation.has(r.path))) {
        afterPopulation.add(step.node.produces);
        rest.push(step);
      } else early.push(step);
    }
  }
  const plan: RunPlan = { early, later: passesOf(rest) };
  if (rest.length > 0) {
    const keep = neededFields(rest);
    if (keep) {
      plan.project = projector(keep);
      plan.keep = keep;
    }
  }
  if (!dynamic) {
    const names = (kind: PreparedStep["kind"], prefix: number) =>
      steps.filter((s) => s.kind === kind).map((s) => s.node.produces.slice(prefix));
    const template = (keys: string[]) =>
      Object.fromEntries(keys.map((k) => [k, null])) as Record<string, null>;
    plan.templates = { out: template(names("rule", 4)), pop: template(names("population", 4)) };
    const ruleOrder = steps.filter((s) => s.kind === "rule").map((s) => s.node.id);
    const runOrder = [...early, ...rest.filter((s) => s.kind === "rule")].map((s) => s.node.id);
    if (ruleOrder.some((id, i) => runOrder[i] !== id)) {
      plan.errorRank = new Map(ruleOrder.map((id, i) => [id, i]));
    }
  }
  return plan;
}
