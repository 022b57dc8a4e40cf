import { describe, expect, it } from "vitest";
import { validateRuleText, type Problem } from "../../../src/engine";
import { offsetAt, problemRange } from "../../../src/platform/monaco/language";
import { datasetSchema, ruleText } from "./workspace";

const marked = (text: string, problem: Problem) => {
  const range = problemRange(text, problem);
  return text.slice(range.start, range.end);
};
const first = (text: string, code: string) => {
  const problem = validateRuleText(text, { datasetSchema: datasetSchema as never }).find(
    (p) => p.code === code,
  );
  expect(problem, code).toBeDefined();
  return problem!;
};

describe("problemRange", () => {
  it("marks an operation's operator key, not the whole operation", () => {
    const text = ruleText('{\n    "if": [\n      { "foo": [1] },\n      1,\n      2\n    ]\n  }');
    expect(marked(text, first(text, "logic/unknown-operator"))).toBe('"foo"');
  });

  it("marks a var's path for field problems", () => {
    const text = ruleText('{ "+": [{ "var": ["sales.nope", 0] }, 1] }');
    expect(marked(text, first(text, "lint/unknown-field"))).toBe('"sales.nope"');
  });

  it("marks a scalar operand itself (an unguarded divisor)", () => {
    const text = ruleText('{ "/": [1, { "var": "targets.annual_sales" }] }');
    expect(marked(text, first(text, "lint/unguarded-division"))).toBe('"targets.annual_sales"');
  });

  it("puts a syntax error at its line and column", () => {
    const text = '{\n  "logic": { "var": "a" ]\n}';
    const problem = first(text, "json/syntax");
    const range = problemRange(text, problem);
    expect(range.start).toBe(offsetAt(text, problem.line!, problem.column!));
    expect(range.end).toBeGreaterThan(range.start);
  });

  it("marks the key of a large member, and the first line of the document for a root problem", () => {
    const text = ruleText("1");
    const base = { severity: "error", message: { en: "x" } } as const;
    expect(marked(text, { ...base, code: "schema/x", pointer: "/title" })).toBe('"title"');
    expect(marked(text, { ...base, code: "schema/x", pointer: "" })).toBe("{");
    expect(marked(text, { ...base, code: "schema/x", pointer: "/nowhere", line: 3, column: 3 })).toBe(
      '"kind"',
    );
  });

  it("converts lines and columns to offsets, clamped to the text", () => {
    expect(offsetAt("ab\ncd", 2, 2)).toBe(4);
    expect(offsetAt("ab\ncd", 9, 1)).toBe(5);
    expect(offsetAt("ab\ncd", 1, 99)).toBe(2);
  });
});
