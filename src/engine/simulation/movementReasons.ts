/**
 * Why a distributor moved between two runs (Compare with Baseline): for a class, segment or
 * elimination status that differs, the rule (or population operator) that decided it on each side,
 * with the inputs it read, its plain-language sentence and the values that would flip it, from the
 * same statement code the Explain Record view uses. Each side is explained with its own pack, its
 * own parameters and `as_of`, and the record's result in its own run.
 */
import type { LocalizedText } from "../../base";
import type { RunContext } from "../pack/context";
import { problemAt } from "../pack/located";
import type { PackContent, PopulationOp } from "../pack/model";
import { getPath } from "../pack/paths";
import type { RecordResult } from "../pack/pipeline";
import { preparePack, type PreparedPack } from "../pack/prepare";
import type { FlipValue } from "../statement/sentence";
import { recordStatement, type StatementInput } from "../statement/statement";
import { formatValue, type Vocabulary } from "../statement/vocabulary";
import type { ReportSpec } from "./reportSpec";

/** What decided one output on one side. */
export interface DecidingReason {
  /** The rule id, or the population operator's id. */
  source: string;
  kind: "rule" | "population";
  /** The output it decided (`out.usability-segment`, `pop.abc_class`). */
  output: string;
  title: LocalizedText;
  value: unknown;
  inputs: StatementInput[];
  sentence: LocalizedText;
  flips: FlipValue[];
}

/** Both sides' reasons for one moved record. */
export interface MoverReasons {
  /** The movement (an output, or `elimination`) and the record's position in the runs. */
  output: string;
  index: number;
  base: DecidingReason[];
  candidate: DecidingReason[];
}

/** One side of a comparison, ready to explain records: its pack prepared, its run's params and date. */
export interface ReasonSide {
  prepared: PreparedPack;
  spec: ReportSpec;
  params: Record<string, unknown>;
  ctx: RunContext;
  vocabulary: Vocabulary;
}

/** A moved record: the movement it is in (an output, or `elimination`), the record and both results. */
export interface MovedRecord {
  output: string;
  index: number;
  record: Record<string, unknown>;
  base: Pick<RecordResult, "out" | "pop" | "errors">;
  candidate: Pick<RecordResult, "out" | "pop" | "errors">;
}

/**
 * Prepares a stored run's pack content for explaining (closures: the workbench's CSP allows no
 * generated code). A kept run's content was prepared once already, so a problem here is a bug.
 */
export function prepareForReasons(content: PackContent): PreparedPack {
  const file = { file: "run", text: "" };
  const prepared = preparePack(content, (_n, pointer, code, message, severity) =>
    problemAt(file, code, pointer, message, severity),
  );
  if (!prepared.pack) throw new Error(prepared.problems.map((p) => p.message.en).join("\n"));
  return prepared.pack;
}

const valueOf = (result: MovedRecord["base"], path: string): unknown =>
  path.startsWith("out.")
    ? result.out[path.slice(4)]
    : path.startsWith("pop.")
      ? result.pop[path.slice(4)]
      : undefined;

/**
 * The outputs that decided a movement: the output itself for a class or segment; for the elimination
 * status, the elimination outputs that eliminate the record on either side (so the kept side shows
 * why that rule no longer, or not yet, eliminates it).
 */
export function decidingOutputs(moved: MovedRecord, base: ReportSpec, candidate: ReportSpec): string[] {
  if (moved.output !== "elimination") return [moved.output];
  const outputs = new Set<string>();
  for (const [spec, result] of [
    [base, moved.base],
    [candidate, moved.candidate],
  ] as const)
    for (const e of spec.elimination) if (e.values.includes(valueOf(result, e.output))) outputs.add(e.output);
  return [...outputs];
}

function populationReason(
  op: PopulationOp,
  side: ReasonSide,
  context: Record<string, unknown>,
  value: unknown,
): DecidingReason {
  const measure = getPath(context, op.measure) ?? null;
  const label = side.vocabulary(op.measure);
  const title = op.title ?? { en: op.id, "zh-CN": op.id };
  const shown = (locale: "en" | "zh-CN") => formatValue(measure, label?.unit, locale);
  const name = (locale: "en" | "zh-CN") => (label ? (label.label[locale] ?? label.label.en) : op.measure);
  const v = typeof value === "string" ? value : JSON.stringify(value ?? null);
  return {
    source: op.id,
    kind: "population",
    output: op.out,
    title,
    value,
    inputs: [
      {
        path: op.measure,
        ...(label ? { label: label.label } : {}),
        ...(label?.unit ? { unit: label.unit } : {}),
        value: measure,
      },
    ],
    sentence: {
      en: `${title.en} ${v}: ${name("en")} ${shown("en")}, compared with every record of the run (${op.op}).`,
      "zh-CN": `${title["zh-CN"] ?? title.en} ${v}：${name("zh-CN")} ${shown("zh-CN")}，与本次运行的全部记录比较得出（${op.op}）。`,
    },
    flips: [],
  };
}

/** The reasons for one output on one side, from the rule's statement or the population operator. */
function reasonsOn(
  side: ReasonSide,
  moved: MovedRecord,
  result: MovedRecord["base"],
  output: string,
): DecidingReason[] {
  if (output.startsWith("pop.")) {
    const op = side.prepared.content.population.find((p) => p.out === output);
    if (!op) return [];
    const context = { ...moved.record, params: side.params, ctx: side.ctx, pop: result.pop, out: result.out };
    return [populationReason(op, side, context, valueOf(result, output))];
  }
  const rule = output.slice(4);
  if (!output.startsWith("out.") || !side.prepared.content.rules.some((r) => r.id === rule)) return [];
  const statement = recordStatement(side.prepared, moved.record, result, {
    params: side.params,
    ctx: side.ctx,
    vocabulary: side.vocabulary,
    rules: [rule],
  });
  return statement.rules.map((r) => ({
    source: r.rule,
    kind: "rule",
    output,
    title: r.title,
    value: r.value,
    inputs: r.inputs,
    sentence: r.sentence,
    flips: r.flips,
  }));
}

/** Each side's reasons for a moved record (see {@link decidingOutputs}). */
export function moverReasons(moved: MovedRecord, base: ReasonSide, candidate: ReasonSide): MoverReasons {
  const outputs = decidingOutputs(moved, base.spec, candidate.spec);
  return {
    output: moved.output,
    index: moved.index,
    base: outputs.flatMap((o) => reasonsOn(base, moved, moved.base, o)),
    candidate: outputs.flatMap((o) => reasonsOn(candidate, moved, moved.candidate, o)),
  };
}
