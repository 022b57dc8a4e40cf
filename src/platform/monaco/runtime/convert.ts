import type { CompletionKind, OffsetRange } from "../language";
import { monaco } from "./monaco";

type TextModel = ReturnType<typeof monaco.editor.createModel>;

/** An offset range of the language services as a Monaco range of `model`. */
export function toRange(model: TextModel, range: OffsetRange) {
  const start = model.getPositionAt(range.start);
  const end = model.getPositionAt(range.end);
  return new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
}

/** A Monaco range as offsets of `model`. */
export function toOffsets(
  model: TextModel,
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number },
): OffsetRange {
  return {
    start: model.getOffsetAt({ lineNumber: range.startLineNumber, column: range.startColumn }),
    end: model.getOffsetAt({ lineNumber: range.endLineNumber, column: range.endColumn }),
  };
}

const kinds: Record<CompletionKind, () => number> = {
  operator: () => monaco.languages.CompletionItemKind.Function,
  field: () => monaco.languages.CompletionItemKind.Field,
  object: () => monaco.languages.CompletionItemKind.Module,
  param: () => monaco.languages.CompletionItemKind.Variable,
  output: () => monaco.languages.CompletionItemKind.Reference,
  population: () => monaco.languages.CompletionItemKind.Value,
  context: () => monaco.languages.CompletionItemKind.Constant,
  namespace: () => monaco.languages.CompletionItemKind.Folder,
  file: () => monaco.languages.CompletionItemKind.File,
  value: () => monaco.languages.CompletionItemKind.Value,
};

/** The Monaco icon of a completion kind. */
export function completionKind(kind: CompletionKind): number {
  return kinds[kind]();
}
