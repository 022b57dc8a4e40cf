// Public surface of rule packs: format, normalisers, evaluation pipeline, build, verify, diff.
export * from "./model";
export { schemas, schemaIds, validateSchema, type FileKind } from "./schemaValidation";
export { migrate, migrationChains, declaredVersion, type Migration, type MigrationChain } from "./migrations";
export { normalizeRuleFile, normalizeManifest, normalizePack, parseDocument, detectKind } from "./normalize";
export { problemAt, type SourceRef } from "./located";
export {
  checkOutput,
  checkedValue,
  OutputFailure,
  checkValueType,
  type OutputError,
  type OutputCheckResult,
} from "./outputCheck";
export { roundHalfAwayFromZero } from "./decimal";
export { makeRunContext, resolveParams, parseParamText, recordProblem, type RunContext } from "./context";
export { computePopulation, type PopulationRow, type PopulationValue } from "./population";
export { planPack, type GraphNode, type NodeLocator, type PackPlan } from "./graph";
export {
  preparePack,
  evaluateRule,
  evaluateChecked,
  RuleFailure,
  logicProblems,
  type PreparedPack,
  type PreparedRule,
  type PreparedStep,
  type RecordError,
} from "./prepare";
export {
  runPack,
  runPackLines,
  readHeldPart,
  holdsInColumns,
  type HeldPart,
  type LineChunk,
  RecordBatches,
  RejectedRecord,
  DatasetError,
  RunCancelled,
  type RecordResult,
  type RunOptions,
  type RunProgress,
  type CancelSignal,
} from "./pipeline";
export { resultLine } from "./resultLine";
export type { HeldData } from "./heldStore";
export { resultObject, type ResultObject, type ResultObjectError } from "./resultObject";
export {
  resolveRunDate,
  todayUtc,
  RunDateError,
  type AsOfSource,
  type RunDate,
  type RunRecords,
} from "./runDate";
export { runRuleTests, type TestOutcome } from "./ruleTests";
export { canonicalPackText, computeIntegrity, checkIntegrity } from "./integrity";
export {
  loadRuleFile,
  loadManifest,
  loadPack,
  type LoadedFile,
  type RuleLoader,
  type LoadedManifest,
} from "./load";
export { lintRule, type RuleLintOptions } from "./lint";
export { buildPack, type BuildResult, type FileTestOutcome } from "./build";
export { verifyPack, type VerifyResult } from "./verify";
export { packFileText } from "./packText";
export { getPath } from "./paths";
export { jsonEqual } from "./json";
export { diffPacks, versionBump, type PackDiff, type DiffSide, type Bump } from "./diff";
export { ImpactCollector, type OutputImpact, type NumberStats } from "./impact";
export { DecimalSum } from "./decimalSum";
export {
  GuardrailCollector,
  evaluateGuardrails,
  guardrailProblems,
  declaredGuardrails,
  compareDecimal,
  GUARDRAILS_KEY,
  OFFENDING_LIMIT,
  type Guardrail,
  type GuardrailBound,
  type GuardrailLine,
  type GuardrailProblem,
  type GuardrailResult,
  type OffendingRecord,
  type TotalGuardrail,
  type NoneGuardrail,
  type ShareGuardrail,
} from "./guardrails";
export {
  engineersReadme,
  engineersZip,
  SAMPLE_RECORDS,
  type LastRun,
  type LastRunSummary,
} from "./engineersZip";
