import { describe, expect, it } from "vitest";
import { operatorSpecs } from "../../../src/engine";
import { completeRule } from "../../../src/platform/monaco/language";
import { at, contextFor, ruleText } from "./workspace";

const ctx = contextFor("volume-rebate");
const complete = (textWithCursor: string, context = ctx) => {
  const { text, offset } = at(textWithCursor);
  return { text, offset, items: completeRule(text, offset, context) };
};

describe("completeRule: var paths", () => {
  it("after `sales.` lists the sales fields with both labels, type, unit and share", () => {
    const { text, offset, items } = complete(ruleText('{ "var": "sales.|" }'));
    const net = items.find((i) => i.label === "net_ytd")!;
    expect(net).toMatchObject({ kind: "field", insertText: "net_ytd", description: "number · CNY · 100%" });
    expect(net.labelDetail).toMatch(/net/i);
    expect(net.documentation).toContain("Path: `sales.net_ytd`");
    expect(net.documentation).toMatch(/[\u4e00-\u9fff]/);
    // The proposal replaces the segment after the dot, nothing before it.
    expect(net.range).toEqual({ start: offset, end: offset });
    expect(text.slice(net.range.start - 6, net.range.start)).toBe("sales.");
    expect(items.every((i) => i.kind === "field" || i.kind === "object")).toBe(true);
    expect(items.map((i) => i.label)).not.toContain("profile");
  });

  it("at the start offers the record's top-level fields, then params, out, pop and ctx", () => {
    const { items } = complete(ruleText('{ "var": "|" }'));
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["sales", "profile", "params", "out", "pop", "ctx"]));
    const sales = items.find((i) => i.label === "sales")!;
    expect(sales).toMatchObject({ kind: "object", insertText: "sales.", retrigger: true });
    expect(items.find((i) => i.label === "params")!.sortText! > sales.sortText!).toBe(true);
  });

  it("replaces only the segment under the cursor, up to the next dot", () => {
    const { text, items } = complete(ruleText('{ "var": ["sal|es.net_ytd", 0] }'));
    const range = items.find((i) => i.label === "sales")!.range;
    expect(text.slice(range.start, range.end)).toBe("sales");
  });

  it("offers params with title and default, other rules' outputs, population results and ctx", () => {
    const params = complete(ruleText('{ "var": "params.|" }')).items;
    const gate = params.find((i) => i.label === "attainment_gate")!;
    expect(gate.kind).toBe("param");
    expect(gate.description).toBe("number · Default 0.9 · ratio");
    expect(gate.documentation).toContain("dealer-program@1.1.0");
    expect(complete(ruleText('{ "var": "out.|" }')).items.map((i) => i.label)).toContain("cash-rebate");
    expect(complete(ruleText('{ "var": "pop.|" }')).items.map((i) => i.label)).toContain("abc_class");
    expect(complete(ruleText('{ "var": "ctx.|" }')).items.map((i) => i.label)).toEqual([
      "as_of",
      "eval_month",
    ]);
  });

  it("completes keys of missing and missing_some too", () => {
    expect(complete(ruleText('{ "missing": ["sales.|"] }')).items.length).toBeGreaterThan(5);
    expect(complete(ruleText('{ "missing_some": [1, ["targets.|"]] }')).items.map((i) => i.label)).toContain(
      "annual_sales",
    );
  });

  it("inside map reads the element (no record fields); inside reduce, current and accumulator", () => {
    expect(complete(ruleText('{ "map": [{ "var": "sales.monthly" }, { "var": "|" }] }')).items).toEqual([]);
    const reduce = complete(
      ruleText('{ "reduce": [{ "var": "sales.monthly" }, { "+": [{ "var": "|" }, 1] }, 0] }'),
    ).items;
    expect(reduce.map((i) => i.label)).toEqual(["current", "accumulator"]);
  });

  it("works in an unterminated string, as while typing", () => {
    const { items } = complete('{ "logic": { "var": "sales.|');
    expect(items.map((i) => i.label)).toContain("net_ytd");
  });

  it("speaks Chinese when the user does", () => {
    const zh = contextFor("volume-rebate", { locale: "zh-CN" });
    const net = complete(ruleText('{ "var": "sales.|" }'), zh).items.find((i) => i.label === "net_ytd")!;
    expect(net.labelDetail).toMatch(/[\u4e00-\u9fff]/);
    expect(net.documentation).toContain("类型");
  });
});

describe("completeRule: operators", () => {
  it("where a value may start offers every operator as its snippet with docs", () => {
    const { offset, items } = complete(ruleText('{ "if": [|] }'));
    expect(items).toHaveLength(Object.keys(operatorSpecs).length);
    const ifItem = items.find((i) => i.label === "if")!;
    expect(ifItem).toMatchObject({ kind: "operator", snippet: true, insertText: operatorSpecs.if.snippet });
    expect(ifItem.range).toEqual({ start: offset, end: offset });
    expect(ifItem.documentation).toContain("Only the taken branch is evaluated");
  });

  it("replaces a half-typed word at a value position", () => {
    const { text, items } = complete(ruleText('{ "if": [1, ma|] }'));
    const max = items.find((i) => i.label === "max")!;
    expect(text.slice(max.range.start, max.range.end)).toBe("ma");
  });

  it("at a key offers the operator with its operands, or only the name when the value is there", () => {
    const typing = complete(ruleText('{ "if": [{ "|" }] }'));
    const ifKey = typing.items.find((i) => i.label === "if")!;
    expect(ifKey.insertText).toBe('"if": [${1:condition}, ${2:then}, ${3:else}]');
    expect(ifKey.filterText).toBe('"if"');
    expect(typing.text.slice(ifKey.range.start, ifKey.range.end)).toBe('""');
    const renaming = complete(ruleText('{ "if": [{ "m|ax": [1, 2] }] }')).items.find(
      (i) => i.label === "min",
    )!;
    expect(renaming).toMatchObject({ insertText: '"min"', snippet: false });
  });

  it("documents operators in the user's language", () => {
    const zh = contextFor("volume-rebate", { locale: "zh-CN" });
    const item = complete(ruleText("|"), zh).items.find((i) => i.label === "reduce")!;
    expect(item.documentation).toContain("请总是提供初始值");
    expect(item.labelDetail).toContain("归约");
  });

  it("offers nothing outside the logic or inside literal strings", () => {
    expect(complete('{ "title": { "en": "|" } }').items).toEqual([]);
    expect(complete(ruleText('{ "cat": ["ab|c", 1] }')).items).toEqual([]);
    expect(complete(ruleText('{ "+": [12|3, 1] }')).items).toEqual([]);
  });
});
