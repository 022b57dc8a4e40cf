import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packFileText, type Pack } from "../../src/engine";
import { createMemoryReleaseRepository, prepareSeed, type WorkspaceLists } from "../../src/platform";
import { createReleaseService } from "../../src/workbench/services/releases";
import { diskSeedBundle } from "../platform/seed/seedFiles";
import { crw } from "./run";

/**
 * `Pack: Export` writes exactly what `crw pack build` writes for the same manifest and rules: the
 * workbench's release (from the rules as the workspace stores them) against the built CLI, run as
 * `node dist/cli/crw.mjs pack build`, with the same `--created-at`. Every other byte must match.
 */
const work = mkdtempSync(join(tmpdir(), "crw-export-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const at = new Date("2026-12-03T09:30:00.000Z");
const plan = prepareSeed(diskSeedBundle(), at.toISOString());
const lists: WorkspaceLists = {
  rules: plan.rules,
  manifests: plan.manifests,
  datasets: plan.datasets.map((d) => ({ ...d.meta, rowCount: d.records.length })),
};
const records = new Map(plan.datasets.map((d) => [d.meta.id, d.records]));

function service() {
  return createReleaseService({
    repository: createMemoryReleaseRepository(),
    lists: () => lists,
    activeDatasetId: () => lists.datasets[0]?.id ?? null,
    records: (id) => Promise.resolve(records.get(id) ?? []),
    locale: () => "en",
    now: () => at,
  });
}

async function cliBuild(manifestPath: string, name: string): Promise<string> {
  const out = join(work, name);
  const run = await crw("pack", "build", manifestPath, "-o", out, "--created-at", at.toISOString());
  expect(run.stderr).toContain("crw pack build: wrote");
  expect(run.code).toBe(0);
  return readFileSync(out, "utf8");
}

describe("Pack: Export is byte for byte crw pack build", () => {
  it("dealer-program 1.1.0 released as authored: the same bytes as crw pack build of its manifest", async () => {
    const releases = service();
    const check = await releases.check("dealer-program@1.1.0");
    expect(check.problems).toEqual([]);
    expect(check.suggestedVersion).toBe("1.1.0");
    const outcome = await releases.release({
      manifestId: "dealer-program@1.1.0",
      version: "1.1.0",
      notes: check.notes,
    });
    await releases.refresh();
    const release = releases.list().find((r) => r.id === outcome.id)!;
    expect(release.manifest?.text).toBe(lists.manifests.find((m) => m.id === "dealer-program@1.1.0")!.text);
    const exported = packFileText(release.pack as Pack);
    const built = await cliBuild("rules/manifests/dealer-program-1.1.0.manifest.json", "cli-1.1.0.pack.json");
    expect(exported).toBe(built);
    // And the export verifies with the CLI; one flipped byte does not.
    writeFileSync(join(work, "exported.pack.json"), exported);
    expect((await crw("pack", "verify", join(work, "exported.pack.json"))).code).toBe(0);
    writeFileSync(join(work, "tampered.pack.json"), exported.replace('"default": 0.95', '"default": 0.96'));
    const tampered = await crw("pack", "verify", join(work, "tampered.pack.json"));
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain("integrity mismatch");
  });

  it("a release under a new version and notes: the same bytes as crw pack build of the manifest it records", async () => {
    const releases = service();
    await releases.release({
      manifestId: "dealer-program@1.0.0",
      version: "1.0.0",
      notes: "Current program.",
    });
    const check = await releases.check("dealer-program@1.1.0");
    expect(check.earlier).toEqual(["1.0.0"]);
    // 1.1.0 re-cuts the bands and adds a budget: outputs change on the sample, nothing is removed.
    expect(check.suggestion?.bump).toBe("minor");
    const changed = check.suggestion?.evidence.find((e) => e.kind === "outputs-changed");
    expect(changed).toMatchObject({ kind: "outputs-changed", records: 300 });
    const outcome = await releases.release({
      manifestId: "dealer-program@1.1.0",
      version: "2.0.0",
      notes: "Bands re-cut; A-class rebates become terminal support.",
      diffedAgainst: "dealer-program@1.0.0",
    });
    await releases.refresh();
    const release = releases.list().find((r) => r.id === outcome.id)!;
    expect(release).toMatchObject({ version: "2.0.0", diffedAgainst: "dealer-program@1.0.0" });
    // The recorded manifest, next to the same rule files, builds to the exported bytes.
    cpSync("rules", join(work, "rules"), { recursive: true });
    const manifestPath = join(work, "rules/manifests/released-2.0.0.manifest.json");
    writeFileSync(manifestPath, release.manifest!.text);
    const built = await cliBuild(manifestPath, "cli-2.0.0.pack.json");
    expect(packFileText(release.pack as Pack)).toBe(built);
    expect(JSON.parse(built)).toMatchObject({
      version: "2.0.0",
      changelog: expect.arrayContaining([
        {
          version: "2.0.0",
          date: "2026-12-03",
          notes: "Bands re-cut; A-class rebates become terminal support.",
        },
      ]) as unknown,
    });
  });
});
