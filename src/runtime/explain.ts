import {
  explain,
  jsonEqual,
  makeRunContext,
  recordProblem,
  todayUtc,
  type PreparedPack,
  type RunContext,
} from "../engine";
import { RuntimeError } from "./errors";
import { runParams } from "./evaluation";
import type { Explanation, ExplainOptions, ResultLine, TraceNode } from "./types";

/**
 * Whether a rule's value depends on a population operator, directly or through the rules it reads:
 * then it needs the whole dataset and cannot be explained from the record alone. A step that reads a
 * computed path could read anything, so with population operators in the pack it counts as dependent.
 */
function needsPopulation(prepared: PreparedPack, ruleId: string): boolean {
  const { steps } = prepared;
  const hasPopulation = steps.some((s) => s.kind === "population");
  if (!hasPopulation) return false;
  if (steps.some((s) => s.node.allReads.some((r) => r.path === ""))) return true;
  const dependent = new Set<string>();
  for (const step of steps) {
    if (step.kind === "population" || step.node.reads.some((r) => dependent.has(r.path)))
      dependent.add(step.node.produces);
    if (step.kind === "rule" && step.node.id === ruleId) return dependent.has(step.node.produces);
  }
  return false;
}

/** `ctx` as `crw eval` decides it for a run of this one record: `asOf`, its own `as_of`, or today. */
function runContext(asOf: string | undefined, own: unknown): RunContext {
  if (asOf !== undefined) {
    const given = makeRunContext(asOf);
    if (!given.ok) throw new RuntimeError("as-of/invalid", `asOf: ${given.error.en}`);
    return given.value;
  }
  const fromRecord = typeof own === "string" ? makeRunContext(own) : undefined;
  if (fromRecord?.ok) return fromRecord.value;
  const today = makeRunContext(todayUtc());
  if (!today.ok) throw new Error(`today's date ${todayUtc()} is not a run date`);
  return today.value;
}

/**
 * `pack.explain(record, ruleId)`: the record's value for the rule and the evaluation trace of the rule's
 * logic (the engine's `explain`, reference semantics, which the compiled evaluator is proven equal to).
 * The context is the record with the run's `params` and `ctx` and the record's `out` and `pop` from its
 * result: given, or computed by evaluating the record alone when the rule needs no population operator.
 */
export async function explainRule(
  prepared: PreparedPack,
  evaluateOne: (record: unknown, options: ExplainOptions) => Promise<ResultLine>,
  record: unknown,
  ruleId: string,
  options: ExplainOptions,
): Promise<Explanation> {
  const step = prepared.steps.find((s) => s.kind === "rule" && s.node.id === ruleId);
  if (!step || step.kind !== "rule") {
    const known = prepared.steps.filter((s) => s.kind === "rule").map((s) => s.node.id);
    throw new RuntimeError(
      "explain/unknown-rule",
      `The pack has no rule "${ruleId}" (rules: ${known.join(", ")}).`,
    );
  }
  const refused = recordProblem(record, 0);
  if (refused) throw new RuntimeError("dataset/invalid", refused.en);
  const fields = record as Record<string, unknown>;
  let result = options.result;
  if (result === undefined) {
    if (needsPopulation(prepared, ruleId))
      throw new RuntimeError(
        "explain/needs-result",
        `Rule "${ruleId}" depends on population operators, whose values come from the whole dataset: pass the record's result from evaluate() as { result }.`,
      );
    result = await evaluateOne(record, options);
  } else if (!jsonEqual(result.id ?? null, fields.id ?? null)) {
    throw new RuntimeError(
      "explain/wrong-result",
      `The result given is for id ${JSON.stringify(result.id)}, the record has id ${JSON.stringify(fields.id)}.`,
    );
  }
  const error = result.errors.find((e) => e.rule === ruleId);
  const value = Object.prototype.hasOwnProperty.call(result.out, ruleId)
    ? (result.out[ruleId] ?? null)
    : null;
  const params = runParams(prepared, options.params);
  const context: Record<string, unknown> = {
    ...fields,
    params,
    ctx: runContext(options.asOf, fields.as_of),
    pop: { ...result.pop },
    out: { ...result.out },
  };
  const explanation: Explanation = { rule: ruleId, value, context };
  if (error) explanation.error = error;
  if (error?.code !== "rule/upstream") {
    const trace: TraceNode = explain(step.rule.rule.logic, context, {
      ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    });
    explanation.trace = trace;
  }
  return explanation;
}
