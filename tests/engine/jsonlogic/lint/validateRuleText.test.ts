import { describe, expect, it } from "vitest";
import { validateRuleText } from "../../../../src/engine";

describe("validateRuleText", () => {
  it("reports a syntax error with its position", () => {
    const [problem] = validateRuleText('{\n  "logic": { "var": "a" ,, }\n}');
    expect(problem).toMatchObject({ code: "json/syntax", severity: "error", line: 2 });
  });

  it("lints a rule file's logic at /logic with its declared output type", () => {
    const text = JSON.stringify(
      { id: "r", output: { type: "number" }, logic: { if: [{ var: "a" }, "yes", 0] } },
      null,
      2,
    );
    const problems = validateRuleText(text, { paramNames: [] });
    expect(problems.map((p) => [p.code, p.pointer, p.line])).toStrictEqual([
      ["logic/output-type", "/logic/if/1", 11],
    ]);
  });

  it("lints bare logic text", () => {
    expect(validateRuleText('{"-": [1, 2, 3]}').map((p) => [p.code, p.line, p.column])).toStrictEqual([
      ["lint/extra-operands", 1, 1],
    ]);
  });
});
