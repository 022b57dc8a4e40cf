import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crw, MANIFESTS, ROOT, type CrwRun } from "./crw";

const KINDS = ["incentive", "elimination", "loyalty"] as const;
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SCHEMA = "samples/distributor.schema.json";

/** The counts of `crw validate`'s last stderr line: `N file(s) checked: E error(s), W warning(s)`. */
function validateCounts(run: CrwRun): { files: number; errors: number; warnings: number } {
  const match = /(\d+) file\(s\) checked: (\d+) error\(s\), (\d+) warning\(s\)/.exec(run.stderr);
  if (!match) throw new Error(`no validate summary in: ${run.stderr}`);
  return { files: Number(match[1]), errors: Number(match[2]), warnings: Number(match[3]) };
}

interface RuleFileShape {
  id: string;
  kind: string;
  title: Record<string, string>;
  description: Record<string, string>;
  output: { type: string; unit?: string; decimals?: number };
  tests: { name: string }[];
}

function ruleFiles(): { path: string; rule: RuleFileShape }[] {
  return KINDS.flatMap((kind) =>
    readdirSync(join(ROOT, "rules", kind))
      .filter((name) => name.endsWith(".rule.json"))
      .map((name) => {
        const path = join("rules", kind, name);
        return { path, rule: JSON.parse(readFileSync(join(ROOT, path), "utf8")) as RuleFileShape };
      }),
  );
}

describe("rule library", () => {
  const files = ruleFiles();

  it("has one file per catalogue output, named after its id, in its kind's folder", () => {
    expect(files.length).toBe(35);
    for (const { path, rule } of files) {
      expect(rule.id).toMatch(ID);
      expect(path).toBe(join("rules", rule.kind, `${rule.id}.rule.json`));
    }
  });

  it("titles and descriptions every rule in en and zh-CN, and money with 2 decimals", () => {
    for (const { rule } of files) {
      expect(
        rule.title.en && rule.title["zh-CN"] && rule.description.en && rule.description["zh-CN"],
        rule.id,
      ).toBeTruthy();
      if (rule.output.unit === "CNY") expect(rule.output.decimals, rule.id).toBe(2);
      expect(rule.tests.length, rule.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("validates both manifests with the dataset schema without errors or warnings (crw validate)", () => {
    // In a manifest the lint knows the pack: out.<id> reads are never null (a rule whose upstream
    // failed is not evaluated), a budget factor over a measure the rule also reads is never null,
    // and parameters declared with min > 0 are safe divisors.
    const run = crw("validate", ...MANIFESTS, "--schema", SCHEMA);
    const counts = validateCounts(run);
    expect(counts.files, run.stderr).toBe(2);
    expect({ errors: counts.errors, warnings: counts.warnings }, run.stdout).toEqual({
      errors: 0,
      warnings: 0,
    });
    expect(run.status).toBe(0);
  });

  it("validates the rules directory, each rule file on its own, without errors (crw validate)", () => {
    const run = crw("validate", "rules", "--schema", SCHEMA);
    const counts = validateCounts(run);
    expect(counts.files, run.stderr).toBe(files.length + MANIFESTS.length);
    expect(counts.errors, run.stdout).toBe(0);
    expect(run.status, run.stdout).toBe(0);
  });

  it("passes every embedded test (crw test)", () => {
    const run = crw("test", "rules");
    const summary = /(\d+) passed, (\d+) failed/.exec(run.stdout + run.stderr);
    expect(summary, run.stdout + run.stderr).not.toBeNull();
    expect(Number(summary?.[2])).toBe(0);
    expect(Number(summary?.[1])).toBe(files.reduce((n, f) => n + f.rule.tests.length, 0));
    expect(run.status).toBe(0);
  });
});
