import { describe, expect, it } from "vitest";
import { csvHeader, csvHeaderLine, csvLine, flattenRecord, generateRecord } from "../../src/generator/index";

describe("CSV encoding", () => {
  const record = generateRecord({ seed: 1, asOf: "2024-12-31", industry: "mixed", idWidth: 4 }, 0);

  it("uses dotted names for nested fields and indexed names for arrays", () => {
    const columns = csvHeader(record);
    expect(columns).toContain("sales.net_ytd");
    expect(columns).toContain("sales.q_yoy.3");
    expect(columns).toContain("loyalty.lots.7.months_to_expiry");
    expect(columns.filter((c) => c.startsWith("sales.monthly.")).length).toBe(12);
  });

  it("writes each leaf in header order", () => {
    const columns = csvHeader(record);
    const flat = flattenRecord(record);
    expect(csvLine(record, columns)).toBe(columns.map((c) => String(flat[c])).join(","));
  });

  it("quotes cells with commas, quotes or line breaks", () => {
    const odd = { id: 'a,"b"', note: "x\ny", n: 1 };
    expect(csvHeaderLine(csvHeader(odd))).toBe("id,note,n");
    expect(csvLine(odd, csvHeader(odd))).toBe('"a,""b""","x\ny",1');
  });

  it("refuses a record whose shape does not fit the header", () => {
    expect(() => csvLine({ a: [1, 2] }, ["a.0"])).toThrow(/fields/);
    expect(() => flattenRecord({ a: null })).toThrow(/cannot encode/);
  });
});
