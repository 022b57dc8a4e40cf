import { applyEdits, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import type { RuleTest } from "../../engine";

/** The white space a line starts with, for the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * The rule file's text with `test` appended to its `tests` array. Only the new test is written: the
 * rest of the text (formatting, comments, member order, the existing tests) stays exactly as the author
 * wrote it, and the test is indented like the file.
 */
export function appendTestText(text: string, test: RuleTest): string {
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const tree = parseTree(text);
  const tests = tree ? findNodeAtLocation(tree, ["tests"]) : undefined;
  const block = (indent: string) => JSON.stringify(test, null, unit).split("\n").join(`\n${indent}`);
  if (tests?.type === "array") {
    const items = tests.children ?? [];
    const last = items[items.length - 1];
    if (last) {
      const indent = indentAt(text, last.offset);
      const at = last.offset + last.length;
      return `${text.slice(0, at)},\n${indent}${block(indent)}${text.slice(at)}`;
    }
    const outer = indentAt(text, tests.offset);
    const at = tests.offset + 1;
    const end = tests.offset + tests.length - 1;
    return `${text.slice(0, at)}\n${outer}${unit}${block(outer + unit)}\n${outer}${text.slice(end)}`;
  }
  const edits = modify(text, ["tests"], [test], {
    formattingOptions: { insertSpaces: !unit.includes("\t"), tabSize: unit.length, eol: "\n" },
  });
  return applyEdits(text, edits);
}
