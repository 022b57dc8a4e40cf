import { lintLogic, type JsonSchemaLike } from "../jsonlogic";
import type { Problem } from "../problem";
import type { LoadedFile } from "./load";
import type { ParamSpec, RuleFile } from "./model";

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
  }).filter((p) => !reportedElsewhere.has(p.code));
}
