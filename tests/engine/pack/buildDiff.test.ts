import { describe, expect, it } from "vitest";
import { buildPack } from "../../../src/engine/pack/build";
import { DecimalSum } from "../../../src/engine/pack/decimalSum";
import { diffPacks, versionBump } from "../../../src/engine/pack/diff";
import { ImpactCollector } from "../../../src/engine/pack/impact";
import type { LoadedFile, RuleLoader } from "../../../src/engine/pack/load";
import { verifyPack } from "../../../src/engine/pack/verify";
import { content, manifest, rule } from "./fixtures";

const rate = rule(
  "rate",
  { "*": [{ var: "sales" }, { var: "params.r" }] },
  {
    tests: [{ name: "ten percent", data: { sales: 10, params: { r: 0.1 } }, expect: 1 }],
  },
);
const files: Record<string, string> = { "rate.rule.json": JSON.stringify(rate, null, 2) };
const loader: RuleLoader = (path) =>
  Promise.resolve(path in files ? { file: path, text: files[path]! } : { error: "no such file" });
const manifestFile = (overrides = {}): LoadedFile => ({
  file: "p.manifest.json",
  text: JSON.stringify(
    manifest({ params: { r: { type: "number", default: 0.1 } }, rules: ["rate.rule.json"], ...overrides }),
    null,
    2,
  ),
});

describe("buildPack and verifyPack", () => {
  it("builds a pack whose integrity and tests verify, and fails after a changed byte", async () => {
    const built = await buildPack(manifestFile(), loader, { createdAt: "2026-11-22T10:00:00.000Z" });
    expect(built.problems).toEqual([]);
    expect(built.pack?.order).toEqual(["rate"]);
    const text = JSON.stringify(built.pack, null, 2);
    const verified = await verifyPack({ file: "p.pack.json", text });
    expect(verified.integrityOk).toBe(true);
    expect(verified.tests.every((t) => t.passed)).toBe(true);
    const tampered = await verifyPack({
      file: "p.pack.json",
      text: text.replace('"default": 0.1', '"default": 0.2'),
    });
    expect(tampered.integrityOk).toBe(false);
    expect(tampered.problems.map((p) => p.code)).toContain("pack/integrity-mismatch");
  });

  it("refuses to build when a test fails or a rule file is missing", async () => {
    files["bad.rule.json"] = JSON.stringify({
      ...rate,
      id: "bad",
      tests: [{ name: "wrong", data: { sales: 1, params: { r: 1 } }, expect: 2 }],
    });
    const failing = await buildPack(manifestFile({ rules: ["rate.rule.json", "bad.rule.json"] }), loader, {
      createdAt: "2026-11-22T10:00:00Z",
    });
    expect(failing.pack).toBeUndefined();
    expect(failing.tests.filter((t) => !t.passed).map((t) => t.test)).toEqual(["wrong"]);
    const missing = await buildPack(manifestFile({ rules: ["nope.rule.json"] }), loader, {
      createdAt: "2026-11-22T10:00:00Z",
    });
    expect(missing.problems[0]).toMatchObject({ code: "manifest/rule-unreadable", pointer: "/rules/0" });
  });
});

describe("diffPacks", () => {
  const side = (
    version: string,
    c = content([rate], { params: { r: { type: "number", default: 0.1 } } }),
  ) => ({
    name: "p",
    version,
    ...c,
  });

  it("computes bumps", () => {
    expect(versionBump("1.2.3", "2.0.0")).toBe("major");
    expect(versionBump("1.2.3", "1.3.0")).toBe("minor");
    expect(versionBump("1.2.3", "1.2.4")).toBe("patch");
    expect(versionBump("1.2.3", "1.2.3")).toBe("none");
    expect(versionBump("1.2.3", "1.2.2")).toBe("downgrade");
  });

  it("calls a removed rule major and a logic change minor", () => {
    const removed = diffPacks(
      side("1.0.0"),
      side("1.1.0", content([], { params: { r: { type: "number", default: 0.1 } } })),
    );
    expect(removed.rules.removed).toEqual(["rate"]);
    expect(removed.bump).toEqual({ required: "major", actual: "minor", fits: false });
    const logic = diffPacks(
      side("1.0.0"),
      side("1.1.0", content([{ ...rate, logic: 1 }], { params: { r: { type: "number", default: 0.1 } } })),
    );
    expect(logic.rules.changed).toEqual([{ id: "rate", parts: ["logic"] }]);
    expect(logic.bump.fits).toBe(true);
  });

  it("calls a test-only change patch and flags a changed released version", () => {
    const tests = content([{ ...rate, tests: [] }], { params: { r: { type: "number", default: 0.1 } } });
    expect(diffPacks(side("1.0.0"), side("1.0.1", tests)).bump).toEqual({
      required: "patch",
      actual: "patch",
      fits: true,
    });
    const same = diffPacks(side("1.0.0"), side("1.0.0", tests));
    expect(same.errors).toHaveLength(1);
    expect(diffPacks(side("1.0.0"), side("1.0.0")).identical).toBe(true);
  });

  it("measures the impact per output: exact totals, counts per value, population statistics", () => {
    const money = rule("money", 0, { output: { type: "number", decimals: 2 } });
    const grade = rule("grade", "A", { output: { type: "string", enum: ["B", "A"] } });
    const collector = new ImpactCollector([money, grade], [money, grade]);
    const r = (out: number | null, g: string, cls: string, factor: number) => ({
      id: 1,
      out: { money: out, grade: g },
      pop: { c: cls, factor },
      errors: [],
    });
    collector.addOld([r(0.1, "A", "A", 0.5), r(0.2, "B", "B", 1)]);
    collector.addNew([r(0.1, "B", "B", 0.25), r(null, "B", "B", 1)]);
    expect(collector.summary()).toEqual([
      {
        output: "out.grade",
        kind: "counts",
        changed: 1,
        counts: [
          { value: "B", old: 1, new: 2 },
          { value: "A", old: 1, new: 0 },
        ],
      },
      // 0.1 + 0.2 is 0.30000000000000004 in floats; the total is exact at the output's decimals.
      { output: "out.money", kind: "total", changed: 1, oldTotal: "0.30", newTotal: "0.10" },
      {
        output: "pop.c",
        kind: "counts",
        changed: 1,
        counts: [
          { value: "A", old: 1, new: 0 },
          { value: "B", old: 1, new: 2 },
        ],
      },
      {
        output: "pop.factor",
        kind: "stats",
        changed: 1,
        old: { count: 2, min: 0.5, mean: 0.75, max: 1 },
        new: { count: 2, min: 0.25, mean: 0.625, max: 1 },
      },
    ]);
  });
});

describe("DecimalSum", () => {
  it("sums decimal values exactly, past 2^53 units and across scales", () => {
    const sum = new DecimalSum(2);
    for (let i = 0; i < 10; i++) sum.add(0.1);
    expect(sum.format(2)).toBe("1.00");
    // Five of these are 4.5e15 units of 0.01: past 2^52, so the double accumulator hands over to BigInt.
    for (let i = 0; i < 5; i++) sum.add(9_007_199_254_740.99);
    sum.add(0.125); // off the 2-decimal grid: the scale grows
    expect(sum.format()).toBe("45035996273706.075");
    expect(sum.format(2, ",")).toBe("45,035,996,273,706.08");
    const negative = new DecimalSum();
    negative.add(-0.004);
    expect(negative.format(2)).toBe("0.00");
    negative.add(-1e21);
    expect(negative.format(0, ",")).toBe("-1,000,000,000,000,000,000,000");
  });
});
