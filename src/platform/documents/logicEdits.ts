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
 * and everything else stay as the author left them (insertions, removals, swaps and operator renames
 * likewise touch only their nodes). Returns the new text and the one replacement
 * that makes it (undefined when nothing changed, or the text does not hold those nodes).
 */
export function applyLogicEditsToText(
  text: string,
  edits: readonly LogicEdit[],
): { text: string; replacement?: TextReplacement } {
  let next = text;
  for (const edit of edits) {
    const changed = applyOne(next, edit);
    if (changed === undefined) return { text };
    next = changed;
  }
  const replacement = minimalReplacement(text, next);
  return replacement ? { text: next, replacement } : { text: next };
}

const splice = (text: string, offset: number, length: number, insert: string) =>
  text.slice(0, offset) + insert + text.slice(offset + length);

/** One edit on the text, or undefined when the text does not hold the nodes it names. */
function applyOne(text: string, edit: LogicEdit): string | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  const path: JSONPath = ["logic", ...edit.path];
  const options = { formattingOptions: formatting(text) };
  if ("insert" in edit) {
    const array = findNodeAtLocation(tree, path.slice(0, -1));
    const index = path[path.length - 1];
    if (array?.type !== "array" || typeof index !== "number" || index > (array.children?.length ?? 0))
      return undefined;
    return applyEdits(text, modify(text, path, edit.insert, { ...options, isArrayInsertion: true }));
  }
  const node = findNodeAtLocation(tree, path);
  if (!node) return undefined;
  if ("value" in edit) return applyEdits(text, modify(text, path, edit.value, options));
  if ("remove" in edit) return applyEdits(text, modify(text, path, undefined, options));
  if ("swapWith" in edit) {
    // Each node takes the other's text as written; the later one is replaced first so offsets hold.
    const other = findNodeAtLocation(tree, ["logic", ...edit.swapWith]);
    if (!other) return undefined;
    const [first, second] = node.offset < other.offset ? [node, other] : [other, node];
    if (first.offset + first.length > second.offset) return undefined;
    const textOf = (n: typeof node) => text.slice(n.offset, n.offset + n.length);
    const swapped = splice(text, second.offset, second.length, textOf(first));
    return splice(swapped, first.offset, first.length, textOf(second));
  }
  if ("wrapInNot" in edit)
    return splice(
      text,
      node.offset,
      node.length,
      `{ "!": ${text.slice(node.offset, node.offset + node.length)} }`,
    );
  if ("unwrapNot" in edit) {
    // The operand's text as written replaces the whole `{"!": …}`; its own indentation is left as is.
    const member = node.type === "object" && node.children?.length === 1 ? node.children[0] : undefined;
    if (member?.children?.[0]?.value !== "!") return undefined;
    let operand = member.children[1];
    if (operand?.type === "array") operand = operand.children?.length === 1 ? operand.children[0] : undefined;
    if (!operand) return undefined;
    return splice(
      text,
      node.offset,
      node.length,
      text.slice(operand.offset, operand.offset + operand.length),
    );
  }
  // Rename the operation's one key: only the key's text changes.
  const key = node.type === "object" ? node.children?.[0]?.children?.[0] : undefined;
  if (!key || node.children?.length !== 1) return undefined;
  return splice(text, key.offset, key.length, JSON.stringify(edit.rename));
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
