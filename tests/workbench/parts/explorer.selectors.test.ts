import { describe, expect, it } from "vitest";
import type { DatasetMeta, StoredManifest, StoredRule, WorkspaceLists } from "../../../src/platform";
import {
  datasetIdOf,
  explorerTree,
  type ExplorerLabels,
} from "../../../src/workbench/parts/explorer/explorer.selectors";
import type { TreeNode } from "../../../src/workbench/widgets/tree/tree.selectors";

const rule = (id: string, kind: StoredRule["rule"]["kind"], en: string, zh?: string): StoredRule => ({
  id,
  file: `rules/${kind}/${id}.rule.json`,
  text: "{}",
  rule: {
    id,
    kind,
    version: "1.0.0",
    title: zh === undefined ? { en } : { en, "zh-CN": zh },
    output: { type: "number" },
    logic: 1,
    tests: [],
  },
  createdAt: "",
  updatedAt: "",
});

const manifest = (name: string, version: string): StoredManifest => ({
  id: `${name}@${version}`,
  file: `rules/manifests/${name}-${version}.manifest.json`,
  text: "{}",
  manifest: {
    name,
    version,
    title: { en: `Program ${name}`, "zh-CN": `政策 ${name}` },
    params: {},
    population: [],
    rules: [],
    changelog: [],
  },
  createdAt: "",
  updatedAt: "",
});

const dataset = (id: string, rowCount: number): DatasetMeta => ({
  id,
  name: id,
  rowCount,
  sourceFile: `samples/${id}.json`,
  createdAt: "",
  title: { en: "Distributor evaluation record", "zh-CN": "经销商评估记录" },
});

const lists: WorkspaceLists = {
  rules: [
    rule("volume-rebate", "incentive", "Tiered retroactive volume rebate", "台阶返利(全额累进)"),
    rule("cash-rebate", "incentive", "Cash rebate", "现金返利"),
    rule("abc-class", "elimination", "ABC class", "ABC分类"),
    rule("points-earned", "loyalty", "Points earned"),
  ],
  manifests: [
    manifest("dealer-program", "1.10.0"),
    manifest("dealer-program", "1.9.0"),
    manifest("aaa", "2.0.0"),
  ],
  datasets: [dataset("distributors-300", 300), dataset("distributors-100000", 100_000)],
};

const labels = (locale: "en" | "zh-CN"): ExplorerLabels => ({
  rules: locale === "en" ? "Rules" : "规则",
  manifests: "Pack manifests",
  datasets: "Datasets",
  kinds: { incentive: "Incentive", elimination: "Elimination", loyalty: "Loyalty" },
  items: (count) => `${count} items`,
  rows: (count, rows) => `${rows} ${count === 1 ? "row" : "rows"}`,
});

const child = (nodes: TreeNode[], ...path: string[]): TreeNode => {
  let node: TreeNode | undefined = { id: "root", label: "", children: nodes };
  for (const id of path) node = node?.children?.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${path.join(" > ")}`);
  return node;
};

describe("explorerTree", () => {
  it("groups rules by kind in a fixed order, titles in the UI language, ids as descriptions", () => {
    const tree = explorerTree(lists, "en", labels("en"));
    expect(tree.map((n) => [n.id, n.label, n.badge])).toEqual([
      ["group:rules", "Rules", { text: "4", label: "4 items" }],
      ["group:manifests", "Pack manifests", { text: "3", label: "3 items" }],
      ["group:datasets", "Datasets", { text: "2", label: "2 items" }],
    ]);
    const kinds = child(tree, "group:rules").children!;
    expect(kinds.map((k) => [k.label, k.badge?.text])).toEqual([
      ["Incentive", "2"],
      ["Elimination", "1"],
      ["Loyalty", "1"],
    ]);
    const incentive = child(tree, "group:rules", "group:rules/incentive").children!;
    expect(incentive.map((r) => [r.id, r.label, r.description, r.icon])).toEqual([
      ["rule:cash-rebate", "Cash rebate", "cash-rebate", "incentive"],
      ["rule:volume-rebate", "Tiered retroactive volume rebate", "volume-rebate", "incentive"],
    ]);
    expect(incentive[1]?.tooltip).toBe(
      "Tiered retroactive volume rebate\nrules/incentive/volume-rebate.rule.json",
    );
  });

  it("uses Chinese titles and collation in zh-CN and falls back to English where a title has none", () => {
    const tree = explorerTree(lists, "zh-CN", labels("zh-CN"));
    const incentive = child(tree, "group:rules", "group:rules/incentive").children!;
    // Pinyin order: tai (台) before xian (现).
    expect(incentive.map((r) => r.label)).toEqual(["台阶返利(全额累进)", "现金返利"]);
    expect(child(tree, "group:rules", "group:rules/loyalty").children![0]?.label).toBe("Points earned");
  });

  it("lists manifests by name, then by version precedence (1.9.0 before 1.10.0)", () => {
    const manifests = child(explorerTree(lists, "en", labels("en")), "group:manifests").children!;
    expect(manifests.map((m) => [m.label, m.description])).toEqual([
      ["aaa", "2.0.0"],
      ["dealer-program", "1.9.0"],
      ["dealer-program", "1.10.0"],
    ]);
    expect(manifests[1]?.tooltip).toBe(
      "Program dealer-program\nrules/manifests/dealer-program-1.9.0.manifest.json",
    );
  });

  it("shows datasets with row counts with thousands separators, in numeric name order", () => {
    const datasets = child(explorerTree(lists, "en", labels("en")), "group:datasets").children!;
    expect(datasets.map((d) => [d.id, d.label, d.description])).toEqual([
      ["dataset:distributors-300", "distributors-300", "300 rows"],
      ["dataset:distributors-100000", "distributors-100000", "100,000 rows"],
    ]);
    expect(datasetIdOf(datasets[1]!)).toBe("distributors-100000");
    expect(datasetIdOf(child(explorerTree(lists, "en", labels("en")), "group:rules"))).toBeUndefined();
  });

  it("keeps every group, with a zero badge, in an empty workspace", () => {
    const tree = explorerTree({ rules: [], manifests: [], datasets: [] }, "en", labels("en"));
    expect(tree.map((n) => [n.badge?.text, n.children?.length])).toEqual([
      ["0", 3],
      ["0", 0],
      ["0", 0],
    ]);
  });

  it("decorates rules with their last test result and unsaved documents with a dot", () => {
    const decorated = explorerTree(
      lists,
      "en",
      {
        ...labels("en"),
        modified: "modified",
        testsPassed: (n) => `${n} passed`,
        testsFailed: (f, n) => `${f} of ${n} failed`,
      },
      {
        dirty: new Set(["rule:cash-rebate", "manifest:dealer-program@1.9.0"]),
        tests: new Map([
          ["cash-rebate", { passed: 3, failed: 0 }],
          ["points-earned", { passed: 2, failed: 1 }],
        ]),
      },
    );
    const all = decorated.flatMap(function flat(n: TreeNode): TreeNode[] {
      return [n, ...(n.children ?? []).flatMap(flat)];
    });
    const of = (id: string) => all.find((n) => n.id === id)?.decorations;
    expect(of("rule:cash-rebate")).toEqual([
      { text: "✓ 3", label: "3 passed", tone: "passed" },
      { text: "●", label: "modified", tone: "modified" },
    ]);
    expect(of("rule:points-earned")).toEqual([{ text: "✗ 1", label: "1 of 3 failed", tone: "failed" }]);
    expect(of("manifest:dealer-program@1.9.0")).toEqual([{ text: "●", label: "modified", tone: "modified" }]);
    expect(of("rule:volume-rebate")).toBeUndefined();
  });
});
