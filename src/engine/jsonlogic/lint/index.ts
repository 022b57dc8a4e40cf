export { lintLogic, type LintOptions, type ParamBounds } from "./lintLogic";
export { validateRuleText } from "./validateRuleText";
export { severities as lintSeverities, type LintCode } from "./messages";
export { describePath, type JsonSchemaLike, type PathInfo } from "./schema";
