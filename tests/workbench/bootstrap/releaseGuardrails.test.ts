import { describe, expect, it } from "vitest";
import { releaseGuardrailCheck } from "../../../src/workbench/bootstrap/releaseGuardrails";
import type { DatasetMeta } from "../../../src/platform";
import { pack, rule } from "../../platform/releases/packFixtures";

const dataset = { id: "d", name: "reference-3", rowCount: 3 } as DatasetMeta;
const records = [
  { id: "A", sales: 100 },
  { id: "B", sales: 250 },
  { id: "C", sales: 50 },
];

async function payPack(budget: number) {
  return pack("1.0.0", [rule("pay", { var: "sales" })], {
    params: { budget: { type: "number", default: budget, title: { en: "Budget" } } },
    "x-guardrails": [{ id: "within-budget", kind: "total", of: "out.pay", max: "params.budget" }],
  });
}

describe("the release's guardrail step", () => {
  it("passes a pack whose guardrails hold on the reference dataset", async () => {
    expect(await releaseGuardrailCheck({ pack: await payPack(400), dataset, records })).toEqual([]);
  });

  it("blocks with a problem naming the guardrail and the dataset when one fails", async () => {
    const problems = await releaseGuardrailCheck({ pack: await payPack(399.99), dataset, records });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ source: "guardrail", code: "guardrail/within-budget" });
    expect(problems[0]!.message.en).toMatch(/^Guardrail within-budget failed on reference-3: /);
    expect(problems[0]!.message.en).toContain("400");
    expect(problems[0]!.message["zh-CN"]).toMatch(/^护栏 within-budget 在 reference-3 上未通过：/);
  });
});
