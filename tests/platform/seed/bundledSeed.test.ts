import { describe, expect, it } from "vitest";
import { loadBundledSeed } from "../../../src/platform";
import { diskSeedBundle } from "./seedFiles";

const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);

describe("loadBundledSeed", () => {
  it("bundles exactly the JSON files under rules/ and the sample with its schema, text unchanged", async () => {
    const bundled = await loadBundledSeed();
    const disk = diskSeedBundle();
    expect(bundled.documents.sort(byPath)).toEqual(disk.documents.sort(byPath));
    expect(bundled.documents).toHaveLength(37);
    expect(bundled.datasets).toEqual(disk.datasets);
  });
});
