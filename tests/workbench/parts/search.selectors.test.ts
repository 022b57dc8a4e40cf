import { describe, expect, it } from "vitest";
import { searchWorkspace, type SearchDocument } from "../../../src/workbench/parts/search/search.selectors";
import { diskSeedBundle } from "../../platform/seed/seedFiles";

const library: SearchDocument[] = diskSeedBundle().documents.map(({ path, text }) => {
  const value = JSON.parse(text) as { id?: string; name?: string; version?: string };
  const kind = path.endsWith(".rule.json") ? "rule" : "manifest";
  const id = kind === "rule" ? value.id! : `${value.name}@${value.version}`;
  return { uri: `${kind}:${id}`, kind, id, file: path, text };
});

const doc = (id: string, value: unknown): SearchDocument => ({
  uri: `rule:${id}`,
  kind: "rule",
  id,
  file: `rules/incentive/${id}.rule.json`,
  text: JSON.stringify(value, null, 2),
});

const files = (result: ReturnType<typeof searchWorkspace>) =>
  result.ok ? result.files.map((f) => f.id) : result.error;

describe("search by the field a rule reads", () => {
  it("finds every rule that reads the field, from read paths, in any form of var", () => {
    const docs = [
      doc("plain", { id: "plain", logic: { var: "sales.net_ytd" } }),
      doc("with-default", { id: "with-default", logic: { "+": [{ var: ["sales.net_ytd", 0] }, 1] } }),
      doc("missing", { id: "missing", logic: { if: [{ missing: ["sales.net_ytd"] }, 0, 1] } }),
      doc("deeper", { id: "deeper", logic: { var: "sales.net_ytd.q1" } }),
      // Mentions without a read: a description, a similar field, an element-relative read in map.
      doc("mention", {
        id: "mention",
        description: { en: "uses sales.net_ytd" },
        logic: { var: "sales.net_ytd_prior" },
      }),
      doc("inside-map", { id: "inside-map", logic: { map: [{ var: "lines" }, { var: "sales.net_ytd" }] } }),
    ];
    const result = searchWorkspace(docs, { mode: "field", query: "sales.net_ytd" });
    expect(files(result)).toEqual(["deeper", "missing", "plain", "with-default"]);
    if (!result.ok) return;
    const plain = result.files.find((f) => f.id === "plain")!;
    // The match is the path's own string literal, where the editor should put the cursor.
    expect(plain.matches).toEqual([
      {
        line: 4,
        column: 12,
        length: 15,
        before: '"var": ',
        match: '"sales.net_ytd"',
        after: "",
        detail: "sales.net_ytd",
      },
    ]);
    expect(result.files.find((f) => f.id === "with-default")!.matches[0]!.match).toBe('"sales.net_ytd"');
  });

  it("finds the shipped rules reading sales.rebate_base_ytd, and the manifests whose population reads sales.net_ytd", () => {
    const rebate = searchWorkspace(library, { mode: "field", query: "sales.rebate_base_ytd" });
    expect(files(rebate)).toEqual([
      "growth-bonus",
      "market-order-bonus",
      "volume-rebate-marginal",
      "volume-rebate",
    ]);
    if (rebate.ok) expect(rebate.files.find((f) => f.id === "volume-rebate")!.matches).toHaveLength(5);
    const net = searchWorkspace(library, { mode: "field", query: "sales.net_ytd" });
    expect(files(net)).toEqual(["dealer-program@1.0.0", "dealer-program@1.1.0"]);
    if (net.ok)
      expect(net.files[0]!.matches[0]).toMatchObject({ match: '"sales.net_ytd"', before: '"measure": ' });
  });

  it("treats a query ending in a dot as a prefix: every field under it", () => {
    const docs = [doc("a", { id: "a", logic: { "+": [{ var: "sales.x" }, { var: "salesman" }] } })];
    const result = searchWorkspace(docs, { mode: "field", query: "sales." });
    expect(result.ok && result.files[0]!.matches.map((m) => m.detail)).toEqual(["sales.x"]);
  });

  it("skips a document whose text does not parse rather than failing the search", () => {
    const broken = { ...doc("broken", {}), text: '{ "logic": { "var": "sales.net_ytd" ' };
    expect(searchWorkspace([broken], { mode: "field", query: "sales.net_ytd" })).toEqual({
      ok: true,
      files: [],
      total: 0,
      truncated: false,
    });
  });
});

describe("search by operator, id and text", () => {
  it("finds every use of an operator in logic, at its key, but not the same word elsewhere", () => {
    const docs = [
      doc("a", { id: "a", title: { en: "max" }, logic: { max: [{ max: [1, 2] }, { var: "max" }] } }),
      doc("b", { id: "b", logic: { min: [1, 2] } }),
    ];
    const result = searchWorkspace(docs, { mode: "operator", query: "max" });
    expect(files(result)).toEqual(["a"]);
    expect(result.ok && result.files[0]!.matches.map((m) => [m.line, m.match])).toEqual([
      [7, '"max"'],
      [9, '"max"'],
    ]);
    // Nine shipped rules use max as an operator; two more only have an output bound named "max".
    expect(files(searchWorkspace(library, { mode: "operator", query: "max" }))).toHaveLength(9);
  });

  it("finds rules and manifests by id, at their id or name", () => {
    const result = searchWorkspace(library, { mode: "id", query: "Rebate-P" });
    expect(files(result)).toEqual(["rebate-payable"]);
    expect(result.ok && result.files[0]!.matches[0]!.match).toBe('"rebate-payable"');
    expect(files(searchWorkspace(library, { mode: "id", query: "dealer" }))).toEqual([
      "dealer-program@1.0.0",
      "dealer-program@1.1.0",
    ]);
  });

  it("searches text with match case, whole word (any script) and regular expressions", () => {
    const docs = [doc("a", { id: "a", title: { en: "Rebate rebates", "zh-CN": "返利 返利金" } })];
    const count = (q: Parameters<typeof searchWorkspace>[1]) => {
      const r = searchWorkspace(docs, q);
      return r.ok ? r.total : r.error;
    };
    expect(count({ mode: "text", query: "rebate" })).toBe(2);
    expect(count({ mode: "text", query: "rebate", matchCase: true })).toBe(1);
    expect(count({ mode: "text", query: "rebate", wholeWord: true })).toBe(1);
    expect(count({ mode: "text", query: "返利", wholeWord: true })).toBe(1);
    expect(count({ mode: "text", query: "reb.te", regex: true })).toBe(2);
    expect(count({ mode: "text", query: "reb.te" })).toBe(0);
    expect(count({ mode: "text", query: "^", regex: true })).toBe(0);
    expect(count({ mode: "text", query: "(", regex: true })).toMatch(/Invalid regular expression/);
    expect(count({ mode: "text", query: "" })).toBe(0);
  });

  it("groups matches by file in path order and stops at the match limit, saying so", () => {
    const many = doc("many", { id: "many", logic: Array.from({ length: 2100 }, () => "x") });
    const result = searchWorkspace([many, doc("z-after", { id: "z-after", title: "x" })], {
      mode: "text",
      query: '"x"',
    });
    expect(result.ok && [result.total, result.truncated, result.files.length]).toEqual([2000, true, 1]);
    const text = searchWorkspace(library, { mode: "text", query: "volume-rebate", wholeWord: true });
    // As in VS Code, "-" separates words, so volume-rebate-marginal's id counts.
    expect(text.ok && text.files.map((f) => f.file)).toEqual([
      "rules/incentive/rebate-payable.rule.json",
      "rules/incentive/volume-rebate-marginal.rule.json",
      "rules/incentive/volume-rebate.rule.json",
      "rules/manifests/dealer-program-1.0.0.manifest.json",
      "rules/manifests/dealer-program-1.1.0.manifest.json",
    ]);
  });
});
