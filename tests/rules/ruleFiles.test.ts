import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crw, ROOT } from "./crw";

const KINDS = ["incentive", "elimination", "loyalty"] as const;
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

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

  it("validates without errors or warnings (crw validate)", () => {
    const run = crw("validate", "rules");
    expect(run.stderr + run.stdout).toContain("0 error(s), 0 warning(s)");
    expect(run.status).toBe(0);
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
