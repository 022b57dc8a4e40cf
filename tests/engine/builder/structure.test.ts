import { describe, expect, it } from "vitest";
import {
  addCase,
  addCondition,
  applyLogicEdits,
  moveCase,
  moveCondition,
  newCondition,
  parseLogic,
  removeCase,
  removeCondition,
  setCompareOp,
  setGroupOp,
  type CasesNode,
  type GroupNode,
} from "../../../src/engine";

const v = (name: string) => ({ var: name });
const gate = { and: [{ ">=": [v("a"), 1] }, { "<=": [v("b"), 0] }, { "!": v("c") }] };
const chain = {
  if: [{ "<": [v("x"), 1] }, "low", { "<": [v("y"), 2] }, "mid", { "==": [v("z"), 3] }, "top", "none"],
};

describe("structural edits of groups and cases", () => {
  it("adds, removes and moves conditions of a group; renames its operator only", () => {
    const group = parseLogic(gate) as GroupNode;
    const added = applyLogicEdits(gate, addCondition(group, newCondition(group, "sales.net")));
    // A new condition starts as a copy of the last comparison (the `!` after it is not one).
    expect(added).toStrictEqual({ and: [...gate.and, gate.and[1]] });
    const none = parseLogic({ or: [v("a"), { "!": v("b") }] }) as GroupNode;
    expect(newCondition(none, "sales.net")).toStrictEqual({ "==": [v("sales.net"), 0] });
    expect(applyLogicEdits(gate, removeCondition(group, 1))).toStrictEqual({
      and: [gate.and[0], gate.and[2]],
    });
    expect(applyLogicEdits(gate, moveCondition(group, 2, 1))).toStrictEqual({
      and: [gate.and[0], gate.and[2], gate.and[1]],
    });
    expect(applyLogicEdits(gate, setGroupOp(group, "or"))).toStrictEqual({ or: gate.and });
    expect(setGroupOp(group, "and")).toEqual([]);
    // A group keeps one condition; moves are to a neighbour only.
    const single = parseLogic({ or: [{ var: "x" }] }) as GroupNode;
    expect(removeCondition(single, 0)).toEqual([]);
    expect(moveCondition(group, 0, 2)).toEqual([]);
    expect(moveCondition(group, 2, 3)).toEqual([]);
  });

  it("edits inside a nested node use that node's path", () => {
    const logic = { if: [gate, 1, 0] };
    const group = (parseLogic(logic) as CasesNode).cases[0]!.when as GroupNode;
    expect(applyLogicEdits(logic, removeCondition(group, 0))).toStrictEqual({
      if: [{ and: [gate.and[1], gate.and[2]] }, 1, 0],
    });
  });

  it("adds, removes and reorders the cases of an if/else-if chain, the else staying last", () => {
    const cases = parseLogic(chain) as CasesNode;
    expect(cases.kind).toBe("cases");
    const when = newCondition(cases, "f");
    expect(when).toStrictEqual({ "==": [v("z"), 3] });
    expect(applyLogicEdits(chain, addCase(cases, when, "new"))).toStrictEqual({
      if: [...chain.if.slice(0, 6), when, "new", "none"],
    });
    expect(applyLogicEdits(chain, removeCase(cases, 1))).toStrictEqual({
      if: [chain.if[0], "low", chain.if[4], "top", "none"],
    });
    expect(applyLogicEdits(chain, moveCase(cases, 2, 1))).toStrictEqual({
      if: [chain.if[0], "low", chain.if[4], "top", chain.if[2], "mid", "none"],
    });
    expect(applyLogicEdits(chain, moveCase(cases, 0, 1))).toStrictEqual({
      if: [chain.if[2], "mid", chain.if[0], "low", chain.if[4], "top", "none"],
    });
    const one = parseLogic({ if: [v("a"), 1, 2] }) as CasesNode;
    expect(removeCase(one, 0)).toEqual([]);
    expect(moveCase(cases, 2, 3)).toEqual([]);
  });

  it("changes a comparison's operator without rewriting its operands", () => {
    const cmp = { ">=": [v("a"), { "*": [2, v("b")] }] };
    const node = parseLogic(cmp);
    expect(node.kind === "compare" && applyLogicEdits(cmp, setCompareOp(node, "<"))).toStrictEqual({
      "<": cmp[">="],
    });
  });
});
