import { describe, expect, it } from "vitest";
import type { RuleLoader } from "../../../src/engine";
import {
  completeManifest,
  hoverManifest,
  problemRange,
  resolveRelative,
  validateManifestText,
  type ManifestContext,
} from "../../../src/platform/monaco/language";
import { at, contextFor, rules, seed } from "./workspace";

const file = "rules/manifests/draft.manifest.json";
const ctx: ManifestContext = {
  ...contextFor("volume-rebate"),
  params: [],
  outputs: [],
  population: [],
  file,
  rules,
};
const manifestText = (members: string) => `{
  "name": "draft",
  "version": "0.1.0",
  "title": { "en": "Draft" },
  ${members}
}
`;
const complete = (textWithCursor: string) => {
  const { text, offset } = at(textWithCursor);
  return { text, items: completeManifest(text, offset, ctx) };
};

describe("completeManifest", () => {
  it("offers workspace rule files relative to the manifest, without those already listed", () => {
    const { text, items } = complete(manifestText('"rules": ["../incentive/volume-rebate.rule.json", "|"]'));
    const paths = items.map((i) => i.label);
    expect(paths).toHaveLength(rules.length - 1);
    expect(paths).not.toContain("../incentive/volume-rebate.rule.json");
    const cash = items.find((i) => i.label === "../incentive/cash-rebate.rule.json")!;
    expect(cash).toMatchObject({ kind: "file", description: "incentive" });
    expect(cash.filterText).toContain("cash-rebate");
    expect(text.slice(cash.range.start - 1, cash.range.end + 1)).toBe('""');
  });

  it("completes population paths from the record, the manifest's params, its rules' outputs and its other operators", () => {
    const members = `"params": { "budget": { "type": "number", "default": 1 } },
  "rules": ["../incentive/volume-rebate.rule.json"],
  "population": [
    { "id": "abc", "op": "rank", "measure": "sales.net_ytd", "out": "pop.abc" },
    { "id": "share", "op": "budget_factor", "measure": "out.|", "budget": "params.budget", "out": "" }
  ]`;
    expect(complete(manifestText(members)).items.map((i) => i.label)).toEqual(["volume-rebate"]);
    const top = complete(manifestText(members.replace("out.|", "|"))).items.map((i) => i.label);
    expect(top).toEqual(expect.arrayContaining(["sales", "params", "out", "pop"]));
    expect(complete(manifestText(members.replace("out.|", "pop.|"))).items.map((i) => i.label)).toEqual([
      "abc",
    ]);
    expect(
      complete(manifestText(members.replace("sales.net_ytd", "sales.|"))).items.map((i) => i.label),
    ).toContain("net_ytd");
    const out = complete(
      manifestText(members.replace('"out.|"', '"sales.net_ytd"').replace('"out": ""', '"out": "|"')),
    );
    expect(out.items.map((i) => i.label)).toEqual(["pop.share"]);
  });

  it("offers the parameters the manifest's rules read but it does not declare", () => {
    const { items } = complete(
      manifestText(`"params": { "tier_0_rate": { "type": "number", "default": 0 }, "|" },
  "rules": ["../incentive/volume-rebate.rule.json"]`),
    );
    const names = items.map((i) => i.label);
    expect(names).toContain("attainment_gate");
    expect(names).not.toContain("tier_0_rate");
    expect(items[0]).toMatchObject({ kind: "param", snippet: true, description: "volume-rebate" });
    expect(items[0]!.insertText).toMatch(
      /^"attainment_gate": \{ "type": "\$\{1\|number,integer,boolean,string\|\}"/,
    );
  });
});

describe("hoverManifest", () => {
  it("names the rule a rules entry points at, or says there is none", () => {
    const { text, offset } = at(
      manifestText('"rules": ["../incentive/volume-reb|ate.rule.json", "../x.rule.json"]'),
    );
    expect(hoverManifest(text, offset, ctx)!.contents[0]).toBe("**Tiered retroactive volume rebate**");
    const missing = text.indexOf("../x.rule") + 2;
    expect(hoverManifest(text, missing, ctx)!.contents[0]).toBe(
      "`rules/x.rule.json`: no rule file of the workspace is there",
    );
  });
});

/** Rule files of a test workspace: ids and logic, everything else fixed. */
function workspace(logic: Record<string, unknown>): { loader: RuleLoader; paths: string[] } {
  const texts = new Map(
    Object.entries(logic).map(([id, body]) => [
      `rules/incentive/${id}.rule.json`,
      JSON.stringify(
        {
          id,
          kind: "incentive",
          version: "1.0.0",
          title: { en: id },
          output: { type: "number" },
          logic: body,
        },
        null,
        2,
      ),
    ]),
  );
  const loader: RuleLoader = (path) => {
    const resolved = resolveRelative(file, path);
    const text = texts.get(resolved);
    return Promise.resolve(text === undefined ? { error: "not found" } : { file: resolved, text });
  };
  return { loader, paths: [...texts.keys()].map((p) => p.replace("rules/", "../")) };
}

describe("validateManifestText", () => {
  const validate = async (logic: Record<string, unknown>, population = "[]") => {
    const { loader, paths } = workspace(logic);
    const text = manifestText(
      `"population": ${population},\n  "rules": [\n    ${paths.map((p) => JSON.stringify(p)).join(",\n    ")}\n  ]`,
    );
    const problems = await validateManifestText({ file, text }, loader);
    return problems.map((p) => ({
      code: p.code,
      marked: text.slice(problemRange(text, p).start, problemRange(text, p).end),
      p,
    }));
  };

  it("puts a cycle through two rules on the manifest line of the rule that starts it", async () => {
    const found = await validate({ a: { var: "out.b" }, b: { "+": [{ var: "out.a" }, 1] } });
    const cycle = found.find((f) => f.code === "pack/cycle")!;
    expect(cycle.marked).toBe('"../incentive/a.rule.json"');
    expect(cycle.p.file).toBe(file);
    expect(cycle.p.line).toBe(7);
    expect(cycle.p.message.en).toMatch(
      /^rules\/incentive\/a\.rule\.json:\d+:\d+: Dependency cycle: rule a → rule b → rule a/,
    );
  });

  it("marks reads of unknown paths and unknown parameters on their rule's entry", async () => {
    const found = await validate({ a: { "+": [{ var: "out.nowhere" }, { var: "params.nope" }] } });
    expect(found.map((f) => [f.code, f.marked])).toEqual([
      ["pack/unknown-read", '"../incentive/a.rule.json"'],
      ["pack/unknown-param", '"../incentive/a.rule.json"'],
    ]);
  });

  it("marks a duplicate producer in the manifest's own population", async () => {
    const found = await validate(
      { a: 1 },
      '[{ "id": "x", "op": "rank", "measure": "out.a", "out": "pop.r" }, { "id": "y", "op": "rank", "measure": "out.a", "out": "pop.r" }]',
    );
    expect(found.map((f) => [f.code, f.marked])).toEqual([["pack/duplicate-producer", '"pop.r"']]);
    expect(found[0]!.p.pointer).toBe("/population/1/out");
  });

  it("keeps the manifest's own problems in place, and finds none in a shipped manifest", async () => {
    const { loader } = workspace({});
    const text = manifestText('"rules": ["../incentive/ghost.rule.json"]');
    const [problem] = await validateManifestText({ file, text }, loader);
    expect(problem).toMatchObject({ code: "manifest/rule-unreadable", pointer: "/rules/0" });
    const shipped = seed.manifests[0]!;
    expect(
      await validateManifestText({ file: shipped.file, text: shipped.text }, (path) => {
        const found = seed.rules.find((r) => r.file === resolveRelative(shipped.file, path));
        return Promise.resolve(found ? { file: found.file, text: found.text } : { error: "missing" });
      }),
    ).toEqual([]);
  });
});
