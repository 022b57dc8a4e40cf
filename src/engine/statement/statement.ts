/**
 * A record's statement (对账单): per rule of a pack, in evaluation order, the value, the evaluation tree
 * with every sub-expression's value, the inputs read with their labels, the plain-language sentence
 * and the flip values. Rules that read population values get them from the record's result of a run
 * over the whole dataset ({@link resultOf}), exactly as the run computed them.
 */
import type { LocalizedText } from "../../base";
import { explain, readPaths, type ExplainNode } from "../jsonlogic";
import type { RunContext } from "../pack/context";
import type { RuleKind } from "../pack/model";
import { getPath } from "../pack/paths";
import { runPack, type RecordResult, type RunOptions } from "../pack/pipeline";
import type { PreparedPack, RecordError } from "../pack/prepare";
import { ruleSentence, type FlipValue } from "./sentence";
import type { Vocabulary } from "./vocabulary";

/** An input a rule read for the record. */
export interface StatementInput {
  path: string;
  label?: LocalizedText;
  unit?: string;
  value: unknown;
}

/** One rule's part of a statement. */
export interface RuleStatement {
  rule: string;
  kind: RuleKind;
  title: LocalizedText;
  unit?: string;
  /** The checked output, as the run gave it (`null` where the rule failed). */
  value: unknown;
  error?: RecordError;
  /** The evaluation tree; absent when the rule was not evaluated (`rule/upstream`). */
  trace?: ExplainNode;
  inputs: StatementInput[];
  sentence: LocalizedText;
  flips: FlipValue[];
}

export interface RecordStatement {
  id: unknown;
  rules: RuleStatement[];
}

/** The parts of a run a statement needs. */
export interface StatementOptions {
  params: Record<string, unknown>;
  ctx: RunContext;
  vocabulary: Vocabulary;
  /** Only these rules (default: every rule of the pack). */
  rules?: readonly string[];
}

/**
 * The statement of one record from its result: the context each rule saw is the record with the run's
 * `params` and `ctx` and the result's `out` and `pop`, so the trace is the one the run followed.
 */
export function recordStatement(
  prepared: PreparedPack,
  record: Record<string, unknown>,
  result: Pick<RecordResult, "out" | "pop" | "errors">,
  options: StatementOptions,
): RecordStatement {
  const context: Record<string, unknown> = {
    ...record,
    params: options.params,
    ctx: options.ctx,
    pop: result.pop,
    out: result.out,
  };
  const wanted = options.rules ? new Set(options.rules) : undefined;
  const rules: RuleStatement[] = [];
  for (const step of prepared.steps) {
    if (step.kind !== "rule" || (wanted && !wanted.has(step.node.id))) continue;
    const rule = step.rule.rule;
    const value = Object.prototype.hasOwnProperty.call(result.out, rule.id) ? result.out[rule.id] : null;
    const error = result.errors.find((e) => e.rule === rule.id);
    const seen = new Set<string>();
    const inputs: StatementInput[] = [];
    for (const read of readPaths(rule.logic)) {
      if (read.dynamic || read.path === "" || seen.has(read.path)) continue;
      seen.add(read.path);
      const label = options.vocabulary(read.path);
      inputs.push({
        path: read.path,
        ...(label ? { label: label.label } : {}),
        ...(label?.unit ? { unit: label.unit } : {}),
        value: getPath(context, read.path) ?? null,
      });
    }
    const unit = rule.output.unit;
    const base = {
      rule: rule.id,
      kind: rule.kind,
      title: rule.title,
      ...(unit ? { unit } : {}),
      value,
      inputs,
    };
    if (error?.code === "rule/upstream") {
      rules.push({ ...base, error, sentence: upstreamSentence(rule.title, error), flips: [] });
      continue;
    }
    const trace = explain(rule.logic, context);
    const { sentence, flips } = ruleSentence(rule.title, unit, value, trace, rule.logic, options.vocabulary);
    rules.push({ ...base, ...(error ? { error } : {}), trace, sentence, flips });
  }
  return { id: record.id ?? null, rules };
}

function upstreamSentence(title: LocalizedText, error: RecordError): LocalizedText {
  return {
    en: `${title.en}: ${error.message.en}`,
    "zh-CN": `${title["zh-CN"] ?? title.en}：${error.message["zh-CN"] ?? error.message.en}`,
  };
}

/**
 * Runs the pack over the whole dataset (population operators need every record) and returns the
 * result of the record at `index`, or undefined when there is none. Other results are dropped as
 * they come, so memory stays at what the pipeline holds.
 */
export async function resultOf(
  prepared: PreparedPack,
  records: readonly unknown[],
  index: number,
  options: RunOptions,
): Promise<RecordResult | undefined> {
  let seen = 0;
  let found: RecordResult | undefined;
  for await (const chunk of runPack(prepared, records, options)) {
    if (index >= seen && index < seen + chunk.length) found = chunk[index - seen];
    seen += chunk.length;
  }
  return found;
}
