import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath } from "jsonc-parser";
import type { LogicEdit } from "../../engine";

/** One replacement of the text: `length` characters at `offset` become `text`. */
export interface TextReplacement {
  offset: number;
  length: number;
  text: string;
}

function formatting(text: string) {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  return {
    insertSpaces: !indent.includes("\t"),
    tabSize: indent.includes("\t") ? 1 : indent.length,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

/** The smallest single replacement that turns `before` into `after` (common prefix and suffix kept). */
export function minimalReplacement(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return { offset: start, length: before.length - start - end, text: after.slice(start, after.length - end) };
}

/**
 * Applies the builder's edits (replacements of nodes inside the rule's `logic`) to the rule's text
 * member by member with jsonc-parser, so only the replaced nodes' text changes: key order, spacing
 * and everything else stay as the author left them. Returns the new text and the one replacement
 * that makes it (undefined when nothing changed, or the text does not hold those nodes).
 */
export function applyLogicEditsToText(
  text: string,
  edits: readonly LogicEdit[],
): { text: string; replacement?: TextReplacement } {
  let next = text;
  for (const edit of edits) {
    const path: JSONPath = ["logic", ...edit.path];
    if (!findNodeAtLocation(parseTree(next)!, path)) return { text };
    next = applyEdits(next, modify(next, path, edit.value, { formattingOptions: formatting(next) }));
  }
  const replacement = minimalReplacement(text, next);
  return replacement ? { text: next, replacement } : { text: next };
}

/** The exact text of a node of the logic, as the author wrote it (for opaque blocks). */
export function logicNodeText(text: string, path: readonly (string | number)[]): string | undefined {
  const tree = parseTree(text);
  const node = tree && findNodeAtLocation(tree, ["logic", ...path]);
  return node ? text.slice(node.offset, node.offset + node.length) : undefined;
}

/** Replaces a node of the logic by text typed for it, byte for byte (it must be valid JSON). */
export function replaceLogicNodeText(
  text: string,
  path: readonly (string | number)[],
  raw: string,
): TextReplacement | undefined {
  const tree = parseTree(text);
  const node = tree && findNodeAtLocation(tree, ["logic", ...path]);
  if (!node) return undefined;
  return { offset: node.offset, length: node.length, text: raw };
}
