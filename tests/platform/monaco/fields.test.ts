import { describe, expect, it } from "vitest";
import { datasetFields, fieldAt } from "../../../src/platform/monaco/language";
import { datasetSchema, records } from "./workspace";

describe("datasetFields", () => {
  const fields = datasetFields(datasetSchema, records);

  it("labels every field in both languages with its type and unit, from the sample schema", () => {
    const net = fieldAt(fields, "sales.net_ytd")!;
    expect(net.label?.en).toMatch(/net/i);
    expect(net.label?.["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(net.types).toEqual(["number"]);
    expect(net.unit).toBe("CNY");
    expect(net.alwaysPresent).toBe(true);
    expect(fieldAt(fields, "profile.sales_region")?.enum).toContain("华东");
  });

  it("gives the share of records that have a value at each path", () => {
    expect(fieldAt(fields, "sales.net_ytd")?.share).toBe(1);
    const partial = datasetFields({ type: "object", properties: { a: { type: "number" } } }, [
      { a: 1 },
      { a: null },
      {},
      { a: 3, b: { c: true } },
    ]);
    expect(fieldAt(partial, "a")?.share).toBe(0.5);
    expect(fieldAt(partial, "a")?.alwaysPresent).toBe(false);
    // Fields only the records have are still offered, without a label.
    expect(fieldAt(partial, "b.c")).toMatchObject({ share: 0.25, types: [] });
    expect(fieldAt(partial, "b.c")?.label).toBeUndefined();
  });

  it("follows local $refs, nullable types and fixed-length arrays", () => {
    const schema = {
      type: "object",
      required: ["q", "m"],
      $defs: { money: { type: ["number", "null"], title: "Money", "x-unit": "CNY" } },
      properties: {
        m: { $ref: "#/$defs/money" },
        q: { type: "array", minItems: 4, maxItems: 4, items: { type: "number" } },
      },
    };
    const tree = datasetFields(schema);
    expect(fieldAt(tree, "m")).toMatchObject({ unit: "CNY", alwaysPresent: false, label: { en: "Money" } });
    expect([...fieldAt(tree, "q")!.children.keys()]).toEqual(["0", "1", "2", "3"]);
    expect(fieldAt(tree, "q.3")?.share).toBeUndefined();
  });

  it("accepts no schema and non-object input without throwing", () => {
    expect(datasetFields(undefined).size).toBe(0);
    expect(datasetFields("nonsense", [1, "x", null]).size).toBe(0);
  });
});
