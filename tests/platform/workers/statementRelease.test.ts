/**
 * Statements and sweeps of a released pack (`release:name@version`): the pack JSON is run as it was
 * released, after its integrity is checked, and gives what the draft it was built from gives; a pack
 * whose content no longer matches its integrity is refused with the reason.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPack } from "../../../src/engine";
import { resolvePath } from "../../../src/platform/documents/paths";
import { createInlineStatementService } from "../../../src/platform/workers/statementService";

const root = join(import.meta.dirname, "../../..");
const rules = ["incentive", "elimination", "loyalty"].flatMap((folder) =>
  readdirSync(join(root, "rules", folder)).map((name) => {
    const file = `rules/${folder}/${name}`;
    return { file, text: readFileSync(join(root, file), "utf8") };
  }),
);
const manifestFile = "rules/manifests/dealer-program-1.0.0.manifest.json";
const draft = {
  manifest: { file: manifestFile, text: readFileSync(join(root, manifestFile), "utf8") },
  rules,
};
const records = JSON.parse(readFileSync(join(root, "samples/distributors-300.json"), "utf8")) as unknown[];
const schema = JSON.parse(readFileSync(join(root, "samples/distributor.schema.json"), "utf8")) as unknown;
const service = createInlineStatementService();

async function released() {
  const byFile = new Map(rules.map((r) => [r.file, r]));
  const built = await buildPack(
    draft.manifest,
    (path) => Promise.resolve(byFile.get(resolvePath(manifestFile, path)) ?? { error: "missing" }),
    { createdAt: "2026-12-01T10:00:00.000Z", codegen: false },
  );
  if (!built.pack) throw new Error(built.problems.map((p) => p.message.en).join("; "));
  return built.pack;
}

const releaseSource = (pack: unknown) => ({
  ref: "release:dealer-program@1.0.0",
  release: { file: "dealer-program@1.0.0.pack.json", text: JSON.stringify(pack) },
});

describe("a released pack's statement and sweep", () => {
  it("explains D-0001 with the released pack exactly as with its draft, flips and sentences included", async () => {
    const pack = await released();
    const fromRelease = await service.statement({
      pack: releaseSource(pack),
      records,
      recordId: "D-0001",
      schema,
    });
    const fromDraft = await service.statement({ pack: draft, records, recordId: "D-0001", schema });
    expect(fromRelease).toMatchObject({ name: "dealer-program", version: "1.0.0", asOf: "2024-12-31" });
    expect(fromRelease.statement).toEqual(fromDraft.statement);
    const rebate = fromRelease.statement.rules.find((r) => r.rule === "volume-rebate")!;
    expect(rebate.value).toBe(56251.28);
    expect(rebate.flips.map((f) => f.text.en)).toContain(
      "needs Rebate base YTD ≥ ¥6,000,000, has ¥3,750,085",
    );
    expect(rebate.flips.map((f) => f.text["zh-CN"])).toContain(
      "需要 年初至今返利基数 ≥ ¥6,000,000，当前 ¥3,750,085",
    );
  });

  it("sweeps the attainment gate of the released pack with the draft's figures", async () => {
    const pack = await released();
    const values = [0.8, 0.9, 1];
    const fromRelease = await service.sweep({
      pack: releaseSource(pack),
      records,
      param: "attainment_gate",
      values,
    });
    const fromDraft = await service.sweep({ pack: draft, records, param: "attainment_gate", values });
    expect(fromRelease.rows).toEqual(fromDraft.rows);
    expect(fromRelease.rows[1]).toMatchObject({ cost: "54589127.80", paid: 198 });
  });

  it("refuses a released pack whose content no longer matches its integrity", async () => {
    const pack = await released();
    const tampered = {
      ...pack,
      params: { ...pack.params, attainment_gate: { ...pack.params.attainment_gate!, default: 0.5 } },
    };
    await expect(
      service.statement({ pack: releaseSource(tampered), records, recordId: "D-0001" }),
    ).rejects.toThrow(/no longer matches its integrity/);
  });
});
