// Public surface of the JsonLogic core; src/engine/index.ts re-exports it.
export { applyReference, type EvaluateOptions } from "./reference";
export { compile, compiledSource, type CompileOptions, type CompiledLogic } from "./compile";
export { readPaths, type ReadPath } from "./readPaths";
export { isLogic, operatorOf, operandsOf, operandPointer } from "./logicShape";
export { LogicError, type LogicErrorCode } from "./errors";
export { checkLogic, scanLogic, defaultLimits, type LogicLimits, type LogicViolation } from "./limits";
export { operatorNames, isOperatorName, type OperatorName } from "./operatorNames";
export { truthy } from "./values";
export { operatorSpecs, type OperatorSpec, type OperatorCategory } from "./operators";
export {
  lintLogic,
  validateRuleText,
  lintSeverities,
  type LintOptions,
  type LintCode,
  type JsonSchemaLike,
} from "./lint";
export { explain, type ExplainNode, type ExplainOptions } from "./explain";
