import { applyEdits, modify, parse } from "jsonc-parser";
import type { RuleTest } from "../../engine";

/**
 * The rule file's text with `test` appended to its `tests` array, the rest of the text (formatting,
 * comments, member order) left as the author wrote it. The indentation follows the file's own.
 */
export function appendTestText(text: string, test: RuleTest): string {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const doc = parse(text) as { tests?: unknown } | undefined;
  const count = Array.isArray(doc?.tests) ? doc.tests.length : 0;
  const path = Array.isArray(doc?.tests) ? ["tests", count] : ["tests"];
  const value = Array.isArray(doc?.tests) ? test : [test];
  const edits = modify(text, path, value, {
    isArrayInsertion: Array.isArray(doc?.tests),
    formattingOptions: { insertSpaces: !indent.includes("\t"), tabSize: indent.length || 2, eol: "\n" },
  });
  return applyEdits(text, edits);
}
