// The visual builder's pure side: dataset fields for pickers, and the lossless JsonLogic view model.
export { schemaFields, type SchemaField } from "./schemaFields";
export {
  allNodes,
  childrenOf,
  parseLogic,
  parseNode,
  printNode,
  type BandsNode,
  type BuilderNode,
  type CasesNode,
  type CompareNode,
  type CompareOp,
  type FormulaNode,
  type FormulaOp,
  type GroupNode,
  type Literal,
  type LiteralNode,
  type LogicPath,
  type LookupNode,
  type NotNode,
  type OpaqueNode,
  type StepsNode,
  type ThresholdOp,
  type VarNode,
} from "./model";
export {
  addBand,
  addRow,
  bandWarnings,
  lookupWarnings,
  moveRow,
  numberOf,
  removeBand,
  removeRow,
  setBandFrom,
  setBandRate,
  stepWarnings,
  switchBandsMode,
  type TableWarning,
} from "./tables";
export { logicSummary, type SummaryContext } from "./summary";
export { applyLogicEdits, type LogicEdit } from "./edits";
export {
  addCase,
  addCondition,
  moveCase,
  moveCondition,
  newCondition,
  removeCase,
  removeCondition,
  setCompareOp,
  setGroupOp,
} from "./structure";
