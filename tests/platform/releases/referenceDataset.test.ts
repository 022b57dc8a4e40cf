import { describe, expect, it } from "vitest";
import type { Manifest } from "../../../src/engine";
import { referenceDatasetOf, type DatasetMeta } from "../../../src/platform";

const datasets = [
  { id: "distributors-300", name: "distributors-300", rowCount: 300 },
  { id: "other", name: "other", rowCount: 3 },
] as DatasetMeta[];

function manifest(extra: Record<string, unknown>) {
  const value = { name: "p", version: "1.0.0", title: { en: "P" }, rules: [], ...extra };
  return {
    file: "rules/manifests/p.manifest.json",
    text: JSON.stringify(value, null, 2),
    manifest: value as unknown as Manifest,
  };
}

describe("referenceDatasetOf", () => {
  it("gives the dataset the manifest names, never the first or the active one", () => {
    const found = referenceDatasetOf(manifest({ "x-reference-dataset": "other" }), datasets);
    expect(found).toEqual({ dataset: datasets[1] });
  });

  it("blocks a manifest that names none, pointing at its top level and naming the datasets there are", () => {
    const found = referenceDatasetOf(manifest({}), datasets);
    expect("problem" in found && found.problem).toMatchObject({
      code: "release/reference-dataset-unnamed",
      file: "rules/manifests/p.manifest.json",
      line: 2,
    });
    if (!("problem" in found)) throw new Error("expected a problem");
    expect(found.problem.message.en).toContain('add "x-reference-dataset": "<dataset id>"');
    expect(found.problem.message.en).toContain('"distributors-300", "other"');
    expect(found.problem.message["zh-CN"]).toContain("清单没有指定参考数据集");
  });

  it("blocks a name the workspace lacks, at the member itself", () => {
    const m = manifest({ "x-reference-dataset": "gone" });
    const found = referenceDatasetOf(m, datasets);
    if (!("problem" in found)) throw new Error("expected a problem");
    expect(found.problem.code).toBe("release/reference-dataset-missing");
    expect(found.problem.message.en).toMatch(/names "gone" as its reference dataset/);
    const line = m.text.split("\n").findIndex((l) => l.includes("x-reference-dataset")) + 1;
    expect(found.problem.line).toBe(line);
  });

  it("says so when the workspace has no dataset at all", () => {
    const found = referenceDatasetOf(manifest({}), []);
    if (!("problem" in found)) throw new Error("expected a problem");
    expect(found.problem.message.en).toContain("the workspace has no dataset yet");
  });
});
