import { describe, expect, it } from "vitest";
import {
  createRecordGenerator,
  generateRecord,
  SALES_REGIONS,
  type GeneratorOptions,
} from "../../src/generator/index";
import { nullPaths, recordValidator } from "./schema";

const options: GeneratorOptions = { seed: 42, asOf: "2024-12-31", industry: "mixed", idWidth: 4 };

describe("generator determinism and validity", () => {
  it("gives the same records for the same seed, and different ones for another seed", () => {
    const a = createRecordGenerator(options);
    const b = createRecordGenerator(options);
    const c = createRecordGenerator({ ...options, seed: 43 });
    for (let i = 0; i < 50; i += 1) {
      expect(a(i)).toEqual(b(i));
      expect(c(i)).not.toEqual(a(i));
    }
  });

  it("makes record i independent of the records before it", () => {
    const gen = createRecordGenerator(options);
    const late = gen(199);
    for (let i = 0; i < 199; i += 1) gen(i);
    expect(gen(199)).toEqual(late);
    expect(generateRecord(options, 199)).toEqual(late);
  });

  it("rejects a bad date or seed", () => {
    expect(() => createRecordGenerator({ ...options, asOf: "2024-02-30" })).toThrow(/calendar date/);
    expect(() => createRecordGenerator({ ...options, seed: -1 })).toThrow(/seed/);
  });

  it.each([
    ["2024-12-31", "mixed"],
    ["2025-05-17", "agri"],
    ["2024-02-29", "electronics"],
    ["2023-09-30", "fmcg"],
  ] as const)(
    "records as of %s (%s) validate against the dataset schema and hold no nulls",
    (asOf, industry) => {
      const validate = recordValidator();
      const gen = createRecordGenerator({ ...options, asOf, industry });
      for (let i = 0; i < 400; i += 1) {
        const record = gen(i);
        expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
        expect(nullPaths(record)).toEqual([]);
        if (industry !== "mixed") expect(record.profile.industry).toBe(industry);
      }
    },
  );

  it("covers all seven sales regions and all three industries in 300 records", () => {
    const gen = createRecordGenerator(options);
    const records = Array.from({ length: 300 }, (_, i) => gen(i));
    expect(new Set(records.map((r) => r.profile.sales_region))).toEqual(new Set(SALES_REGIONS));
    expect(new Set(records.map((r) => r.profile.industry))).toEqual(new Set(["fmcg", "electronics", "agri"]));
    expect(new Set(records.map((r) => r.id)).size).toBe(300);
  });
});
