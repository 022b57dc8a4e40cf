import type { LocalizedText } from "../../base";
import { compile, LogicError, scanLogic, type CompiledLogic, type CompileOptions } from "../jsonlogic";
import type { Problem } from "../problem";
import { planPack, type GraphNode, type NodeLocator } from "./graph";
import type { PackContent, PopulationOp, RuleFile } from "./model";
import { checkedValue, OutputFailure } from "./outputCheck";

/** A rule ready to run: its file and its compiled logic. */
export interface PreparedRule {
  rule: RuleFile;
  evaluate: CompiledLogic;
}

/** One step of the evaluation order. */
export type PreparedStep =
  | {
      kind: "rule";
      node: GraphNode;
      rule: PreparedRule;
      /**
       * Ids of the rules whose `out.<id>` this rule reads (outside array operators), in the order of
       * the first read: where one of them failed for a record, this rule is not evaluated for it.
       */
      upstream: string[];
    }
  | { kind: "population"; node: GraphNode; op: PopulationOp };

/** A pack checked, ordered and compiled, ready for {@link runPack}. */
export interface PreparedPack {
  content: PackContent;
  steps: PreparedStep[];
  /** Warnings found while preparing (errors prevent preparation). */
  warnings: Problem[];
}

/** Problems of one rule's logic that stop it from running: unknown operators, limits exceeded. */
export function logicProblems(
  rule: RuleFile,
  locateRule: (pointer: string, code: string, m: LocalizedText) => Problem,
) {
  return scanLogic(rule.logic, undefined, "/logic").map((v) =>
    locateRule(v.pointer, v.code, {
      en:
        v.code === "logic/unknown-operator"
          ? `Unknown operator "${v.operator ?? ""}" in rule ${rule.id}; use a JsonLogic operator (json-logic-js 2.0.5).`
          : `${v.message} (rule ${rule.id}).`,
      "zh-CN":
        v.code === "logic/unknown-operator"
          ? `规则 ${rule.id} 中有未知运算符 "${v.operator ?? ""}"；请使用 JsonLogic 运算符（json-logic-js 2.0.5）。`
          : `${v.message}（规则 ${rule.id}）。`,
    }),
  );
}

/**
 * Plans and compiles a pack: the dependency graph and order of pack-format.md §6, and one compiled
 * evaluator per rule. Returns the problems instead when any is an error.
 */
export function preparePack(
  content: PackContent,
  locate: NodeLocator,
  options: Pick<CompileOptions, "codegen"> = {},
): { pack?: PreparedPack; problems: Problem[] } {
  const problems: Problem[] = [];
  content.rules.forEach((rule, index) => {
    problems.push(...logicProblems(rule, (p, c, m) => locate({ kind: "rule", index }, p, c, m)));
  });
  const plan = planPack(content, locate);
  problems.push(...plan.problems);
  if (problems.some((p) => p.severity === "error")) return { problems };
  const steps: PreparedStep[] = [];
  for (const node of plan.order) {
    if (node.kind === "population") {
      steps.push({ kind: "population", node, op: content.population[node.index]! });
      continue;
    }
    const rule = content.rules[node.index]!;
    try {
      const evaluate = compile(rule.logic, options);
      steps.push({ kind: "rule", node, rule: { rule, evaluate }, upstream: upstreamRules(node) });
    } catch (error) {
      const pointer = error instanceof LogicError ? "/logic" + error.pointer : "/logic";
      const message = (error as Error).message;
      problems.push(
        locate(node, pointer, "logic/compile", {
          en: `${message} (rule ${rule.id}).`,
          "zh-CN": `${message}（规则 ${rule.id}）。`,
        }),
      );
    }
  }
  if (problems.some((p) => p.severity === "error")) return { problems };
  return { pack: { content, steps, warnings: problems }, problems };
}

/** The rules a node reads `out.<id>` of, each once, in the order of the first read. */
function upstreamRules(node: GraphNode): string[] {
  const ids = node.reads.filter((r) => r.path.startsWith("out.")).map((r) => r.path.slice("out.".length));
  return [...new Set(ids)];
}

/** Why one record has no value for a rule or operator. */
export interface RecordError {
  code: string;
  message: LocalizedText;
  /** The rule whose evaluation or output check failed. */
  rule?: string;
  /** Where a data-source error is in the input (1-based), e.g. the CSV line and column. */
  line?: number;
  column?: number;
}

/** Why one rule has no value for one record, as returned by {@link evaluateChecked}. */
export class RuleFailure {
  constructor(readonly error: RecordError) {}
}

/**
 * Evaluates one rule against a context and applies the output checks: the checked value, or a
 * {@link RuleFailure} when the logic threw or the value failed the checks (an error for this record
 * only). Allocates nothing on the passing path; the pipeline calls it once per rule and record.
 */
export function evaluateChecked(prepared: PreparedRule, context: unknown): unknown {
  let raw: unknown;
  try {
    raw = prepared.evaluate(context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return new RuleFailure({
      code: "rule/evaluation",
      rule: prepared.rule.id,
      message: { en: `Evaluation failed: ${message}`, "zh-CN": `求值失败：${message}` },
    });
  }
  const checked = checkedValue(raw, prepared.rule.output);
  if (checked instanceof OutputFailure) return new RuleFailure({ ...checked.error, rule: prepared.rule.id });
  return checked;
}

/**
 * The error of a rule that is not evaluated for a record because rules whose `out.<id>` it reads
 * failed for that record (their `out` is `null`): no rule computes with a failed upstream value.
 */
export function upstreamError(rule: string, failed: readonly string[]): RecordError {
  const paths = failed.map((id) => `out.${id}`);
  return {
    code: "rule/upstream",
    rule,
    message: {
      en: `Not evaluated: ${paths.join(", ")} failed for this record.`,
      "zh-CN": `未计算：本记录的 ${paths.join("、")} 出错。`,
    },
  };
}

/**
 * Evaluates one rule against a context and applies the output checks. A throw or a failed check is
 * returned as an error for this record only.
 */
export function evaluateRule(
  prepared: PreparedRule,
  context: unknown,
): { value: unknown; error?: RecordError } {
  const checked = evaluateChecked(prepared, context);
  return checked instanceof RuleFailure ? { value: null, error: checked.error } : { value: checked };
}
