/**
 * The statement worker's requests, answered in this thread (the worker runs the same handler): a
 * statement of a sample distributor from the stored manifest and rules, and a sweep with the records
 * held once; then pinning the statement as a test gives a test the rule passes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeRuleFile, parseDocument, runRuleTests } from "../../../src/engine";
import { pinnedTest } from "../../../src/engine/statement";
import { appendTestText } from "../../../src/platform/documents/pinTest";
import { createInlineStatementService } from "../../../src/platform/workers/statementService";

const root = join(import.meta.dirname, "../../..");
const rules = ["incentive", "elimination", "loyalty"].flatMap((folder) =>
  readdirSync(join(root, "rules", folder)).map((name) => {
    const file = `rules/${folder}/${name}`;
    return { file, text: readFileSync(join(root, file), "utf8") };
  }),
);
const manifestFile = "rules/manifests/dealer-program-1.0.0.manifest.json";
const pack = {
  manifest: { file: manifestFile, text: readFileSync(join(root, manifestFile), "utf8") },
  rules,
};
const records = JSON.parse(readFileSync(join(root, "samples/distributors-300.json"), "utf8")) as unknown[];
const schema = JSON.parse(readFileSync(join(root, "samples/distributor.schema.json"), "utf8")) as unknown;
const service = createInlineStatementService();

describe("statement requests", () => {
  it("explains D-0001 with the run's date and parameters, every rule in order", async () => {
    const reply = await service.statement({ pack, records, recordId: "D-0001", schema });
    expect(reply).toMatchObject({ name: "dealer-program", version: "1.0.0", asOf: "2024-12-31", index: 0 });
    const rule = reply.statement.rules.find((r) => r.rule === "volume-rebate")!;
    expect(rule.value).toBe(56251.28);
    expect(rule.sentence["zh-CN"]).toContain("处于第 3 档（共 4 档，≥ 返利第3档起点 ¥3,000,000）");
    expect(reply.statement.rules).toHaveLength(35);
  });

  it("refuses an unknown record id and a manifest naming a missing rule, with the reason", async () => {
    await expect(service.statement({ pack, records, recordId: "D-9999" })).rejects.toThrow(
      'No record with id "D-9999" in the dataset.',
    );
    await expect(
      service.statement({ pack: { ...pack, rules: rules.slice(1) }, records, recordId: "D-0001" }),
    ).rejects.toThrow(/Cannot read rule file/);
  });

  it("pinning the record gives a test of the rule that passes, appended to its text", async () => {
    const reply = await service.statement({ pack, records, recordId: "D-0001", schema });
    for (const id of ["volume-rebate", "cash-rebate", "usability-segment", "points-earned"]) {
      const source = rules.find((r) => r.file.endsWith(`/${id}.rule.json`))!;
      const parsed = parseDocument(source.text, source.file);
      if (!parsed.ok) throw new Error("parse");
      const normalized = normalizeRuleFile(parsed.value, source);
      if (!normalized.ok) throw new Error("normalize");
      const value = reply.statement.rules.find((r) => r.rule === id)!.value;
      const test = pinnedTest(normalized.value, reply.context, value, "D-0001 pinned");
      // Only what the rule reads: no profile block for a rebate rule.
      if (id === "volume-rebate") {
        expect(test.data).toEqual({
          sales: { attainment_ytd: 1.0504, rebate_base_ytd: 3750085 },
          params: {
            attainment_gate: 0.9,
            tier_1_floor: 1000000,
            tier_2_floor: 3000000,
            tier_3_floor: 6000000,
            tier_0_rate: 0.005,
            tier_1_rate: 0.01,
            tier_2_rate: 0.015,
            tier_3_rate: 0.02,
          },
        });
      }
      const edited = appendTestText(source.text, test);
      expect(edited.startsWith(source.text.slice(0, source.text.indexOf('"tests"')))).toBe(true);
      const reparsed = parseDocument(edited, source.file);
      if (!reparsed.ok) throw new Error("edited text does not parse");
      const rule = normalizeRuleFile(reparsed.value, { file: source.file, text: edited });
      if (!rule.ok) throw new Error("edited rule is invalid");
      const outcomes = runRuleTests(rule.value, { codegen: false });
      expect(outcomes.at(-1)).toMatchObject({ test: "D-0001 pinned", passed: true });
      expect(outcomes.every((o) => o.passed)).toBe(true);
    }
  });
});

describe("sweep requests", () => {
  it("sweeps the attainment gate of 1.0.0: cost and paid fall as the gate rises; the default matches a run", async () => {
    const reply = await service.sweep({ pack, records, param: "attainment_gate", values: [0.8, 0.9, 1] });
    expect(reply.model.cost).toEqual(["out.cash-rebate", "out.terminal-support-budget"]);
    expect(reply.rows.map((r) => r.value)).toEqual([0.8, 0.9, 1]);
    // At the default 0.9 the cost is what `crw eval` totals on the sample (tests/cli guardrails).
    expect(reply.rows[1]).toMatchObject({ cost: "54589127.80", paid: 198, records: 300, withErrors: 0 });
    expect(Number(reply.rows[0]!.cost)).toBeGreaterThan(Number(reply.rows[1]!.cost));
    expect(Number(reply.rows[2]!.cost)).toBeLessThan(Number(reply.rows[1]!.cost));
    expect(reply.rows[0]!.paid).toBeGreaterThanOrEqual(reply.rows[1]!.paid);
  });
});
