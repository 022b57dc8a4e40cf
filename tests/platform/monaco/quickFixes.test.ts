import { describe, expect, it } from "vitest";
import { validateRuleText, type Problem } from "../../../src/engine";
import { datasetFields, quickFixes, type LanguageContext } from "../../../src/platform/monaco/language";
import { applyEdits, contextFor, datasetSchema, ruleText } from "./workspace";

const ctx: LanguageContext = contextFor("volume-rebate");
const lint = (text: string) =>
  validateRuleText(text, {
    datasetSchema: datasetSchema as never,
    paramNames: ctx.params.map((p) => p.name),
  });

/** Lints, fixes the one problem with `code` using the first (preferred) fix, and lints again. */
function fixOnce(text: string, code: string, context = ctx) {
  const problems = lint(text).filter((p: Problem) => p.code === code);
  expect(problems, `lint reports ${code}`).toHaveLength(1);
  const fixes = quickFixes(text, problems, context);
  expect(fixes.length).toBeGreaterThan(0);
  const fixed = applyEdits(text, fixes[0]!.edits);
  return { fixes, fixed, after: lint(fixed).filter((p) => p.code === code) };
}

describe("quickFixes", () => {
  it("suggests the closest operator for an unknown one", () => {
    const { fixes, fixed, after } = fixOnce(ruleText('{ "maxx": [1, 2] }'), "logic/unknown-operator");
    expect(fixes[0]).toMatchObject({ title: 'Change to "max"', preferred: true });
    expect(fixed).toContain('{ "max": [1, 2] }');
    expect(after).toEqual([]);
  });

  it("makes a loose comparison strict", () => {
    const { fixes, fixed, after } = fixOnce(
      ruleText('{ "==": [{ "var": "profile.level" }, "city"] }'),
      "lint/loose-equality",
    );
    expect(fixes[0]!.title).toBe('Use strict "==="');
    expect(fixed).toContain('"===": [');
    expect(after).toEqual([]);
  });

  it("wraps a var that may be missing with a default in arithmetic", () => {
    const schema = {
      type: "object",
      required: ["a"],
      properties: { a: { type: "number" }, b: { type: "number" } },
    };
    const context = { ...ctx, fields: datasetFields(schema) };
    const nullable = (text: string) =>
      validateRuleText(text, { datasetSchema: schema }).filter((p) => p.code === "lint/nullable-arithmetic");
    const text = ruleText('{ "+": [{ "var": "a" }, { "var": "b" }, 1] }');
    expect(nullable(text)).toHaveLength(1);
    const [fix] = quickFixes(text, nullable(text), context);
    expect(fix!.title).toBe("Default b to 0 when missing");
    const fixed = applyEdits(text, fix!.edits);
    expect(fixed).toContain('{ "+": [{ "var": "a" }, { "var": ["b", 0] }, 1] }');
    expect(nullable(fixed)).toEqual([]);
  });

  it("offers 0 and 1 as defaults in a product", () => {
    const text = ruleText('{ "*": [{ "var": "pop.factor" }, 2] }');
    const fixes = quickFixes(
      text,
      lint(text).filter((p) => p.code === "lint/nullable-arithmetic"),
      ctx,
    );
    expect(fixes.map((f) => f.title)).toEqual([
      "Default pop.factor to 0 when missing",
      "Default pop.factor to 1 when missing",
    ]);
  });

  it("gives reduce its initial value", () => {
    const { fixed, after } = fixOnce(
      ruleText(
        '{ "reduce": [{ "var": "sales.monthly" }, { "+": [{ "var": "current" }, { "var": "accumulator" }] }] }',
      ),
      "lint/reduce-without-initial",
    );
    expect(fixed).toContain('{ "var": "accumulator" }] }, 0] }');
    expect(after).toEqual([]);
  });

  it("removes the operands json-logic-js ignores", () => {
    const { fixes, fixed, after } = fixOnce(ruleText('{ "-": [10, 2, 3, 4] }'), "lint/extra-operands");
    expect(fixes[0]!.title).toBe("Remove the 2 ignored operand(s)");
    expect(fixed).toContain('{ "-": [10, 2] }');
    expect(after).toEqual([]);
  });

  it("guards a division", () => {
    const { fixed, after } = fixOnce(
      ruleText('{ "/": [{ "var": "sales.net_ytd" }, { "var": "targets.annual_sales" }] }'),
      "lint/unguarded-division",
    );
    expect(fixed).toContain(
      '{ "if": [{ "var": "targets.annual_sales" }, { "/": [{ "var": "sales.net_ytd" }, { "var": "targets.annual_sales" }] }, 0] }',
    );
    expect(after).toEqual([]);
  });

  it("suggests the closest field and parameter", () => {
    const field = fixOnce(ruleText('{ "var": "sales.net_ydt" }'), "lint/unknown-field");
    expect(field.fixes[0]!.title).toBe('Change to "sales.net_ytd"');
    expect(field.after).toEqual([]);
    const param = fixOnce(ruleText('{ "var": "params.attainment_gat" }'), "logic/unknown-param");
    expect(param.fixed).toContain('"params.attainment_gate"');
    expect(param.after).toEqual([]);
  });

  it("titles fixes in Chinese for Chinese users, and offers nothing it cannot do", () => {
    const zh = contextFor("volume-rebate", { locale: "zh-CN" });
    const text = ruleText('{ "!=": [1, 2] }');
    expect(quickFixes(text, lint(text), zh)[0]!.title).toBe('改用严格比较 "!=="');
    const far = ruleText('{ "zzzzzzzz": [1] }');
    expect(quickFixes(far, lint(far), ctx)).toEqual([]);
    // A stale pointer (the text changed since the lint ran) gives no edit rather than a wrong one.
    expect(quickFixes(ruleText("1"), lint(text), ctx)).toEqual([]);
  });
});
