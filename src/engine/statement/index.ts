// A record's statement: per rule, the evaluation tree, the inputs read, a sentence and flip values.
export {
  recordStatement,
  resultOf,
  type RecordStatement,
  type RuleStatement,
  type StatementInput,
  type StatementOptions,
} from "./statement";
export { ruleSentence, type FlipValue, type Sentence } from "./sentence";
export {
  packVocabulary,
  schemaVocabulary,
  formatValue,
  groupDigits,
  labelOf,
  type PathLabel,
  type Vocabulary,
} from "./vocabulary";
export { readSubset, pinnedTest, freeTestName } from "./pin";
