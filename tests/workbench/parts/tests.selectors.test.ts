import { describe, expect, it } from "vitest";
import type { RuleTestReport } from "../../../src/platform";
import {
  diffTexts,
  latestReports,
  testBadges,
  testGroups,
  testTotals,
  type TestLabels,
} from "../../../src/workbench/parts/tests/tests.selectors";

const labels: TestLabels = {
  anError: "an error",
  error: (m) => `error: ${m}`,
  tolerance: (t) => ` ± ${t}`,
};

const report = (
  ruleId: string,
  results: RuleTestReport["results"],
  problems?: RuleTestReport["problems"],
): RuleTestReport => ({
  ruleId,
  file: `rules/incentive/${ruleId}.rule.json`,
  results,
  ...(problems ? { problems } : {}),
});

const pass = (name: string, line = 10) => ({
  name,
  pointer: `/tests/${line}`,
  line,
  column: 5,
  passed: true,
  expected: 1,
  actual: 1,
});

describe("test results", () => {
  it("marks the characters that differ in one-line values, and the lines that differ in objects", () => {
    const scalar = diffTexts("1234.5", "1243.5");
    expect(scalar.expected.map((s) => s.text).join("")).toBe("1234.5");
    expect(scalar.actual.map((s) => s.text).join("")).toBe("1243.5");
    expect(scalar.expected.filter((s) => s.changed).length).toBeGreaterThan(0);
    expect(scalar.expected[0]).toEqual({ text: "12", changed: false });
    const same = diffTexts("10", "10");
    expect(same).toEqual({
      expected: [{ text: "10", changed: false }],
      actual: [{ text: "10", changed: false }],
    });
    const objects = diffTexts('{\n  "a": 1,\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 3\n}');
    expect(objects.expected.filter((s) => s.changed).map((s) => s.text)).toEqual(['  "b": 2\n']);
    expect(objects.actual.filter((s) => s.changed).map((s) => s.text)).toEqual(['  "b": 3\n']);
  });

  it("groups by rule, failures first, each failure with expected vs actual and its reason", () => {
    const groups = testGroups(
      [
        report("a-ok", [pass("one")]),
        report("b-fails", [
          pass("fine"),
          {
            name: "wrong amount",
            pointer: "/tests/1",
            line: 30,
            column: 5,
            passed: false,
            expected: 120,
            tolerance: 0.01,
            actual: 100,
            message: { en: "expected 120, got 100", "zh-CN": "预期 120，实际得到 100" },
          },
          {
            name: "throws",
            pointer: "/tests/2",
            passed: false,
            expected: 1,
            error: { en: "not a number", "zh-CN": "不是数字" },
          },
          { name: "should throw", pointer: "/tests/3", passed: false, expectError: true, actual: 5 },
        ]),
      ],
      "zh-CN",
      labels,
    );
    expect(groups.map((g) => [g.ruleId, g.passed, g.failed])).toEqual([
      ["b-fails", 1, 3],
      ["a-ok", 1, 0],
    ]);
    const [fine, wrong, throws, shouldThrow] = groups[0]!.rows;
    expect(fine!.diff).toBeUndefined();
    expect(wrong).toMatchObject({ line: 30, column: 5, reason: "预期 120，实际得到 100" });
    const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
    expect(text(wrong!.diff!.expected)).toBe("120 ± 0.01");
    expect(text(wrong!.diff!.actual)).toBe("100");
    expect(text(throws!.diff!.actual)).toBe("error: 不是数字");
    expect(text(shouldThrow!.diff!.expected)).toBe("an error");
    expect(text(shouldThrow!.diff!.actual)).toBe("5");
  });

  it("counts a rule that cannot load as one failure, for badges and the status bar", () => {
    const reports = [
      report("a", [pass("x"), pass("y")]),
      report("broken", [], [{ code: "json/syntax", severity: "error", message: { en: "bad" }, pointer: "" }]),
    ];
    expect(Object.fromEntries(testBadges(reports))).toEqual({
      a: { passed: 2, failed: 0 },
      broken: { passed: 0, failed: 1 },
    });
    expect(testTotals(reports)).toEqual({ passed: 2, failed: 1 });
    expect(testGroups(reports, "en", labels)[0]!.problems).toEqual(["bad"]);
  });

  it("lets a run of one rule replace the analysis' report, and drops rules that are gone", () => {
    const analysis = [report("a", [pass("old")]), report("b", [pass("b")]), report("gone", [pass("g")])];
    const runs = { a: report("a", [pass("new")]) };
    const latest = latestReports(analysis, runs, new Set(["a", "b"]));
    expect(latest.map((r) => [r.ruleId, r.results[0]!.name])).toEqual([
      ["a", "new"],
      ["b", "b"],
    ]);
  });
});
