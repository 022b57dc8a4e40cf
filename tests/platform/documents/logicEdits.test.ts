import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  addCase,
  addCondition,
  allNodes,
  applyLogicEdits,
  moveCase,
  parseLogic,
  removeCase,
  removeCondition,
  removeNot,
  setBandFrom,
  setGroupOp,
  switchBandsMode,
  type BandsNode,
  type CasesNode,
  type GroupNode,
  type LogicEdit,
  type NotNode,
  wrapInNot,
} from "../../../src/engine";
import {
  applyLogicEditsToText,
  logicNodeText,
  minimalReplacement,
  replaceLogicNodeText,
} from "../../../src/platform";

const text = readFileSync(
  join(resolve(__dirname, "../../.."), "rules/incentive/volume-rebate.rule.json"),
  "utf8",
);
const bands = allNodes(parseLogic((JSON.parse(text) as { logic: unknown }).logic)).find(
  (n): n is BandsNode => n.kind === "bands",
)!;

describe("builder edits on the rule text", () => {
  it("a band threshold edit replaces that node's text only", () => {
    const { text: edited, replacement } = applyLogicEditsToText(text, setBandFrom(bands, 2, 3500000));
    expect(edited).toBe(
      text.replace('{\n                    "var": "params.tier_2_floor"\n                  }', "3500000"),
    );
    expect(replacement).toEqual(minimalReplacement(text, edited));
    const spliced =
      text.slice(0, replacement!.offset) +
      replacement!.text +
      text.slice(replacement!.offset + replacement!.length);
    expect(spliced).toBe(edited);
  });

  it("switching to marginal rewrites the band node and keeps the rest of the file byte for byte", () => {
    const { text: edited } = applyLogicEditsToText(text, switchBandsMode(bands));
    const marginal = readFileSync(
      join(resolve(__dirname, "../../.."), "rules/incentive/volume-rebate-marginal.rule.json"),
      "utf8",
    );
    expect((JSON.parse(edited) as { logic: unknown }).logic).toStrictEqual(
      (JSON.parse(marginal) as { logic: unknown }).logic,
    );
    expect(edited.slice(0, edited.indexOf('"tests"'))).not.toBe(text.slice(0, text.indexOf('"tests"')));
    expect(edited.slice(edited.indexOf('"tests"'))).toBe(text.slice(text.indexOf('"tests"')));
  });

  it("an opaque block is shown and replaced exactly as typed", () => {
    const path = ["if", 0];
    const source = logicNodeText(text, path)!;
    expect(source.startsWith('{\n        "or"')).toBe(true);
    const typed = '{"or":[ {"<": [{"var": "sales.attainment_ytd"}, 0.95]} ]}';
    const r = replaceLogicNodeText(text, path, typed)!;
    expect(text.slice(0, r.offset) + r.text + text.slice(r.offset + r.length)).toContain(
      `"if": [\n      ${typed},`,
    );
  });

  it("leaves text alone when the path is not there", () => {
    expect(applyLogicEditsToText(text, [{ path: ["nope", 3], value: 1 }])).toEqual({ text });
    expect(minimalReplacement("abc", "abc")).toBeUndefined();
    expect(minimalReplacement("aXc", "aYYc")).toEqual({ offset: 1, length: 1, text: "YY" });
  });
});

describe("structural builder edits on the rule text", () => {
  const ROOT = resolve(__dirname, "../../..");
  const read = (file: string) => readFileSync(join(ROOT, "rules", file), "utf8");
  const logicOf = (t: string) => (JSON.parse(t) as { logic: unknown }).logic;
  const nodeText = (t: string, path: (string | number)[]) => logicNodeText(t, path)!;
  const gateText = read("incentive/collection-gate.rule.json");
  const gate = parseLogic(logicOf(gateText)) as GroupNode;
  const chainText = read("incentive/collection-multiplier.rule.json");
  const chain = parseLogic(logicOf(chainText)) as CasesNode;

  /** Applies edits to the text and checks the result holds the same logic as the value-level edit. */
  const edit = (t: string, edits: LogicEdit[]) => {
    const { text: edited } = applyLogicEditsToText(t, edits);
    expect(edited).not.toBe(t);
    expect(logicOf(edited)).toStrictEqual(applyLogicEdits(logicOf(t), edits));
    return edited;
  };

  it("adding a condition inserts it and leaves every other byte alone; removing it gives the text back", () => {
    const added = edit(gateText, addCondition(gate, { "==": [{ var: "ar.collection_rate" }, 1] }));
    // Everything before the inserted item, and after the group's last item, is unchanged.
    const lastItem = nodeText(gateText, ["and", 2]);
    const end = gateText.indexOf(lastItem) + lastItem.length;
    expect(added.startsWith(gateText.slice(0, end))).toBe(true);
    expect(added.endsWith(gateText.slice(gateText.indexOf("]", end)))).toBe(true);
    const regrouped = parseLogic(logicOf(added)) as GroupNode;
    expect(applyLogicEditsToText(added, removeCondition(regrouped, 3)).text).toBe(gateText);
  });

  it("removing a condition keeps the others' text exactly", () => {
    const removed = edit(gateText, removeCondition(gate, 1));
    expect(nodeText(removed, ["and", 0])).toBe(nodeText(gateText, ["and", 0]));
    expect(nodeText(removed, ["and", 1])).toBe(nodeText(gateText, ["and", 2]));
    expect(removed.slice(removed.indexOf('"tests"'))).toBe(gateText.slice(gateText.indexOf('"tests"')));
  });

  it("all ↔ any renames the key only", () => {
    const renamed = edit(gateText, setGroupOp(gate, "or"));
    expect(renamed).toBe(gateText.replace('"logic": {\n    "and"', '"logic": {\n    "or"'));
  });

  it("reordering cases swaps their texts as written; the else and the rest stay", () => {
    const moved = edit(chainText, moveCase(chain, 2, 1));
    for (const [from, to] of [
      [4, 2],
      [5, 3],
      [2, 4],
      [3, 5],
    ] as const)
      expect(nodeText(moved, ["if", to])).toBe(nodeText(chainText, ["if", from]));
    expect(moved.length).toBe(chainText.length);
    const last = chain.cases.length * 2;
    expect(nodeText(moved, ["if", last])).toBe(nodeText(chainText, ["if", last]));
    // Moving it back is the original text, byte for byte.
    const back = parseLogic(logicOf(moved)) as CasesNode;
    expect(applyLogicEditsToText(moved, moveCase(back, 1, 2)).text).toBe(chainText);
  });

  it("adding and removing a case keeps the chain's other cases", () => {
    const added = edit(chainText, addCase(chain, { ">": [{ var: "ar.avg_days_to_pay" }, 90] }, 0));
    const n = chain.cases.length;
    expect(nodeText(added, ["if", 2 * n + 2])).toBe(nodeText(chainText, ["if", 2 * n]));
    const removed = edit(chainText, removeCase(chain, 0));
    expect(nodeText(removed, ["if", 0])).toBe(nodeText(chainText, ["if", 2]));
  });

  it("an edit naming a node that is not there changes nothing", () => {
    expect(applyLogicEditsToText(gateText, [{ path: ["and", 9], insert: 1 }])).toEqual({ text: gateText });
    expect(applyLogicEditsToText(gateText, [{ path: ["and", 9], remove: true }])).toEqual({ text: gateText });
    expect(applyLogicEditsToText(gateText, [{ path: ["and", 0], swapWith: ["and", 7] }])).toEqual({
      text: gateText,
    });
    expect(applyLogicEditsToText(gateText, [{ path: ["and"], rename: "or" }])).toEqual({ text: gateText });
  });
});

describe("wrapping in and removing a not on the rule text", () => {
  const ROOT = resolve(__dirname, "../../..");
  const read = (file: string) => readFileSync(join(ROOT, "rules", file), "utf8");
  const logicOf = (t: string) => (JSON.parse(t) as { logic: unknown }).logic;
  const splice = (t: string, r: { offset: number; length: number; text: string }) =>
    t.slice(0, r.offset) + r.text + t.slice(r.offset + r.length);
  const gateText = read("incentive/collection-gate.rule.json");
  const gate = parseLogic(logicOf(gateText)) as GroupNode;
  const growthText = read("incentive/growth-bonus.rule.json");
  const growth = parseLogic(logicOf(growthText)) as CasesNode;

  it("wrapping a condition adds only the not around its text, in one replacement; removing it gives the text back", () => {
    const condition = gate.items[1]!;
    const before = logicNodeText(gateText, condition.path)!;
    const { text: wrapped, replacement } = applyLogicEditsToText(gateText, wrapInNot(condition));
    expect(logicOf(wrapped)).toStrictEqual(applyLogicEdits(logicOf(gateText), wrapInNot(condition)));
    expect(logicNodeText(wrapped, condition.path)).toBe(`{ "!": ${before} }`);
    // One replacement (one undo step) that only adds the wrapper's text around the condition.
    expect(splice(gateText, replacement!)).toBe(wrapped);
    const start = gateText.indexOf(before);
    expect(replacement!.offset).toBeGreaterThanOrEqual(start);
    expect(replacement!.offset + replacement!.length).toBeLessThanOrEqual(start + before.length);
    expect(wrapped.replace(`{ "!": ${before} }`, before)).toBe(gateText);
    const not = (parseLogic(logicOf(wrapped)) as GroupNode).items[1] as NotNode;
    expect(not.kind).toBe("not");
    expect(applyLogicEditsToText(wrapped, removeNot(not)).text).toBe(gateText);
  });

  it("a whole group can be wrapped; its conditions keep their text", () => {
    const { text: wrapped } = applyLogicEditsToText(gateText, wrapInNot(gate));
    expect(logicOf(wrapped)).toStrictEqual({ "!": logicOf(gateText) });
    expect(logicNodeText(wrapped, ["!", "and", 2])).toBe(logicNodeText(gateText, ["and", 2]));
    expect(wrapped.slice(wrapped.indexOf('"tests"'))).toBe(gateText.slice(gateText.indexOf('"tests"')));
  });

  it("removing a shipped rule's not leaves its condition as written and every other byte alone", () => {
    const group = growth.cases[0]!.when as GroupNode;
    const not = group.items[0] as NotNode;
    expect(not.kind).toBe("not");
    const operand = logicNodeText(growthText, not.item.path)!;
    const { text: removed, replacement } = applyLogicEditsToText(growthText, removeNot(not));
    expect(logicOf(removed)).toStrictEqual(applyLogicEdits(logicOf(growthText), removeNot(not)));
    expect(logicNodeText(removed, not.path)).toBe(operand);
    expect(splice(growthText, replacement!)).toBe(removed);
    const whole = logicNodeText(growthText, not.path)!;
    expect(removed).toBe(growthText.replace(whole, operand));
  });

  it('the array form {"!": [x]} unwraps to x; !! and a missing node are left alone', () => {
    const t = '{\n  "logic": {\n    "!": [ {"var": "a.b"} ]\n  }\n}\n';
    const not = parseLogic(logicOf(t)) as NotNode;
    expect(applyLogicEditsToText(t, removeNot(not)).text).toBe('{\n  "logic": {"var": "a.b"}\n}\n');
    const twice = parseLogic({ "!!": { var: "a" } }) as NotNode;
    expect(removeNot(twice)).toEqual([]);
    expect(applyLogicEditsToText(gateText, [{ path: ["and", 9], unwrapNot: true }])).toEqual({
      text: gateText,
    });
    expect(applyLogicEditsToText(gateText, [{ path: ["and", 0], unwrapNot: true }])).toEqual({
      text: gateText,
    });
  });
});
