import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { buildPack, type Pack } from "../../src/engine";
import { engineersZip, SAMPLE_RECORDS } from "../../src/platform";
import { crw } from "./run";

/**
 * `Pack: Export for Engineers`: the zip's pack verifies with the built crw, its test vectors pass
 * through `crw jsonlogic`, its expected results are what `crw eval` writes for its sample, and its
 * checksums hold.
 */
const work = mkdtempSync(join(tmpdir(), "crw-zip-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function dealerPack(): Promise<Pack> {
  const manifest = "rules/manifests/dealer-program-1.1.0.manifest.json";
  const built = await buildPack(
    { file: manifest, text: readFileSync(manifest, "utf8") },
    (path) => {
      const file = join("rules/manifests", path);
      return Promise.resolve({ file, text: readFileSync(file, "utf8") });
    },
    { createdAt: "2026-12-03T10:00:00.000Z", codegen: false },
  );
  if (!built.pack) throw new Error("dealer-program 1.1.0 does not build");
  return built.pack;
}

describe("the engineers' zip", () => {
  it("holds a verifiable pack, test vectors crw jsonlogic agrees with, reproducible expected results and checksums", async () => {
    const pack = await dealerPack();
    const records = JSON.parse(readFileSync("samples/distributors-300.json", "utf8")) as unknown[];
    const zip = await engineersZip(pack, {
      name: "distributors-300",
      records: records.slice(0, SAMPLE_RECORDS),
    });
    expect(zip.name).toBe("dealer-program-1.1.0.zip");
    const files = unzipSync(zip.bytes);
    const dir = join(work, "dealer-program-1.1.0");
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(work, name), bytes);
    expect(
      Object.keys(files)
        .map((n) => n.split("/")[1])
        .sort(),
    ).toEqual(
      [
        "PORTABILITY.md",
        "README.md",
        "SHA256SUMS",
        "cases.jsonl",
        "dealer-program-1.1.0.pack.json",
        "sample-expected.jsonl",
        "sample-records.json",
        "tests.jsonl",
      ].sort(),
    );

    expect((await crw("pack", "verify", join(dir, "dealer-program-1.1.0.pack.json"))).code).toBe(0);

    const tests = readFileSync(join(dir, "tests.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            rule: string;
            expect?: unknown;
            expectError?: boolean;
            tolerance?: number;
          },
      );
    expect(tests.length).toBe(pack.rules.reduce((n, r) => n + r.tests.length, 0));
    const run = await crw("jsonlogic", join(dir, "cases.jsonl"));
    expect(run.code).toBe(0);
    const results = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { result?: unknown; error?: string });
    expect(results).toHaveLength(tests.length);
    // Raw JsonLogic results before the output checks: a test passes when the value, rounded as the
    // output's decimals say, equals the expectation (or the evaluation errs where an error is expected).
    const decimals = new Map(pack.rules.map((r) => [r.id, r.output.decimals]));
    tests.forEach((test, i) => {
      const got = results[i]!;
      if (test.expectError) return;
      expect(got.error, `${test.rule}: ${JSON.stringify(got)}`).toBeUndefined();
      if (typeof test.expect === "number" && typeof got.result === "number") {
        const d = decimals.get(test.rule);
        const value = d === undefined ? got.result : Number(got.result.toFixed(d + 2));
        expect(Math.abs(value - test.expect), `${test.rule}`).toBeLessThanOrEqual(
          Math.max(test.tolerance ?? 0, d === undefined ? 0 : 0.5 * 10 ** -d),
        );
      } else if (test.expect !== undefined) expect(got.result, test.rule).toEqual(test.expect);
    });

    const readme = readFileSync(join(dir, "README.md"), "utf8");
    const asOf = /--as-of (\d{4}-\d\d-\d\d)/.exec(readme)?.[1];
    expect(asOf).toBeDefined();
    const evaluated = await crw(
      "eval",
      join(dir, "dealer-program-1.1.0.pack.json"),
      "--data",
      join(dir, "sample-records.json"),
      "--as-of",
      asOf!,
    );
    expect(evaluated.stdout).toBe(readFileSync(join(dir, "sample-expected.jsonl"), "utf8"));
    expect(readme).toContain("## Parameters");
    expect(readme).toContain("`attainment_gate` | number | 0.95 | 0 | 2 | ratio");
    expect(readme).toContain("cumulative_share_class");

    for (const line of readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n")) {
      const [sum, name] = line.split("  ");
      expect(
        createHash("sha256")
          .update(readFileSync(join(dir, name!)))
          .digest("hex"),
        name,
      ).toBe(sum);
    }
    expect(strFromU8(files["dealer-program-1.1.0/dealer-program-1.1.0.pack.json"]!)).toContain(
      pack.integrity,
    );
  });
});
