import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createRecordGenerator, parseRegionMix, type GeneratorOptions } from "../../src/generator";
import { REGION_WEIGHTS } from "../../src/generator/geography";

const base: GeneratorOptions = { seed: 11, asOf: "2024-12-31", industry: "mixed", idWidth: 4 };
const records = (options: GeneratorOptions, count: number) => {
  const make = createRecordGenerator(options);
  return Array.from({ length: count }, (_, i) => make(i));
};

describe("region mix", () => {
  it("without a mix, or with the default shares, gives the very same records as before", () => {
    expect(records({ ...base, regionMix: { ...REGION_WEIGHTS } }, 200)).toEqual(records(base, 200));
  });

  it("draws only the weighted regions, in about their shares, with places inside them", () => {
    const made = records({ ...base, regionMix: { 西北: 3, 东北: 1 } }, 2000);
    const counts = new Map<string, number>();
    for (const r of made) counts.set(r.profile.sales_region, (counts.get(r.profile.sales_region) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(["东北", "西北"].sort());
    expect(counts.get("西北")! / made.length).toBeGreaterThan(0.7);
    expect(counts.get("西北")! / made.length).toBeLessThan(0.8);
    expect(
      made
        .filter((r) => r.profile.sales_region === "东北")
        .every((r) => ["辽宁", "吉林", "黑龙江"].includes(r.profile.province)),
    ).toBe(true);
  });

  it("refuses unknown regions, negative or non-numeric weights and a mix that weighs nothing", () => {
    expect(() => createRecordGenerator({ ...base, regionMix: { 西北: -1 } })).toThrow(/≥ 0/);
    expect(() => createRecordGenerator({ ...base, regionMix: { 西北: 0 } })).toThrow(/above 0/);
    expect(() => parseRegionMix("火星=3")).toThrow(/unknown sales region/);
    expect(() => parseRegionMix("华东=abc")).toThrow(/≥ 0/);
    expect(() => parseRegionMix("华东")).toThrow(/region=weight/);
    expect(parseRegionMix("华东=40, 华南=10")).toEqual({ 华东: 40, 华南: 10 });
  });

  it("npm run samples --regions writes what the generator gives for the same mix", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crw-regions-"));
    const out = join(dir, "data.jsonl");
    await promisify(execFile)(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/devtools/samples.ts",
        "--count",
        "30",
        "--seed",
        "5",
        "--regions",
        "华南=2,西南=1",
        "--out",
        out,
      ],
      { cwd: process.cwd() },
    );
    const lines = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual(records({ ...base, seed: 5, regionMix: { 华南: 2, 西南: 1 } }, 30));
  }, 30_000);
});
