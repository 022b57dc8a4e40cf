import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateDistributorValidator } from "../../../src/devtools/validatorSource";
import { distributor } from "../../../src/platform/datasets/distributor.validator.generated.js";

describe("the precompiled distributor record validator", () => {
  it("is exactly what npm run validators generates from samples/distributor.schema.json today", async () => {
    const committed = readFileSync("src/platform/datasets/distributor.validator.generated.js", "utf8");
    expect(committed === (await generateDistributorValidator()), "run `npm run validators` and commit").toBe(
      true,
    );
    // Formatting 400 kB of generated code takes a while on a loaded machine.
  }, 120_000);

  it("accepts every shipped sample and refuses a broken one", () => {
    const samples = JSON.parse(readFileSync("samples/distributors-300.json", "utf8")) as Record<
      string,
      unknown
    >[];
    expect(samples.filter((r) => !distributor(r))).toEqual([]);
    expect(distributor({ ...samples[0], id: 7 })).toBe(false);
  });
});
