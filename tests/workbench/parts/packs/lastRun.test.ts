import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { engineersZip, type Pack } from "../../../../src/engine";
import { lastRunOf } from "../../../../src/workbench/parts/packs/lastRun";
import { releasedWorkspace } from "./releasedWorkspace";

const setUp = () => releasedWorkspace("last-run");

describe("lastRunOf (the engineers' zip's last simulation)", { timeout: 120_000 }, () => {
  it("is undefined until the release is run, then the newest run of exactly that release", async () => {
    const { host, release } = await setUp();
    expect(await lastRunOf(host, release)).toBeUndefined();
    // A run of the same-numbered draft does not count: the draft is not the release.
    await host.runAndStore({ packRef: "dealer-program@1.0.0", datasetId: "distributors-300", params: {} });
    expect(await lastRunOf(host, { ...release, integrity: "sha256-other" })).toBeUndefined();

    await host.runAndStore({
      packRef: "release:dealer-program@1.0.0",
      datasetId: "distributors-300",
      params: { rebate_budget: "123456" },
    });
    const last = await lastRunOf(host, release);
    expect(last?.summary).toMatchObject({
      pack: { name: "dealer-program", version: "1.0.0", integrity: release.integrity },
      datasetId: "distributors-300",
      records: 300,
    });
    expect(last?.summary.changedParams).toEqual([
      expect.objectContaining({ name: "rebate_budget", value: 123456 }),
    ]);
    const rows = last!.resultsCsv.trimEnd().split("\r\n");
    expect(rows).toHaveLength(301);
    expect(rows[0]).toMatch(/^\uFEFFid,/);

    // The zip carries both files, lists them in SHA256SUMS and says so in the README.
    const zip = unzipSync((await engineersZip(release.pack as Pack, undefined, { lastRun: last! })).bytes);
    const entry = (name: string) => strFromU8(zip[`dealer-program-1.0.0/${name}`]!);
    expect(JSON.parse(entry("last-run/summary.json"))).toEqual(last!.summary);
    // Compared as bytes: decoding would drop the CSV's byte order mark.
    const csv = zip["dealer-program-1.0.0/last-run/results.csv"]!;
    expect(Buffer.from(csv).equals(Buffer.from(last!.resultsCsv, "utf8"))).toBe(true);
    expect(entry("SHA256SUMS")).toMatch(/ {2}last-run\/results\.csv$/m);
    expect(entry("README.md")).toContain("## Last simulation");
  });
});
