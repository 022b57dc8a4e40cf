import { parseTree, type Node } from "jsonc-parser";
import { pointerSegments } from "../../../engine";
import type { OffsetRange } from "./types";

/** Parses leniently (comments and trailing commas allowed), so a half-typed document still has a tree. */
export function parseLenient(text: string): Node | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}

/** The property node of `key` in an object node. */
export function propertyOf(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== "object") return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === key);
}

/** The value node of `key` in an object node. */
export function memberOf(node: Node | undefined, key: string): Node | undefined {
  return propertyOf(node, key)?.children?.[1];
}

/**
 * The node an RFC 6901 pointer names, or undefined when the path does not exist in the tree. Array
 * steps take numeric segments; object steps match keys exactly.
 */
export function nodeAtPointer(root: Node | undefined, pointer: string): Node | undefined {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (!node) return undefined;
    if (node.type === "array") {
      node = /^\d+$/.test(segment) ? node.children?.[Number(segment)] : undefined;
    } else node = memberOf(node, segment);
  }
  return node;
}

/** The key of a property node (`"var"`), as a range including its quotes. */
export function keyRange(property: Node): OffsetRange | undefined {
  const key = property.children?.[0];
  return key ? { start: key.offset, end: key.offset + key.length } : undefined;
}

/** The range a node covers. */
export function nodeRange(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The single key of a one-key object: the operator of a JsonLogic operation. */
export function operationOf(node: Node | undefined): { op: string; property: Node } | undefined {
  if (node?.type !== "object" || node.children?.length !== 1) return undefined;
  const property = node.children[0]!;
  const key: unknown = property.children?.[0]?.value;
  return typeof key === "string" ? { op: key, property } : undefined;
}
