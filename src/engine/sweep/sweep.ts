/**
 * Parameter sweeps: one parameter over a range, the pack run over the same records at each value,
 * and per value the figures a channel manager watches (domain §7, sensitivity): total cost, number
 * paid, eliminated, A-class and gate failures. What counts as each is derived from the pack
 * ({@link sweepModel}), so it works for any pack without extra declarations.
 */
import type { LocalizedText } from "../../base";
import { DecimalSum } from "../pack/decimalSum";
import type { Guardrail } from "../pack/guardrails";
import type { ParamSpec } from "../pack/model";
import type { PreparedPack } from "../pack/prepare";

/** Which outputs the sweep's figures are read from. */
export interface SweepModel {
  /** Numeric outputs (`out.<id>`) added up as the cost; a record with a positive cost is paid. */
  cost: string[];
  /** String outputs whose allowed values include `eliminate`: a record with any of them so is eliminated. */
  elimination: string[];
  /** A class label path and the label counted (the first of a `cumulative_share_class`, "A"). */
  classPath?: string;
  classLabel?: string;
  /** Boolean incentive outputs (gates): a record with any of them false failed a gate. */
  gates: string[];
}

/**
 * The default model of a pack: cost is the given output(s); else the paths of the pack's first `total`
 * guardrail with a maximum (what the pack itself holds to a budget, e.g. cash rebate plus terminal
 * support); else the last CNY output of an incentive rule in evaluation order. Elimination and gates
 * as in {@link SweepModel}; the class is the first `cumulative_share_class` operator's first label.
 */
export function sweepModel(
  prepared: PreparedPack,
  cost?: readonly string[],
  guardrails: readonly Guardrail[] = [],
): SweepModel {
  const budget = guardrails.find((g) => g.kind === "total" && g.max !== undefined);
  const budgeted = budget?.kind === "total" ? (typeof budget.of === "string" ? [budget.of] : budget.of) : [];
  const rules = prepared.steps.flatMap((s) => (s.kind === "rule" ? [s.rule.rule] : []));
  const money = rules.filter((r) => r.kind === "incentive" && r.output.unit === "CNY");
  const classOp = prepared.content.population.find((p) => p.op === "cumulative_share_class");
  return {
    cost:
      cost && cost.length > 0
        ? [...cost]
        : budgeted.length > 0
          ? [...budgeted]
          : money.length
            ? [`out.${money[money.length - 1]!.id}`]
            : [],
    elimination: rules
      .filter((r) => r.output.type === "string" && (r.output.enum ?? []).includes("eliminate"))
      .map((r) => `out.${r.id}`),
    ...(classOp && classOp.op === "cumulative_share_class"
      ? { classPath: classOp.out, classLabel: classOp.labels[0] ?? "A" }
      : {}),
    gates: rules
      .filter((r) => r.kind === "incentive" && r.output.type === "boolean")
      .map((r) => `out.${r.id}`),
  };
}

/** `steps` values from `from` to `to` inclusive, evenly spaced (integers rounded, repeats dropped). */
export function sweepValues(spec: ParamSpec, from: number, to: number, steps: number): number[] {
  const n = Math.max(2, Math.floor(steps));
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    let v = from + ((to - from) * i) / (n - 1);
    // 15 significant digits, so 0.85 + 3 × 0.05 is 1 and not 0.9999999999999999.
    v = spec.type === "integer" ? Math.round(v) : Number(v.toPrecision(12));
    if (values[values.length - 1] !== v) values.push(v);
  }
  return values;
}

/** Why a sweep range is refused: outside the parameter's bounds, or not a numeric parameter. */
export function sweepRangeProblem(
  name: string,
  spec: ParamSpec | undefined,
  from: number,
  to: number,
  steps: number,
): LocalizedText | undefined {
  if (!spec || (spec.type !== "number" && spec.type !== "integer"))
    return {
      en: `"${name}" is not a numeric parameter of the pack.`,
      "zh-CN": `"${name}" 不是规则包的数值参数。`,
    };
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to)
    return {
      en: "The range needs two numbers, the first below the second.",
      "zh-CN": "范围需要两个数，且前者小于后者。",
    };
  if (spec.min !== undefined && from < spec.min)
    return { en: `${name} cannot go below ${spec.min}.`, "zh-CN": `${name} 不能低于 ${spec.min}。` };
  if (spec.max !== undefined && to > spec.max)
    return { en: `${name} cannot go above ${spec.max}.`, "zh-CN": `${name} 不能高于 ${spec.max}。` };
  if (!Number.isInteger(steps) || steps < 2 || steps > 101)
    return { en: "Steps must be a whole number from 2 to 101.", "zh-CN": "步数必须是 2 到 101 的整数。" };
  return undefined;
}

/** The figures of one step. */
export interface SweepRow {
  value: number;
  /** Exact decimal total of the cost outputs. */
  cost: string;
  paid: number;
  eliminated: number;
  aClass: number;
  gateFailures: number;
  records: number;
  withErrors: number;
}

/** Collects one step's figures from its results as they arrive. */
export class SweepTally {
  private readonly sum = new DecimalSum(2);
  private paid = 0;
  private eliminated = 0;
  private aClass = 0;
  private gateFailures = 0;
  private records = 0;
  private withErrors = 0;

  constructor(private readonly model: SweepModel) {}

  add(result: {
    out: Record<string, unknown>;
    pop: Record<string, unknown>;
    errors: readonly unknown[];
  }): void {
    const { model } = this;
    this.records++;
    if (result.errors.length > 0) this.withErrors++;
    const read = (path: string) => (path.startsWith("out.") ? result.out : result.pop)[path.slice(4)];
    let cost = 0;
    for (const path of model.cost) {
      const v = read(path);
      if (typeof v === "number" && Number.isFinite(v)) {
        this.sum.add(v);
        cost += v;
      }
    }
    if (cost > 0) this.paid++;
    if (model.elimination.some((p) => read(p) === "eliminate")) this.eliminated++;
    if (model.classPath && read(model.classPath) === model.classLabel) this.aClass++;
    if (model.gates.some((p) => read(p) === false)) this.gateFailures++;
  }

  row(value: number): SweepRow {
    return {
      value,
      cost: this.sum.format(2),
      paid: this.paid,
      eliminated: this.eliminated,
      aClass: this.aClass,
      gateFailures: this.gateFailures,
      records: this.records,
      withErrors: this.withErrors,
    };
  }
}
