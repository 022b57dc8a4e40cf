import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyReference, explain, pointerSegments, type ExplainNode } from "../../../src/engine";
import {
  inheritedPaths,
  logicOver,
  outcome,
  quietOperators,
  records,
  safePaths,
  sameOutcome,
  show,
} from "./arbitraries";

const at = (logic: unknown, pointer: string): unknown =>
  pointerSegments(pointer).reduce<unknown>(
    (node, key) =>
      typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined,
    logic,
  );

/** Every evaluated, successful node must hold what the reference gives for that sub-expression. */
function checkTree(logic: unknown, node: ExplainNode, data: unknown, bodyOf: Set<string>): void {
  if (!node.evaluated) return;
  if (node.error === undefined) {
    const expected = outcome(() => applyReference(at(logic, node.pointer), data));
    if (!sameOutcome(expected, { threw: false, value: node.value })) {
      throw new Error(
        `node ${node.pointer} holds ${show(node.value)}; reference ${expected.threw ? "threw" : show(expected.value)}`,
      );
    }
  }
  for (const child of node.args) if (!bodyOf.has(child.pointer)) checkTree(logic, child, data, bodyOf);
  for (const iteration of node.iterations ?? []) checkTree(logic, iteration.node, iteration.data, bodyOf);
}

function bodies(node: ExplainNode, out = new Set<string>()): Set<string> {
  if (node.iterations !== undefined && node.args[1]) out.add(node.args[1].pointer);
  node.args.forEach((child) => bodies(child, out));
  return out;
}

describe("explain", () => {
  const i1 = {
    if: [
      { "<": [{ var: "sales.attainment_ytd" }, 0.9] },
      0,
      {
        "*": [
          { var: "sales.rebate_base_ytd" },
          { if: [{ "<": [{ var: "sales.rebate_base_ytd" }, 3000000] }, 0.01, 0.015] },
        ],
      },
    ],
  };

  it("shows every sub-expression's value and marks untaken branches", () => {
    const tree = explain(i1, { sales: { attainment_ytd: 1.08, rebate_base_ytd: 5400000 } });
    expect(tree).toMatchObject({ op: "if", pointer: "", evaluated: true, value: 81000 });
    const [condition, zero, product] = tree.args;
    expect(condition).toMatchObject({
      op: "<",
      value: false,
      args: [
        { op: "var", value: 1.08 },
        { op: "literal", value: 0.9 },
      ],
    });
    expect(zero).toMatchObject({ op: "literal", pointer: "/if/1", evaluated: false });
    expect(zero).not.toHaveProperty("value");
    expect(product).toMatchObject({ op: "*", pointer: "/if/2", value: 81000 });
    const inner = product!.args[1]!;
    expect(inner.args.map((a) => a.evaluated)).toStrictEqual([true, false, true]);
  });

  it("marks operands after a short circuit as not evaluated", () => {
    const tree = explain({ and: [{ var: "a" }, { var: "b" }] }, { a: 0, b: 1 });
    expect(tree.value).toBe(0);
    expect(tree.args.map((a) => a.evaluated)).toStrictEqual([true, false]);
  });

  it("traces array bodies per element, up to a limit", () => {
    const tree = explain(
      { map: [{ var: "q" }, { "*": [{ var: "" }, 2] }] },
      { q: [1, 2, 3] },
      { maxIterations: 2 },
    );
    expect(tree.value).toStrictEqual([2, 4, 6]);
    expect(tree.iterations!.map((i) => [i.data, i.node.value, i.node.pointer])).toStrictEqual([
      [1, 2, "/map/1"],
      [2, 4, "/map/1"],
    ]);
  });

  it("records an error where it happened and on its ancestors instead of throwing", () => {
    const tree = explain({ if: [true, { "*": [] }, 1] }, {});
    expect(tree.error).toMatch(/Reduce of empty array/);
    expect(tree.args[1]!.error).toBe(tree.error);
    expect(tree.args[2]!.evaluated).toBe(false);
  });

  it("equals the reference on random logic, node by node", () => {
    fc.assert(
      fc.property(logicOver(quietOperators, [...safePaths, ...inheritedPaths]), records, (logic, data) => {
        const reference = outcome(() => applyReference(logic, data));
        const tree = explain(logic, data);
        const traced =
          tree.error === undefined ? { threw: false as const, value: tree.value } : { threw: true as const };
        if (!sameOutcome(reference, traced))
          throw new Error(`root differs on ${show(logic)} with ${show(data)}`);
        checkTree(logic, tree, data, bodies(tree));
      }),
      { numRuns: 2000 },
    );
  });
});
