// The rule and manifest language services: pure functions over text and offsets, no Monaco.
export type * from "./types";
export { datasetFields, fieldAt } from "./fields";
export {
  contextFields,
  manifestRuleFiles,
  relativePath,
  resolveRelative,
  packScope,
  ruleScope,
  type ManifestSource,
  type RuleScope,
  type RuleSource,
} from "./scope";
export { languageContext, PRESENCE_SAMPLE_SIZE, type LanguageContextInput } from "./context";
export { completeRule, operatorDocumentation } from "./ruleCompletions";
export { hoverRule } from "./ruleHover";
export { quickFixes } from "./quickFixes";
export { testsCodeLens, RUN_TESTS_COMMAND, type TestRunSummary } from "./codeLens";
export { problemRange, offsetAt } from "./problemRange";
export { completeManifest, lenientManifest, type ManifestContext } from "./manifestCompletions";
export { hoverManifest } from "./manifestHover";
export { relocateToManifest, validateManifestText } from "./manifestProblems";
export { closest, editDistance } from "./similar";
