import { DecimalSum, GuardrailCollector, type Guardrail, type PreparedPack } from "../engine";
import type { OutputSummary, ResultLine, ResultValue, RunSummary } from "./types";

/** Label of a non-numeric value in counts: strings as they are, anything else as JSON. */
function label(value: ResultValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Totals of one output as results arrive. */
interface Tally {
  add(value: ResultValue | undefined): void;
  result(): OutputSummary;
}

/** Numeric rule outputs: an exact decimal sum at the output's `decimals` (see DecimalSum). */
function total(decimals: number | undefined): Tally {
  const sum = new DecimalSum(decimals ?? 0);
  let nonzero = 0;
  let nulls = 0;
  return {
    add(value) {
      if (typeof value === "number") {
        sum.add(value);
        if (value !== 0) nonzero++;
      } else nulls++;
    },
    result: () => ({ kind: "total", total: sum.format(decimals), count: sum.count, nonzero, nulls }),
  };
}

/** Numeric population values: minimum, mean and maximum. */
function stats(): Tally {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let nulls = 0;
  return {
    add(value) {
      if (typeof value !== "number") {
        nulls++;
        return;
      }
      count++;
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
    },
    result: () =>
      count === 0
        ? { kind: "stats", count, min: null, mean: null, max: null, nulls }
        : { kind: "stats", count, min, mean: sum / count, max, nulls },
  };
}

/** Strings, booleans and class labels: records per value. */
function counts(): Tally {
  const seen: Record<string, number> = {};
  return {
    add(value) {
      const key = label(value ?? null);
      seen[key] = (seen[key] ?? 0) + 1;
    },
    result: () => ({ kind: "counts", counts: { ...seen } }),
  };
}

/** Collects a {@link RunSummary} from result lines, in one pass and constant memory. */
export class SummaryCollector {
  private records = 0;
  private withErrors = 0;
  private readonly errors: Record<string, number> = {};
  private readonly tallies: [string, Tally][] = [];
  private guardrails: GuardrailCollector | undefined;

  constructor(
    prepared: PreparedPack,
    private readonly declared: readonly Guardrail[] = [],
  ) {
    for (const step of prepared.steps) {
      if (step.kind === "rule") {
        const { type, decimals } = step.rule.rule.output;
        const numeric = type === "number" || type === "integer";
        const tally = numeric ? total(type === "integer" ? 0 : decimals) : counts();
        this.tallies.push([`out.${step.node.id}`, tally]);
      } else {
        const tally = step.op.op === "cumulative_share_class" ? counts() : stats();
        this.tallies.push([step.op.out, tally]);
      }
    }
  }

  /** Starts checking the guardrails with the run's resolved parameters; call before the first `add`. */
  checkGuardrails(params: Record<string, unknown>): void {
    this.guardrails = new GuardrailCollector(this.declared, params);
  }

  add(line: ResultLine): void {
    this.records++;
    this.guardrails?.add(line);
    if (line.errors.length > 0) this.withErrors++;
    for (const e of line.errors) this.errors[e.code] = (this.errors[e.code] ?? 0) + 1;
    for (const [path, tally] of this.tallies) {
      const values = path.startsWith("out.") ? line.out : line.pop;
      const name = path.slice(4);
      // A record that could not be read has no outputs at all: it counts as a null.
      tally.add(Object.prototype.hasOwnProperty.call(values, name) ? values[name] : null);
    }
  }

  summary(asOf?: RunSummary["asOf"]): RunSummary {
    return {
      records: this.records,
      withErrors: this.withErrors,
      errors: { ...this.errors },
      ...(asOf ? { asOf } : {}),
      outputs: Object.fromEntries(this.tallies.map(([path, tally]) => [path, tally.result()])),
      guardrails: this.guardrails?.results() ?? [],
    };
  }
}
