import { describe, expect, it } from "vitest";
import { migrate, declaredVersion, type MigrationChain } from "../../../src/engine/pack/migrations";
import { normalizeManifest, normalizeRuleFile, parseDocument } from "../../../src/engine/pack/normalize";
import { rule } from "./fixtures";

const text = (value: unknown) => JSON.stringify(value, null, 2);

describe("normalizeRuleFile", () => {
  it("accepts a valid rule file and fills defaults", () => {
    const { tests: _tests, ...withoutTests } = rule("volume-rebate", { var: "x" });
    const result = normalizeRuleFile(withoutTests);
    expect(result.ok && result.value.tests).toEqual([]);
  });

  it("reports schema errors with pointer, line and column", () => {
    const doc = { ...rule("Bad_Id", 1), kind: "bonus" };
    const source = text(doc);
    const result = normalizeRuleFile(doc, { file: "bad.rule.json", text: source });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPointer = Object.fromEntries(result.error.map((p) => [p.pointer, p]));
    expect(byPointer["/id"]).toMatchObject({
      code: "schema/pattern",
      file: "bad.rule.json",
      line: 2,
      column: 3,
    });
    expect(byPointer["/kind"]).toMatchObject({ code: "schema/enum", line: 3 });
    expect(byPointer["/kind"]!.message["zh-CN"]).toBeTruthy();
  });

  it("points an unknown member at the member itself and suggests the x- prefix", () => {
    const result = normalizeRuleFile({ ...rule("a", 1), colour: "red", "x-owner": "ops" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toHaveLength(1);
      expect(result.error[0]).toMatchObject({ pointer: "/colour", code: "schema/additionalProperties" });
      expect(result.error[0]!.message.en).toContain('"x-"');
    }
  });

  it("requires a test to give expect or expectError, not both or neither", () => {
    const result = normalizeRuleFile(rule("a", 1, { tests: [{ name: "t", data: {} }] }));
    expect(!result.ok && result.error[0]).toMatchObject({ code: "rule/test-expect", pointer: "/tests/0" });
  });

  it("refuses a $schema of another kind and a future version", () => {
    const wrong = normalizeRuleFile({ ...rule("a", 1), $schema: "urn:channel-rules-workbench:manifest:1" });
    expect(!wrong.ok && wrong.error[0]!.code).toBe("format/version");
    const future = normalizeRuleFile({ ...rule("a", 1), $schema: "urn:channel-rules-workbench:rule:7" });
    expect(!future.ok && future.error[0]!.message.en).toContain("upgrade crw");
    const path = normalizeRuleFile({
      ...rule("a", 1),
      $schema: "../../src/engine/pack/schemas/rule.v1.schema.json",
    });
    expect(path.ok).toBe(true);
  });
});

describe("normalizeManifest", () => {
  const base = { name: "p", version: "1.0.0", title: { en: "P" }, rules: [] };
  it("checks labels against breaks and parameter defaults against their bounds", () => {
    const result = normalizeManifest({
      ...base,
      params: { gate: { type: "number", default: 3, max: 2 } },
      population: [
        {
          id: "abc",
          op: "cumulative_share_class",
          measure: "m",
          breaks: [0.8, 0.95],
          labels: ["A", "B"],
          out: "pop.c",
        },
      ],
    });
    expect(!result.ok && result.error.map((p) => p.code).sort()).toEqual([
      "param/default-range",
      "population/labels",
    ]);
  });
  it("refuses operator fields that do not belong to the operator", () => {
    const result = normalizeManifest({
      ...base,
      population: [{ id: "r", op: "rank", measure: "m", out: "pop.r", stat: "sum" }],
    });
    expect(!result.ok && result.error[0]!.pointer).toBe("/population/0");
  });
});

describe("parseDocument", () => {
  it("gives the line and column of a syntax error", () => {
    const result = parseDocument('{\n  "id": "a",\n  "kind" "incentive"\n}', "x.rule.json");
    expect(!result.ok && result.error[0]).toMatchObject({
      code: "json/syntax",
      line: 3,
      column: 10,
      file: "x.rule.json",
    });
  });
});

describe("migrations", () => {
  // A test chain: v1 named the output "result", v2 renamed it "output", v3 added "tests".
  const chain: MigrationChain = {
    kind: "rule",
    current: 3,
    oldest: 1,
    migrations: [
      {
        from: 2,
        description: "add tests",
        up: (d) => ({ ...d, tests: d.tests ?? [], $schema: "urn:channel-rules-workbench:rule:3" }),
      },
      {
        from: 1,
        description: "rename result to output",
        up: ({ result, ...rest }) => ({ ...rest, output: result }),
      },
    ],
  };

  it("runs every step in version order from the declared version", () => {
    const input = { id: "a", result: { type: "number" } };
    const result = migrate(chain, input, 1);
    expect(result.ok && result.value).toEqual({
      doc: { id: "a", output: { type: "number" }, tests: [], $schema: "urn:channel-rules-workbench:rule:3" },
      from: 1,
      applied: ["rename result to output", "add tests"],
    });
    expect(input).toEqual({ id: "a", result: { type: "number" } });
  });

  it("starts in the middle of the chain and does nothing at the current version", () => {
    expect(migrate(chain, { output: 1 }, 2).ok && migrate(chain, { output: 1 }, 2)).toMatchObject({
      value: { applied: ["add tests"] },
    });
    expect(migrate(chain, { x: 1 }, 3)).toEqual({ ok: true, value: { doc: { x: 1 }, from: 3, applied: [] } });
  });

  it("refuses newer, older-than-supported, invalid versions and gaps", () => {
    expect(migrate(chain, {}, 4).ok).toBe(false);
    expect(migrate({ ...chain, oldest: 2 }, {}, 1).ok).toBe(false);
    expect(migrate(chain, {}, 1.5).ok).toBe(false);
    const gap = migrate({ ...chain, migrations: chain.migrations.slice(0, 1) }, {}, 1);
    expect(!gap.ok && gap.error.en).toContain("No migration from rule version 1 to 2");
  });

  it("reads versions from $schema and formatVersion", () => {
    expect(declaredVersion("rule", {})).toEqual({ ok: true, value: 1 });
    expect(declaredVersion("manifest", { $schema: "schemas/manifest.v2.schema.json" })).toEqual({
      ok: true,
      value: 2,
    });
    expect(declaredVersion("pack", { formatVersion: 1 })).toEqual({ ok: true, value: 1 });
    expect(declaredVersion("pack", {}).ok).toBe(false);
  });
});
