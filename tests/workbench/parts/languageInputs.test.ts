import { describe, expect, it } from "vitest";
import { fieldAt, prepareSeed, type WorkspaceLists } from "../../../src/platform";
import { ContextKeys } from "../../../src/workbench/commands/contextKeys";
import { LanguageInputs, SELECTED_RECORD_KEY } from "../../../src/workbench/parts/editor/languageInputs";
import type { WorkbenchServices } from "../../../src/workbench/services";
import { diskSeedBundle } from "../../platform/seed/seedFiles";

const seed = prepareSeed(diskSeedBundle(), "2026-01-01T00:00:00.000Z");
const records = seed.datasets[0]!.records as { id: string }[];
const lists: WorkspaceLists = {
  rules: seed.rules,
  manifests: seed.manifests,
  datasets: seed.datasets.map((d) => ({ ...d.meta, rowCount: d.records.length })),
};

/** Just the services LanguageInputs reads, over the shipped workspace. */
function fakeServices(locale: "en" | "zh-CN" = "en") {
  const reads: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const contextKeys = new ContextKeys();
  const services = {
    workspace: { getSnapshot: () => ({ context: { lists, activeDatasetId: "distributors-300" } }) },
    preferences: { getSnapshot: () => ({ context: { locale } }) },
    contextKeys,
    output: { log: () => undefined },
    datasets: {
      records: async (id: string, range?: { start: number; count: number }) => {
        reads.push(`${id}:${range?.start}+${range?.count}`);
        await gate;
        return records.slice(range?.start ?? 0, (range?.start ?? 0) + (range?.count ?? records.length));
      },
    },
  } as unknown as WorkbenchServices;
  return { services, reads, release, contextKeys };
}

describe("LanguageInputs", () => {
  it("gives a rule the dataset's fields, then their shares once the records are read (once)", async () => {
    const { services, reads, release } = fakeServices();
    const inputs = new LanguageInputs(services);
    const before = inputs.rule("volume-rebate");
    expect(fieldAt(before.fields, "sales.net_ytd")?.label?.en).toBe("Net sales YTD");
    expect(fieldAt(before.fields, "sales.net_ytd")?.share).toBeUndefined();
    expect(before.sampleRecord).toBeUndefined();
    inputs.rule("volume-rebate");
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = inputs.rule("volume-rebate");
    expect(fieldAt(after.fields, "sales.net_ytd")?.share).toBe(1);
    expect(reads).toEqual(["distributors-300:0+2000"]);
    // Unchanged inputs give the same field tree, not a new one per keystroke.
    expect(inputs.rule("cash-rebate").fields).toBe(after.fields);
  });

  it("gives a rule its manifests' parameters, other rules' outputs and population results", () => {
    const ctx = new LanguageInputs(fakeServices("zh-CN").services).rule("volume-rebate");
    expect(ctx.locale).toBe("zh-CN");
    expect(ctx.params.map((p) => p.name)).toContain("attainment_gate");
    expect(ctx.outputs.map((o) => o.id)).not.toContain("volume-rebate");
    expect(ctx.population.map((p) => p.path)).toContain("pop.abc_class");
    expect(ctx.ctx.map((c) => c.name)).toEqual(["as_of", "eval_month"]);
  });

  it("uses the selected record for hover values, the first one by default", async () => {
    const { services, release, contextKeys } = fakeServices();
    const inputs = new LanguageInputs(services);
    inputs.rule("volume-rebate");
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((inputs.rule("volume-rebate").sampleRecord as { id: string }).id).toBe(records[0]!.id);
    contextKeys.set(SELECTED_RECORD_KEY, 5);
    expect((inputs.rule("volume-rebate").sampleRecord as { id: string }).id).toBe(records[5]!.id);
  });

  it("gives a manifest its path and the workspace's rules", () => {
    const ctx = new LanguageInputs(fakeServices().services).manifest("dealer-program@1.1.0");
    expect(ctx.file).toBe("rules/manifests/dealer-program-1.1.0.manifest.json");
    expect(ctx.rules).toHaveLength(lists.rules.length);
  });
});
