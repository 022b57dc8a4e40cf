import type { Locale } from "../../../base";
import { datasetFields } from "./fields";
import { contextFields, ruleScope, type ManifestSource, type RuleSource } from "./scope";
import type { LanguageContext } from "./types";

/** Records looked at for the share of records having each field; enough for a stable percentage. */
export const PRESENCE_SAMPLE_SIZE = 2000;

/** The inputs of a {@link LanguageContext}, as the workbench holds them. */
export interface LanguageContextInput {
  locale: Locale;
  /** JSON Schema of one record of the active dataset (DatasetMeta.schema). */
  datasetSchema?: unknown;
  /** Records of the active dataset (at most {@link PRESENCE_SAMPLE_SIZE} are looked at). */
  records?: readonly unknown[];
  /** The workspace path of the rule being edited, to find the manifests that include it. */
  ruleFile?: string;
  manifests?: readonly ManifestSource[];
  rules?: readonly RuleSource[];
  sampleRecord?: unknown;
}

/**
 * Builds what the rule language services know: the dataset's fields with their labels and shares,
 * and the parameters, outputs and population results of the manifests that include the rule.
 */
export function languageContext(input: LanguageContextInput): LanguageContext {
  const records = (input.records ?? []).slice(0, PRESENCE_SAMPLE_SIZE);
  const scope =
    input.ruleFile === undefined
      ? { params: [], outputs: [], population: [] }
      : ruleScope(input.ruleFile, input.manifests ?? [], input.rules ?? []);
  const ctx: LanguageContext = {
    locale: input.locale,
    fields: datasetFields(input.datasetSchema, records),
    params: scope.params,
    outputs: scope.outputs,
    population: scope.population,
    ctx: contextFields,
  };
  if (input.sampleRecord !== undefined) ctx.sampleRecord = input.sampleRecord;
  return ctx;
}
