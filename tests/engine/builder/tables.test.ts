import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  addBand,
  allNodes,
  applyLogicEdits,
  applyReference,
  bandWarnings,
  lookupWarnings,
  moveRow,
  parseLogic,
  removeBand,
  setBandFrom,
  setBandRate,
  stepWarnings,
  switchBandsMode,
  type Manifest,
} from "../../../src/engine";

const ROOT = resolve(__dirname, "../../..");
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as { logic: unknown };
const volume = read("rules/incentive/volume-rebate.rule.json").logic;
const marginal = read("rules/incentive/volume-rebate-marginal.rule.json").logic;
const params = (read("rules/manifests/dealer-program-1.0.0.manifest.json") as unknown as Manifest).params;

const find = <K extends string>(logic: unknown, kind: K) =>
  allNodes(parseLogic(logic)).find((n) => n.kind === kind) as Extract<
    ReturnType<typeof parseLogic>,
    { kind: K }
  >;

const data = (base: number, overrides: Record<string, number> = {}) => ({
  sales: { rebate_base_ytd: base, attainment_ytd: 1.08 },
  params: { ...Object.fromEntries(Object.entries(params).map(([k, p]) => [k, p.default])), ...overrides },
});

describe("band tables", () => {
  it("switching the retroactive volume rebate to marginal gives exactly the shipped marginal rule's logic", () => {
    const bands = find(volume, "bands");
    const switched = applyLogicEdits(volume, switchBandsMode(bands));
    expect(switched).toStrictEqual(marginal);
    expect(applyReference(switched, data(5400000))).toBe(61000);
    // And back again.
    expect(applyLogicEdits(marginal, switchBandsMode(find(marginal, "bands")))).toStrictEqual(volume);
  });

  it("a band's start is one edit in the retroactive form and two in the marginal form (where it is written twice)", () => {
    const retro = find(volume, "bands");
    const one = setBandFrom(retro, 2, 3500000);
    expect(one).toEqual([{ path: ["if", 2, "*", 1, "if", 2, "<", 1], value: 3500000 }]);
    const edited = applyLogicEdits(volume, one);
    expect(applyReference(edited, data(3400000))).toBe(34000);
    expect(applyReference(edited, data(3500000))).toBe(52500);
    const marg = find(marginal, "bands");
    const two = setBandFrom(marg, 2, 3500000);
    expect(two.map((e) => e.path.join("/"))).toEqual([
      "if/2/+/2/*/1/max/1/-/1",
      "if/2/+/1/*/1/max/1/-/0/min/1",
    ]);
    expect(bandWarnings(find(applyLogicEdits(marginal, two), "bands"), params)).toEqual([]);
    // One of the two edited alone leaves a gap, and the table says so.
    const gap = applyLogicEdits(marginal, two.slice(0, 1));
    expect(bandWarnings(find(gap, "bands"), params).map((w) => [w.row, w.kind])).toEqual([[2, "gap"]]);
    const overlap = applyLogicEdits(marginal, [{ ...two[0]!, value: 2000000 }]);
    expect(bandWarnings(find(overlap, "bands"), params).map((w) => [w.row, w.kind])).toEqual([
      [2, "overlap"],
    ]);
    expect(switchBandsMode(find(gap, "bands"))).toEqual([]);
  });

  it("warns when a band does not start above the previous one (with the pack's parameter defaults)", () => {
    const retro = find(volume, "bands");
    expect(bandWarnings(retro, params)).toEqual([]);
    const bad = applyLogicEdits(volume, setBandFrom(retro, 3, 2000000));
    expect(bandWarnings(find(bad, "bands"), params).map((w) => [w.row, w.kind, w.message.en])).toEqual([
      [
        3,
        "overlap",
        "Band 4 starts at 2,000,000, not above band 3's start (3,000,000): band 3 never applies.",
      ],
    ]);
  });

  it("adds and removes bands, keeping both forms consistent", () => {
    for (const logic of [volume, marginal]) {
      const bands = find(logic, "bands");
      const added = applyLogicEdits(logic, addBand(bands, 10000000, 0.025));
      expect(applyReference(added, data(12000000))).toBe(
        bands.mode === "retroactive" ? 300000 : 5000 + 20000 + 45000 + 80000 + 50000,
      );
      const removed = applyLogicEdits(logic, removeBand(bands, 1));
      const table = find(removed, "bands");
      expect(table.rows).toHaveLength(3);
      expect(bandWarnings(table, params)).toEqual([]);
      // Band 2 (1 M–3 M at 1 %) is gone: band 1 now runs to 3 M at 0.5 %.
      expect(applyReference(removed, data(2000000))).toBe(10000);
      const first = applyLogicEdits(logic, removeBand(bands, 0));
      expect(find(first, "bands").rows[0]!.from).toBeUndefined();
      expect(applyLogicEdits(logic, setBandRate(bands, 0, 0.006))).not.toStrictEqual(logic);
    }
  });
});

describe("threshold steps and lookups", () => {
  const steps = {
    if: [
      { "<=": [{ var: "d" }, 15] },
      1,
      { "<=": [{ var: "d" }, 30] },
      0.8,
      { "<=": [{ var: "d" }, 45] },
      0.5,
      0,
    ],
  };
  it("reorders rows and flags one that can never be reached", () => {
    const node = find(steps, "steps");
    expect(stepWarnings(node)).toEqual([]);
    const moved = applyLogicEdits(steps, moveRow(node, 0, 2));
    expect(moved).toStrictEqual({
      if: [
        { "<=": [{ var: "d" }, 30] },
        0.8,
        { "<=": [{ var: "d" }, 45] },
        0.5,
        { "<=": [{ var: "d" }, 15] },
        1,
        0,
      ],
    });
    expect(stepWarnings(find(moved, "steps")).map((w) => w.row)).toEqual([2]);
  });

  it("lookups: repeated keys and enum values that fall to the else", () => {
    const lookup = { if: [{ "===": [{ var: "t" }, "gold"] }, 3, { "===": [{ var: "t" }, "gold"] }, 2, 1] };
    const node = find(lookup, "lookup");
    expect(lookupWarnings(node, ["gold", "silver"]).map((w) => [w.row, w.kind])).toEqual([
      [1, "unreachable"],
      [2, "uncovered"],
    ]);
  });
});
