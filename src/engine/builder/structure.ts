/**
 * Structural edits of condition groups and if/else-if chains: add, remove and reorder their items as
 * array insertions, removals and swaps, so the items that stay (and the moved ones) keep their text.
 */
import type { LogicEdit } from "./edits";
import type { BuilderNode, CasesNode, CompareNode, GroupNode, NotNode } from "./model";
import { printNode } from "./model";

/** A condition to start from: a copy of the list's last comparison, or `field == 0` when it has none. */
export function newCondition(group: GroupNode | CasesNode, field: string): unknown {
  const items = group.kind === "group" ? group.items : group.cases.map((c) => c.when);
  const last = items.findLast((item): item is CompareNode => item.kind === "compare");
  return last ? printNode(last) : { "==": [{ var: field }, 0] };
}

/** Appends a condition to an all/any group. */
export function addCondition(group: GroupNode, condition: unknown): LogicEdit[] {
  return [{ path: [...group.path, group.op, group.items.length], insert: condition }];
}

/** Removes condition `k`; a group keeps at least one (an empty `and` is true for everyone, silently). */
export function removeCondition(group: GroupNode, k: number): LogicEdit[] {
  if (group.items.length <= 1 || k < 0 || k >= group.items.length) return [];
  return [{ path: [...group.path, group.op, k], remove: true }];
}

/** Moves condition `from` to the neighbouring position `to` (a swap: both keep their text). */
export function moveCondition(group: GroupNode, from: number, to: number): LogicEdit[] {
  if (Math.abs(from - to) !== 1 || to < 0 || to >= group.items.length || from >= group.items.length)
    return [];
  return [{ path: [...group.path, group.op, from], swapWith: [...group.path, group.op, to] }];
}

/** Switches all ↔ any by renaming the operator only. */
export function setGroupOp(group: GroupNode, op: GroupNode["op"]): LogicEdit[] {
  return op === group.op ? [] : [{ path: group.path, rename: op }];
}

/** Changes a comparison's operator, keeping its operands' text. */
export function setCompareOp(node: CompareNode, op: CompareNode["op"]): LogicEdit[] {
  return op === node.op ? [] : [{ path: node.path, rename: op }];
}

/** Adds a case (`else if when then …`) after the last one, before the else. */
export function addCase(node: CasesNode, when: unknown, then: unknown): LogicEdit[] {
  const at = 2 * node.cases.length;
  return [
    { path: [...node.path, "if", at], insert: when },
    { path: [...node.path, "if", at + 1], insert: then },
  ];
}

/** Removes case `k` (its condition and its value); a chain keeps at least one case. */
export function removeCase(node: CasesNode, k: number): LogicEdit[] {
  if (node.cases.length <= 1 || k < 0 || k >= node.cases.length) return [];
  const at = [...node.path, "if", 2 * k];
  return [
    { path: at, remove: true },
    { path: at, remove: true },
  ];
}

/** Moves case `from` to the neighbouring position `to`: the two cases swap, each with its own text. */
export function moveCase(node: CasesNode, from: number, to: number): LogicEdit[] {
  if (Math.abs(from - to) !== 1 || to < 0 || to >= node.cases.length || from >= node.cases.length) return [];
  const p = (i: number) => [...node.path, "if", i];
  return [
    { path: p(2 * from), swapWith: p(2 * to) },
    { path: p(2 * from + 1), swapWith: p(2 * to + 1) },
  ];
}

/** Wraps a condition or a group in "not": its text stays as written inside `{"!": …}`. */
export function wrapInNot(node: BuilderNode): LogicEdit[] {
  return [{ path: node.path, wrapInNot: true }];
}

/** Removes a "not", leaving its condition as written; `!!` (a truthiness test, not a negation) is kept. */
export function removeNot(node: NotNode): LogicEdit[] {
  return node.op === "!" ? [{ path: node.path, unwrapNot: true }] : [];
}
