import { describe, expect, it } from "vitest";
import type { Manifest } from "../../../src/engine";
import { createMemoryReleaseRepository, prepareSeed, type WorkspaceLists } from "../../../src/platform";
import { createReleaseService } from "../../../src/workbench/services/releases";
import { diskSeedBundle } from "../../platform/seed/seedFiles";

const plan = prepareSeed(diskSeedBundle(), "2026-12-03T09:30:00.000Z");
const reference = plan.datasets[0]!;
const other = { ...reference.meta, id: "other", name: "other", rowCount: 3 };

/** The seeded workspace plus a small second dataset, made active, with the 1.1.0 manifest as given. */
function service(manifest: (m: Record<string, unknown>) => Record<string, unknown>) {
  const stored = plan.manifests.find((m) => m.id === "dealer-program@1.1.0")!;
  const value = manifest(JSON.parse(stored.text) as Record<string, unknown>);
  const text = JSON.stringify(value, null, 2);
  const lists: WorkspaceLists = {
    rules: plan.rules,
    manifests: [{ ...stored, text, manifest: value as unknown as Manifest }],
    datasets: [{ ...reference.meta, rowCount: reference.records.length }, other],
  };
  const asked: string[] = [];
  const releases = createReleaseService({
    repository: createMemoryReleaseRepository(),
    lists: () => lists,
    activeDatasetId: () => "other",
    records: (id) => {
      asked.push(id);
      return Promise.resolve(id === "other" ? reference.records.slice(0, 3) : reference.records);
    },
    locale: () => "en",
  });
  return { releases, asked, file: stored.file };
}

describe("the release check's reference dataset (x-reference-dataset)", () => {
  it("runs the bump evidence on the dataset the manifest names, not the active one", async () => {
    const { releases, asked } = service((m) => m);
    const check = await releases.check("dealer-program@1.1.0");
    expect(check.problems).toEqual([]);
    expect(check.dataset).toEqual({ id: "distributors-300", name: "distributors-300", records: 300 });
    expect(asked).toEqual(["distributors-300"]);
    await releases.guardrails({ manifestId: "dealer-program@1.1.0", check });
    expect(asked).toEqual(["distributors-300", "distributors-300"]);
  });

  it("blocks a manifest that names none, with a link into the manifest", async () => {
    const { releases, asked, file } = service(({ "x-reference-dataset": _, ...rest }) => rest);
    const check = await releases.check("dealer-program@1.1.0");
    expect(check.problems).toMatchObject([
      { source: "dataset", code: "release/reference-dataset-unnamed", file, line: 3, column: 3 },
    ]);
    expect(check.problems[0]!.message.en).toMatch(/names no reference dataset: add "x-reference-dataset"/);
    expect(check.dataset).toBeUndefined();
    expect(asked).toEqual([]);
  });
});
