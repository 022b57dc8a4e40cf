import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryReleaseRepository, prepareSeed, type WorkspaceLists } from "../../src/platform";
import { releaseEngineersZip } from "../../src/workbench/parts/packs/packs.commands";
import { createReleaseService } from "../../src/workbench/services/releases";
import { diskSeedBundle } from "../platform/seed/seedFiles";
import { crw } from "./run";

/**
 * `crw pack export --engineers` writes the zip `Pack: Export for Engineers` downloads: the same
 * entries with the same bytes, for the manifest a release records and the same rules (only the zip's
 * timestamps differ).
 */
const work = mkdtempSync(join(tmpdir(), "crw-export-zip-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const at = new Date("2026-12-03T09:30:00.000Z");
const plan = prepareSeed(diskSeedBundle(), at.toISOString());
const lists: WorkspaceLists = {
  rules: plan.rules,
  manifests: plan.manifests,
  datasets: plan.datasets.map((d) => ({ ...d.meta, rowCount: d.records.length })),
};
const records = new Map(plan.datasets.map((d) => [d.meta.id, d.records]));

async function workbenchRelease(notes: string) {
  const releases = createReleaseService({
    repository: createMemoryReleaseRepository(),
    lists: () => lists,
    activeDatasetId: () => null,
    records: (id) => Promise.resolve(records.get(id) ?? []),
    locale: () => "en",
    now: () => at,
  });
  const outcome = await releases.release({ manifestId: "dealer-program@1.1.0", version: "1.1.0", notes });
  await releases.refresh();
  return releases.list().find((r) => r.id === outcome.id)!;
}

const entries = (bytes: Uint8Array) =>
  Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, b]) => [name, Buffer.from(b).toString("hex")]),
  );

describe("crw pack export --engineers", () => {
  it("writes the workbench's zip for the manifest a release records: the same entries, byte for byte", async () => {
    const release = await workbenchRelease("Typed in the release form.");
    const workbench = await releaseEngineersZip(release, lists.datasets, null, (id, count) =>
      Promise.resolve((records.get(id) ?? []).slice(0, count)),
    );
    expect(workbench.name).toBe("dealer-program-1.1.0.zip");

    // The recorded manifest next to the same rule files, as an engineer's checkout would have them.
    cpSync("rules", join(work, "rules"), { recursive: true });
    const manifest = join(work, "rules/manifests/released-1.1.0.manifest.json");
    writeFileSync(manifest, release.manifest!.text);
    const out = join(work, "cli.zip");
    const run = await crw(
      "pack",
      "export",
      manifest,
      "--engineers",
      "--data",
      "samples/distributors-300.json",
      "--created-at",
      (release.pack as { createdAt: string }).createdAt,
      "-o",
      out,
    );
    expect(run.stderr).toContain("crw pack export: wrote");
    expect(run.stderr).toContain("expected results for 25 records of distributors-300");
    expect(run.code).toBe(0);
    const cli = entries(readFileSync(out));
    expect(Object.keys(cli).sort()).toEqual(Object.keys(entries(workbench.bytes)).sort());
    expect(cli).toEqual(entries(workbench.bytes));
    expect(Object.keys(cli)).toContain("dealer-program-1.1.0/sample-expected.jsonl");

    // From the built pack as well (verified first), the same zip.
    const packFile = join(work, "dealer-program-1.1.0.pack.json");
    writeFileSync(packFile, Buffer.from(cli["dealer-program-1.1.0/dealer-program-1.1.0.pack.json"]!, "hex"));
    // `-o file.zip` alone asks for the zip, as the issue spells the command.
    const fromPack = await crw(
      "pack",
      "export",
      packFile,
      "--data",
      "samples/distributors-300.json",
      "-o",
      join(work, "from-pack.zip"),
    );
    expect(fromPack.code).toBe(0);
    expect(entries(readFileSync(join(work, "from-pack.zip")))).toEqual(cli);
  });

  it("refuses a tampered pack and unreadable data, writing nothing", async () => {
    const release = await workbenchRelease("n");
    const text = JSON.stringify(release.pack, null, 2).replace('"default": 0.95', '"default": 0.96');
    const tampered = join(work, "tampered.pack.json");
    writeFileSync(tampered, text);
    const refused = await crw("pack", "export", tampered, "--engineers", "-o", join(work, "no.zip"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("does not verify");
    const missing = await crw(
      "pack",
      "export",
      "rules/manifests/dealer-program-1.1.0.manifest.json",
      "--engineers",
      "--data",
      join(work, "nowhere.jsonl"),
      "-o",
      join(work, "no.zip"),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.jsonl:1:1: cannot read the file (no such file)");
    expect(() => readFileSync(join(work, "no.zip"))).toThrow();
  });
});
