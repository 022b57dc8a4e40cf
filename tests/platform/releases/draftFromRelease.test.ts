import { describe, expect, it } from "vitest";
import { ruleText, type RuleFile } from "../../../src/engine";
import { nextDraftVersion, planDraftFromRelease, type StoredRule } from "../../../src/platform";
import { pack, rule, storedRelease } from "./packFixtures";

const stored = (r: RuleFile, file = `rules/incentive/${r.id}.rule.json`): StoredRule => ({
  id: r.id,
  file,
  text: ruleText(r),
  rule: r,
  createdAt: "2026-12-01T10:00:00.000Z",
  updatedAt: "2026-12-01T10:00:00.000Z",
});

describe("planDraftFromRelease", () => {
  it("reuses unchanged rules, creates missing ones, names changed ones, and sets the version", async () => {
    const a = rule("a", 1);
    const b = rule("b", 2);
    const c = rule("c", 3);
    const released = storedRelease(await pack("1.0.0", [a, b, c]));
    const plan = planDraftFromRelease(released, { rules: [stored(a), stored({ ...c, logic: 4 })] }, "1.0.1");
    expect(plan.manifest).toMatchObject({ id: "p@1.0.1", file: "rules/manifests/p-1.0.1.manifest.json" });
    expect(plan.reuse).toEqual(["a"]);
    expect(plan.diverged).toEqual(["c"]);
    expect(plan.create).toEqual([{ id: "b", file: "rules/incentive/b.rule.json", text: ruleText(b) }]);
    const manifest = JSON.parse(plan.manifest.text) as Record<string, unknown>;
    expect(manifest.version).toBe("1.0.1");
    expect(manifest.rules).toEqual([
      "../incentive/a.rule.json",
      "../incentive/b.rule.json",
      "../incentive/c.rule.json",
    ]);
    // An imported pack records no manifest: the draft's is made of the pack's source members.
    expect(manifest).not.toHaveProperty("integrity");
    expect(manifest).not.toHaveProperty("order");
    expect(manifest.changelog).toEqual([{ version: "1.0.0", date: "2026-12-01", notes: "notes 1.0.0" }]);
  });

  it("keeps the recorded manifest's text as authored, only the version changed", async () => {
    const a = rule("a", 1);
    const text = `{\n  "name": "p",\n  "version": "1.0.0",\n  "title": { "en": "P" },\n  "rules": ["../incentive/a.rule.json"]\n}\n`;
    const released = {
      ...storedRelease(await pack("1.0.0", [a])),
      manifest: { id: "p@1.0.0", file: "rules/manifests/p-1.0.0.manifest.json", text },
    };
    const plan = planDraftFromRelease(released, { rules: [stored(a)] }, "1.1.0");
    expect(plan.manifest.text).toBe(text.replace('"version": "1.0.0"', '"version": "1.1.0"'));
    expect(plan.create).toEqual([]);
  });
});

describe("nextDraftVersion", () => {
  it("suggests a patch above every release and every draft of the name", () => {
    const releases = [
      { name: "p", version: "1.0.0" },
      { name: "p", version: "1.1.0" },
      { name: "q", version: "9.0.0" },
    ];
    expect(nextDraftVersion("p", releases, [])).toBe("1.1.1");
    expect(nextDraftVersion("p", releases, [{ manifest: { name: "p", version: "1.1.1" } }])).toBe("1.1.2");
    expect(nextDraftVersion("r", releases, [])).toBe("1.0.0");
  });
});
