import { lintLogic, readPaths, type JsonSchemaLike } from "../jsonlogic";
import type { Problem } from "../problem";
import type { LoadedFile } from "./load";
import type { ParamSpec, PopulationOp, RuleFile } from "./model";

/** Codes the pack checks report already (operator allow-list, limits, parameters via the graph). */
const reportedElsewhere = new Set([
  "logic/unknown-operator",
  "logic/too-deep",
  "logic/too-large",
  "logic/unknown-param",
]);

export interface RuleLintOptions {
  /** JSON Schema of one dataset record: `var` paths it does not know are warned about. */
  datasetSchema?: JsonSchemaLike;
  /**
   * The `params` of the manifest or pack the rule is linted in. Runs refuse parameter values outside
   * the declared bounds, so a division by a parameter declared with `min > 0` (or `max < 0`) is
   * guarded. Leave it out for a rule file linted on its own: then such a division is warned about.
   */
  params?: Readonly<Record<string, ParamSpec>>;
  /** The pack's population operators and rules, so reads of `pop.` values can be proved non-null. */
  population?: readonly PopulationOp[];
  rules?: readonly RuleFile[];
}

/** Operators that give every record taking part a number: null means the record took no part. */
const numberForEveryParticipant: ReadonlySet<PopulationOp["op"]> = new Set([
  "rank",
  "percentile",
  "group_stat",
  "budget_factor",
]);

/**
 * The `pop.` paths that cannot be null where `rule` runs. A record takes part in an operator unless
 * its measure is not a finite number. When the measure is `out.<id>` of a number-typed rule, that
 * happens only when the rule failed for the record, and if `rule` itself reads that `out.<id>`, the
 * pipeline skips `rule` for such records (`rule/upstream`). So for operators that give every
 * participant a number, the value `rule` sees is always a number.
 */
export function nonNullPopPaths(
  rule: RuleFile,
  population: readonly PopulationOp[],
  rules: readonly RuleFile[],
): Set<string> {
  const reads = new Set(readPaths(rule.logic).map((r) => r.path));
  const numberRules = new Set(
    rules.filter((r) => r.output.type === "number" || r.output.type === "integer").map((r) => r.id),
  );
  const proven = new Set<string>();
  for (const op of population) {
    const measureRule = op.measure.startsWith("out.") ? op.measure.slice(4) : undefined;
    if (!numberForEveryParticipant.has(op.op) || measureRule === undefined) continue;
    if (numberRules.has(measureRule) && reads.has(op.measure)) proven.add(op.out);
  }
  return proven;
}

/**
 * The §7 lint of one rule's logic (`lintLogic`: loose equality, unguarded division, arithmetic on
 * possibly-null values, `var` paths against the dataset schema, arity, provable output type
 * mismatches, …), located in the file the rule is in. `pointer` is where the rule sits in that file
 * ("" for a rule file, `/rules/<i>` inside a built pack). With `options.params` the lint knows the
 * pack's parameter bounds (see {@link RuleLintOptions}). Findings the pack checks already make are
 * left out so nothing is reported twice.
 */
export function lintRule(
  rule: RuleFile,
  source: LoadedFile | undefined,
  pointer = "",
  options: RuleLintOptions = {},
): Problem[] {
  return lintLogic(rule.logic, {
    pointerPrefix: `${pointer}/logic`,
    outputType: rule.output.type,
    ...(source ? { sourceText: source.text, file: source.file } : {}),
    ...(options.datasetSchema === undefined ? {} : { datasetSchema: options.datasetSchema }),
    ...(options.params === undefined ? {} : { paramDeclarations: options.params }),
    ...(options.population && options.rules
      ? { nonNullPaths: nonNullPopPaths(rule, options.population, options.rules) }
      : {}),
  }).filter((p) => !reportedElsewhere.has(p.code));
}
