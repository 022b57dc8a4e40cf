import { describe, expect, it } from "vitest";
import { RUN_TESTS_COMMAND, testsCodeLens } from "../../../src/platform/monaco/language";
import { ruleText, storedRule } from "./workspace";

describe("testsCodeLens", () => {
  const { text } = storedRule("volume-rebate");
  const uri = "rule:volume-rebate";

  it('puts "Run tests" and the last result above the tests member', () => {
    const lenses = testsCodeLens(text, uri, { passed: 8, failed: 0 }, "en");
    expect(lenses.map((l) => l.title)).toEqual(["▶ Run tests", "✓ 8 passed"]);
    for (const lens of lenses) {
      expect(text.slice(lens.range.start, lens.range.end)).toBe('"tests"');
      expect(lens.command).toEqual({ id: RUN_TESTS_COMMAND, args: [uri] });
    }
  });

  it("reports failures first, in the user's language", () => {
    expect(testsCodeLens(text, uri, { passed: 7, failed: 1 }, "en")[1]!.title).toBe("✗ 1 failed, 7 passed");
    expect(testsCodeLens(text, uri, { passed: 7, failed: 1 }, "zh-CN").map((l) => l.title)).toEqual([
      "▶ 运行测试",
      "✗ 1 个失败, 7 个通过",
    ]);
    expect(testsCodeLens(text, uri, undefined, "en")[1]!.title).toBe("not run yet");
  });

  it("shows nothing for a rule without tests, or a nested tests key", () => {
    expect(testsCodeLens(ruleText("1"), uri, undefined, "en")).toEqual([]);
    expect(
      testsCodeLens(ruleText('{ "var": "tests" }', ', "x-meta": { "tests": [] }'), uri, undefined, "en"),
    ).toEqual([]);
  });
});
