import { describe, expect, it } from "vitest";
import { runRuleTests, type RuleFile } from "../../../src/engine";

const rule = (logic: unknown, tests: RuleFile["tests"]): RuleFile => ({
  id: "r",
  kind: "incentive",
  version: "1.0.0",
  title: { en: "r" },
  output: { type: "number", decimals: 2 },
  logic,
  tests,
});

describe("runRuleTests", () => {
  it("reports what the rule returned, so a failure can show expected and actual side by side", () => {
    const outcomes = runRuleTests(
      rule({ "*": [{ var: "x" }, 0.1] }, [
        { name: "pass", data: { x: 10 }, expect: 1 },
        { name: "fail", data: { x: 10 }, expect: 2 },
      ]),
    );
    expect(outcomes.map((o) => [o.test, o.passed, o.actual])).toEqual([
      ["pass", true, 1],
      ["fail", false, 1],
    ]);
    expect(outcomes[1]!.error).toBeUndefined();
  });

  it("reports the error instead of a value when evaluation or the output checks fail", () => {
    const [failed, expected] = runRuleTests(
      rule({ var: "s" }, [
        { name: "not a number", data: { s: "text" }, expect: 1 },
        { name: "expects the error", data: { s: "text" }, expectError: true },
      ]),
    );
    expect(failed).toMatchObject({ passed: false });
    expect(failed!.actual).toBeUndefined();
    expect(failed!.error?.en).toBeTruthy();
    expect(expected).toMatchObject({ passed: true });
    expect(expected!.error?.en).toBe(failed!.error?.en);
  });
});
