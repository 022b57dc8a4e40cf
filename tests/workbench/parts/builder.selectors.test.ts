import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createMemoryRepositories,
  readWorkspaceLists,
  seedWorkspace,
  type WorkspaceLists,
} from "../../../src/platform";
import {
  ruleSummaries,
  shortSummary,
  workspaceContent,
} from "../../../src/workbench/parts/builder/builder.selectors";
import { explorerTree, type ExplorerLabels } from "../../../src/workbench/parts/explorer/explorer.selectors";
import { diskSeedBundle } from "../../platform/seed/seedFiles";

const schema = JSON.parse(
  readFileSync(join(resolve(__dirname, "../../.."), "samples/distributor.schema.json"), "utf8"),
) as unknown;
let lists: WorkspaceLists;

beforeAll(async () => {
  const repos = createMemoryRepositories();
  await seedWorkspace(repos, () => Promise.resolve({ documents: diskSeedBundle().documents, datasets: [] }));
  lists = await readWorkspaceLists(repos);
});

describe("rule summaries of the workspace", () => {
  it("names parameters from the first manifest declaring them, and population values from the manifests", () => {
    const content = workspaceContent(lists);
    expect(lists.manifests.map((m) => m.manifest.version)).toEqual(["1.0.0", "1.1.0"]);
    const [first, second] = lists.manifests.map((m) => m.manifest);
    for (const [k, p] of Object.entries(first!.params)) expect(content.params[k]).toEqual(p);
    for (const [k, p] of Object.entries(second!.params))
      if (!(k in first!.params)) expect(content.params[k]).toEqual(p);
    expect(content.population.map((p) => p.out)).toContain("pop.abc_class");
    expect(content.rules).toHaveLength(lists.rules.length);
  });

  it("gives every stored rule a summary in both languages, with the dataset's labels", () => {
    const summaries = ruleSummaries(lists, schema);
    expect([...summaries.keys()].sort()).toEqual(lists.rules.map((r) => r.id).sort());
    expect(summaries.get("volume-rebate")?.["zh-CN"]).toMatch(
      /^若年初至今目标达成率 < 返利目标达成门槛 或 年初至今返利基数 ≤ ¥0 则 ¥0；否则年初至今返利基数 ≥ ¥6,000,000 时 × 2%，≥ ¥3,000,000 时 × 1.5%/,
    );
    expect(summaries.get("collection-gate")?.en).toMatch(/^Collection rate ≥ Collection-rate gate and /);
    // Without a dataset the fields are named by their paths, the parameters still by their titles.
    expect(ruleSummaries(lists, undefined).get("collection-gate")?.en).toMatch(
      /^ar\.collection_rate ≥ Collection-rate gate and /,
    );
  });

  it("shows in the Explorer's hover, between the title and the file, shortened when long", () => {
    const labels: ExplorerLabels = {
      rules: "Rules",
      manifests: "Manifests",
      datasets: "Datasets",
      kinds: { incentive: "Incentive", elimination: "Elimination", loyalty: "Loyalty" },
      items: (n) => `${n} items`,
      rows: (n) => `${n} rows`,
    };
    const summaries = new Map([...ruleSummaries(lists, schema)].map(([id, s]) => [id, shortSummary(s.en)]));
    const tree = explorerTree(lists, "en", labels, { summaries });
    const incentive = tree[0]!.children!.find((n) => n.label === "Incentive")!;
    const gate = incentive.children!.find((n) => n.id === "rule:collection-gate")!;
    expect(gate.tooltip).toBe(
      `Collection gate\n${summaries.get("collection-gate")}\nrules/incentive/collection-gate.rule.json`,
    );
    expect(
      explorerTree(lists, "en", labels)[0]!.children![0]!.children![0]!.tooltip!.split("\n"),
    ).toHaveLength(2);
    const long = "word ".repeat(100);
    expect(shortSummary(long).length).toBeLessThanOrEqual(322);
    expect(shortSummary(long).endsWith(" …")).toBe(true);
    expect(shortSummary("short.")).toBe("short.");
  });
});
