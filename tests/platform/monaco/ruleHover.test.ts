import { describe, expect, it } from "vitest";
import { hoverRule } from "../../../src/platform/monaco/language";
import { at, contextFor, records, ruleText } from "./workspace";

const sample = records[0] as { sales: { net_ytd: number } };
const hover = (textWithCursor: string, locale: "en" | "zh-CN" = "en") => {
  const { text, offset } = at(textWithCursor);
  return {
    text,
    result: hoverRule(text, offset, contextFor("volume-rebate", { locale, sampleRecord: sample })),
  };
};

describe("hoverRule", () => {
  it("on a var shows both labels, type, unit, share and the value in the selected record", () => {
    const { text, result } = hover(ruleText('{ "var": "sales.ne|t_ytd" }'));
    expect(text.slice(result!.range.start, result!.range.end)).toBe('"sales.net_ytd"');
    const [doc, value] = result!.contents;
    expect(doc).toContain("Net sales YTD · 年初至今净销售额");
    expect(doc).toContain("Type: `number`");
    expect(doc).toContain("Unit: CNY");
    expect(doc).toContain("Records with a value: 100%");
    expect(value).toBe(`In the selected record: \`${sample.sales.net_ytd}\``);
  });

  it("in Chinese, the Chinese label comes first", () => {
    const { result } = hover(ruleText('{ "var": ["sales.net_|ytd", 0] }'), "zh-CN");
    expect(result!.contents[0]).toContain("年初至今净销售额 · Net sales YTD");
    expect(result!.contents[1]).toMatch(/^所选记录中的值/);
  });

  it("on params shows the title and default, and says so when a path is unknown", () => {
    const params = hover(ruleText('{ "var": "params.attain|ment_gate" }')).result!;
    expect(params.contents).toHaveLength(1);
    expect(params.contents[0]).toMatch(/Default `0\.9`/);
    const unknown = hover(ruleText('{ "var": "sales.nope|" }')).result!;
    expect(unknown.contents[0]).toBe("`sales.nope`: Not in the dataset schema");
    expect(unknown.contents[1]).toBe("In the selected record: missing");
  });

  it("on an operator key shows its documentation", () => {
    const { result } = hover(ruleText('{ "red|uce": [[1], { "+": [1, 2] }, 0] }'), "zh-CN");
    expect(result!.contents[0]).toContain("**归约** `reduce`");
    expect(result!.contents[0]).toContain("请总是提供初始值");
  });

  it("is silent elsewhere: titles, literal strings, unknown keys", () => {
    expect(hover(ruleText("1").replace('"Draft"', '"Dr|aft"')).result).toBeUndefined();
    expect(hover(ruleText('{ "cat": ["a|b"] }')).result).toBeUndefined();
    expect(hover(ruleText('{ "nope|": [1] }')).result).toBeUndefined();
  });
});
