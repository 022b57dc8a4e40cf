import { describe, expect, it } from "vitest";
import {
  changedSince,
  packImpact,
  releaseManifestText,
  suggestBump,
  versionProblem,
} from "../../../src/platform";
import { pack, rule } from "./packFixtures";

const records = [
  { id: "D-1", as_of: "2024-12-31", sales: 100 },
  { id: "D-2", as_of: "2024-12-31", sales: 2000 },
  { id: "D-3", as_of: "2024-12-31", sales: 5 },
];
const rebate = (rate: number, extra = {}) =>
  rule(
    "rebate",
    { "*": [{ var: "sales" }, rate] },
    { tests: [{ name: "t", data: { sales: 10 }, expect: 10 * rate }], ...extra },
  );
const big = (threshold: number) =>
  rule("big", { ">": [{ var: "sales" }, threshold] }, { output: { type: "boolean" } });

describe("suggestBump", () => {
  it("patch: only titles and tests changed, so no output can change", async () => {
    const before = await pack("1.0.0", [rebate(0.1), big(1000)]);
    const after = await pack("1.0.1", [
      rebate(0.1, { title: { en: "Renamed" }, tests: [{ name: "u", data: { sales: 20 }, expect: 2 }] }),
      big(1000),
    ]);
    const impact = { ...(await packImpact(before, after, records)), dataset: "sample" };
    expect(impact.impacts.every((i) => i.changed === 0)).toBe(true);
    const s = suggestBump(before, after, impact);
    expect(s.bump).toBe("patch");
    expect(s.evidence).toEqual([{ kind: "no-output-change", parts: ["rebate: tests", "rebate: text"] }]);
  });

  it("minor: outputs change on the reference dataset; the evidence names them and counts records", async () => {
    const before = await pack("1.0.0", [rebate(0.1), big(1000)]);
    const after = await pack("1.1.0", [rebate(0.1), big(50)]);
    const impact = { ...(await packImpact(before, after, records)), dataset: "sample" };
    const s = suggestBump(before, after, impact);
    expect(s.bump).toBe("minor");
    expect(s.evidence).toEqual([
      {
        kind: "outputs-changed",
        dataset: "sample",
        records: 3,
        outputs: [{ output: "out.big", changed: 1 }],
      },
    ]);
  });

  it("minor even when the reference dataset does not move: changed logic can change outputs", async () => {
    const before = await pack("1.0.0", [big(1000)]);
    const after = await pack("1.1.0", [big(1500)]);
    const impact = { ...(await packImpact(before, after, records)), dataset: "sample" };
    expect(suggestBump(before, after, impact)).toEqual({
      bump: "minor",
      evidence: [{ kind: "logic-changed", ids: ["big"], dataset: "sample" }],
    });
  });

  it("major: a rule removed, an output retyped, a parameter removed", async () => {
    const before = await pack("1.0.0", [rebate(0.1), big(1000)], {
      params: { gate: { type: "number", default: 1 } },
    });
    const removed = await pack("2.0.0", [rebate(0.1)], { params: { gate: { type: "number", default: 1 } } });
    expect(suggestBump(before, removed).evidence[0]).toEqual({ kind: "rules-removed", ids: ["big"] });
    expect(suggestBump(before, removed).bump).toBe("major");
    const retyped = await pack(
      "2.0.0",
      [
        rebate(0.1),
        rule("big", { if: [{ ">": [{ var: "sales" }, 1000] }, "yes", "no"] }, { output: { type: "string" } }),
      ],
      { params: { gate: { type: "number", default: 1 } } },
    );
    expect(suggestBump(before, retyped)).toMatchObject({
      bump: "major",
      evidence: [{ kind: "output-retyped", id: "big", from: "boolean", to: "string" }],
    });
    const paramGone = await pack("2.0.0", [rebate(0.1), big(1000)]);
    expect(suggestBump(before, paramGone)).toEqual({
      bump: "major",
      evidence: [{ kind: "params-removed", names: ["gate"] }],
    });
  });

  it("a first release has no earlier version to compare with", async () => {
    expect(suggestBump(undefined, await pack("1.0.0", [big(1)]))).toEqual({
      bump: "minor",
      evidence: [{ kind: "first-release" }],
    });
  });
});

describe("versionProblem", () => {
  it("requires valid semver greater than every earlier release", () => {
    expect(versionProblem("1.1", [])).toEqual({ code: "invalid" });
    expect(versionProblem("v1.1.0", [])).toEqual({ code: "invalid" });
    expect(versionProblem("1.1.0", ["1.0.0", "1.2.0"])).toEqual({ code: "not-greater", latest: "1.2.0" });
    expect(versionProblem("1.2.0", ["1.2.0"])).toEqual({ code: "not-greater", latest: "1.2.0" });
    expect(versionProblem("1.10.0", ["1.9.0", "1.2.0"])).toBeUndefined();
    expect(versionProblem("0.1.0", [])).toBeUndefined();
  });
});

describe("releaseManifestText", () => {
  const text = JSON.stringify(
    {
      name: "p",
      version: "1.1.0",
      changelog: [{ version: "1.1.0", date: "2025-01-15", notes: { en: "Raised", "zh-CN": "提高" } }],
    },
    null,
    2,
  );
  it("leaves a manifest that already says the version and notes exactly as it is", () => {
    expect(releaseManifestText(text, "1.1.0", "Raised", "2026-12-03")).toBe(text);
    expect(releaseManifestText(text, "1.1.0", "提高", "2026-12-03")).toBe(text);
  });
  it("sets the version and adds or replaces the changelog entry", () => {
    const bumped = JSON.parse(releaseManifestText(text, "1.2.0", "Lowered", "2026-12-03")) as Record<
      string,
      unknown
    >;
    expect(bumped.version).toBe("1.2.0");
    expect(bumped.changelog).toEqual([
      { version: "1.1.0", date: "2025-01-15", notes: { en: "Raised", "zh-CN": "提高" } },
      { version: "1.2.0", date: "2026-12-03", notes: "Lowered" },
    ]);
    const replaced = JSON.parse(releaseManifestText(text, "1.1.0", "Other", "2026-12-03")) as {
      changelog: unknown[];
    };
    expect(replaced.changelog).toEqual([{ version: "1.1.0", date: "2026-12-03", notes: "Other" }]);
  });
});

describe("changedSince", () => {
  it("ignores version, changelog and build metadata", async () => {
    const a = await pack("1.0.0", [big(1)]);
    expect(changedSince(a, await pack("1.0.1", [big(1)], {}, "2027-01-01T00:00:00.000Z"))).toBe(false);
    expect(changedSince(a, await pack("1.0.0", [big(2)]))).toBe(true);
  });
});

describe("packImpact", () => {
  it("gives the engine's impact (crw pack diff --data) that the bump evidence rests on", async () => {
    const before = await pack("1.0.0", [rebate(0.1)]);
    const after = await pack("1.1.0", [
      rule("rebate", { if: [{ ">": [{ var: "sales" }, 50] }, { "*": [{ var: "sales" }, 0.2] }, 0] }),
    ]);
    const impact = await packImpact(before, after, records);
    expect(impact.impacts).toEqual([
      { output: "out.rebate", changed: 3, kind: "total", oldTotal: "210.50", newTotal: "420.00" },
    ]);
    expect(impact.asOf).toBe("2024-12-31");
  });
});
