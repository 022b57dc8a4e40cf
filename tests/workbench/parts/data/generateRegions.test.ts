import { describe, expect, it } from "vitest";
import type { GenerateForm } from "../../../../src/machines";
import { createRecordGenerator } from "../../../../src/generator";
import { samplesCommand } from "../../../../src/platform";
import { generatorOptionsFor, specProblem } from "../../../../src/platform/workers/generateHandler";
import { formProblems } from "../../../../src/workbench/parts/data/dataGenerate";

const spec = { count: 40, seed: 9, industry: "mixed" as const, asOf: "2024-12-31" };
const form: GenerateForm = { spec, name: "synthetic", nameEdited: false };

describe("generate dialog: region mix", () => {
  it("flags a mix that cannot be read, and accepts a blank or a valid one", () => {
    expect(formProblems({ ...form, spec: { ...spec, regions: "" } }).regions).toBeUndefined();
    expect(formProblems({ ...form, spec: { ...spec, regions: "华东=3, 西北=1" } }).regions).toBeUndefined();
    expect(formProblems({ ...form, spec: { ...spec, regions: "火星=3" } }).regions).toBe(
      "synthetic.problems.regions",
    );
    expect(specProblem({ ...spec, regions: "华东=-1" })).toMatch(/region mix/);
  });

  it("the worker generates what npm run samples --regions gives, and the dialog shows that command", () => {
    const withMix = { ...spec, regions: " 华东=3, 西北=1 " };
    expect(samplesCommand(withMix)).toBe(
      "npm run samples -- --count 40 --seed 9 --regions 华东=3,西北=1 --out data.jsonl",
    );
    const options = generatorOptionsFor(withMix);
    expect(options.regionMix).toEqual({ 华东: 3, 西北: 1 });
    const make = createRecordGenerator(options);
    const regions = new Set(Array.from({ length: 40 }, (_, i) => make(i).profile.sales_region));
    expect([...regions].every((r) => r === "华东" || r === "西北")).toBe(true);
    expect(generatorOptionsFor(spec).regionMix).toBeUndefined();
  });
});
