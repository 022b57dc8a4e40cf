import type { Node } from "jsonc-parser";
import type { Problem } from "../../../engine";
import { keyRange, nodeAtPointer, nodeRange, operationOf, parseLenient } from "./jsonTree";
import type { OffsetRange } from "./types";

/** The offset of a 1-based line and column, clamped to the text. */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf("\n", offset);
  const end = lineEnd === -1 ? text.length : lineEnd;
  return Math.min(offset + Math.max(column - 1, 0), end);
}

/** From `start`, the extent of the token there (a word, a string, or one character). */
function tokenAt(text: string, start: number): OffsetRange {
  if (text[start] === '"') {
    let end = start + 1;
    while (end < text.length && text[end] !== '"' && text[end] !== "\n") end += text[end] === "\\" ? 2 : 1;
    return { start, end: Math.min(end + 1, text.length) };
  }
  const word = /^[\w.+-]+/.exec(text.slice(start, start + 200));
  return { start, end: Math.min(text.length, start + Math.max(word?.[0].length ?? 1, 1)) };
}

/**
 * Where a marker for `node` goes: a `var` marks its path, any other operation its operator key, a
 * scalar itself, and a large array or object the key it is the value of (or its first line), so a
 * problem with a whole `if` never underlines twenty lines.
 */
function markerRange(text: string, node: Node): OffsetRange {
  const operation = operationOf(node);
  if (operation) {
    const operand = operation.property.children?.[1];
    const path = operand?.type === "array" ? operand.children?.[0] : operand;
    if (operation.op === "var" && path && path.type !== "object" && path.type !== "array")
      return nodeRange(path);
    return keyRange(operation.property) ?? nodeRange(node);
  }
  if (node.type !== "object" && node.type !== "array") return nodeRange(node);
  if (node.parent?.type === "property") return keyRange(node.parent) ?? nodeRange(node);
  const lineEnd = text.indexOf("\n", node.offset);
  return {
    start: node.offset,
    end: lineEnd === -1 || lineEnd > node.offset + node.length ? node.offset + node.length : lineEnd,
  };
}

/**
 * The range a problem covers in `text`: from its JSON pointer when the pointer names a node of the
 * document (see {@link markerRange}), else from its line and column (syntax errors have no pointer),
 * else the first character.
 */
export function problemRange(
  text: string,
  problem: Problem,
  root: Node | undefined = parseLenient(text),
): OffsetRange {
  const useTree = problem.code !== "json/syntax";
  const node = useTree ? nodeAtPointer(root, problem.pointer) : undefined;
  if (node && !(problem.pointer === "" && problem.line !== undefined)) return markerRange(text, node);
  if (problem.line !== undefined) {
    const start = offsetAt(text, problem.line, problem.column ?? 1);
    return tokenAt(text, start);
  }
  return { start: 0, end: Math.min(1, text.length) };
}
