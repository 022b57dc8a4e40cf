import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import {
  createIndexedDbRepositories,
  createMemoryRepositories,
  readWorkspaceLists,
  seedWorkspace,
  SEED_VERSION,
  type SeedBundle,
  type WorkspaceRepositories,
} from "../../../src/platform";
import { diskSeedBundle } from "./seedFiles";

const now = () => new Date("2025-03-01T08:00:00.000Z");
const shipped = diskSeedBundle();
const sampleRecords = JSON.parse(shipped.datasets[0]!.data.text) as unknown[];

async function expectShippedWorkspace(repos: WorkspaceRepositories) {
  const { rules, manifests, datasets } = await readWorkspaceLists(repos);
  expect(rules).toHaveLength(35);
  const byKind = (kind: string) => rules.filter((r) => r.rule.kind === kind).length;
  expect([byKind("incentive"), byKind("elimination"), byKind("loyalty")]).toEqual([14, 13, 8]);
  expect(manifests.map((m) => m.id)).toEqual(["dealer-program@1.0.0", "dealer-program@1.1.0"]);
  expect(datasets).toHaveLength(1);
  expect(datasets[0]).toMatchObject({
    id: "distributors-300",
    name: "distributors-300",
    rowCount: 300,
    sourceFile: "samples/distributors-300.json",
    createdAt: "2025-03-01T08:00:00.000Z",
    title: { en: "Distributor evaluation record", "zh-CN": "经销商评估记录" },
  });
  expect(await repos.datasets.records("distributors-300")).toEqual(sampleRecords);
}

describe("seedWorkspace with the shipped rules and samples", () => {
  it("loads 35 rules, 2 manifests and the 300-record dataset, with no problems", async () => {
    const repos = createMemoryRepositories();
    const report = await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    expect(report).toEqual({ ran: true, added: { rules: 35, manifests: 2, datasets: 1 }, problems: [] });
    await expectShippedWorkspace(repos);
    const rule = await repos.rules.get("volume-rebate");
    expect(rule).toMatchObject({
      file: "rules/incentive/volume-rebate.rule.json",
      updatedAt: now().toISOString(),
    });
    // The rule is stored normalised (tests defaulted) next to its text exactly as shipped.
    expect(rule?.text).toBe(shipped.documents.find((d) => d.path === rule?.file)?.text);
    expect(Array.isArray(rule?.rule.tests)).toBe(true);
    expect(await repos.meta.getSeedMarker()).toEqual({
      version: SEED_VERSION,
      seededAt: now().toISOString(),
    });
  });

  it("does the same on IndexedDB", async () => {
    const repos = createIndexedDbRepositories("crw-seed-test");
    await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    await expectShippedWorkspace(repos);
    await repos.close();
  });

  it("runs once: a second start reads no seed files and changes nothing", async () => {
    const repos = createMemoryRepositories();
    await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    const before = await readWorkspaceLists(repos);
    const load = vi.fn(() => Promise.resolve(shipped));
    const later = () => new Date("2025-04-01T00:00:00.000Z");
    expect(await seedWorkspace(repos, load, { now: later })).toEqual({
      ran: false,
      added: { rules: 0, manifests: 0, datasets: 0 },
      problems: [],
    });
    expect(load).not.toHaveBeenCalled();
    expect(await readWorkspaceLists(repos)).toEqual(before);
    expect((await repos.meta.getSeedMarker())?.seededAt).toBe(now().toISOString());
  });

  it("never brings back or overwrites what the user changed, even when a newer seed version runs", async () => {
    const repos = createMemoryRepositories();
    await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    const edited = (await repos.rules.get("volume-rebate"))!;
    edited.rule.title = { en: "My volume rebate", "zh-CN": "我的台阶返利" };
    await repos.rules.put(edited);
    await repos.rules.delete("cash-rebate");
    await repos.datasets.delete("distributors-300");

    await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    expect((await repos.rules.get("volume-rebate"))?.rule.title.en).toBe("My volume rebate");
    expect(await repos.rules.get("cash-rebate")).toBeUndefined();
    expect(await repos.datasets.list()).toEqual([]);

    // An older marker (a profile seeded by an earlier build) adds what is missing, and only that.
    await repos.meta.setSeedMarker({ version: SEED_VERSION - 1, seededAt: "2024-01-01T00:00:00.000Z" });
    const report = await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    expect(report.added).toEqual({ rules: 1, manifests: 0, datasets: 1 });
    expect((await repos.rules.get("volume-rebate"))?.rule.title.en).toBe("My volume rebate");
    expect(await repos.rules.list()).toHaveLength(35);
  });

  it("finishes a run that was cut short on the next start, without duplicates", async () => {
    const repos = createMemoryRepositories();
    const create = repos.datasets.create.bind(repos.datasets);
    const failing = vi.spyOn(repos.datasets, "create").mockRejectedValueOnce(new Error("QuotaExceededError"));
    await expect(seedWorkspace(repos, () => Promise.resolve(shipped), { now })).rejects.toThrow("Quota");
    expect(await repos.meta.getSeedMarker()).toBeUndefined();
    expect(await repos.rules.list()).toHaveLength(35);
    failing.mockImplementation(create);
    const report = await seedWorkspace(repos, () => Promise.resolve(shipped), { now });
    expect(report.added).toEqual({ rules: 0, manifests: 0, datasets: 1 });
    await expectShippedWorkspace(repos);
  });
});

describe("seedWorkspace with bad seed files", () => {
  const rule = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify(
      {
        id,
        kind: "loyalty",
        version: "1.0.0",
        title: { en: `Rule ${id}` },
        output: { type: "number" },
        logic: { var: "sales.net_ytd" },
        ...extra,
      },
      null,
      2,
    );

  function badBundle(): SeedBundle {
    return {
      documents: [
        ...shipped.documents,
        { path: "rules/loyalty/broken.rule.json", text: '{\n  "id": "broken",\n  "kind": \n}' },
        {
          path: "rules/loyalty/untitled.rule.json",
          text: rule("untitled", { title: undefined, output: { type: "decimal" } }),
        },
        { path: "rules/loyalty/copy.rule.json", text: rule("volume-rebate") },
        { path: "rules/loyalty/notes.json", text: '{"hello": "world"}' },
        {
          path: "rules/manifests/extra-1.0.0.manifest.json",
          text: JSON.stringify(
            { name: "extra", version: "1.0.0", title: { en: "Extra" }, rules: ["../loyalty/gone.rule.json"] },
            null,
            2,
          ),
        },
      ],
      datasets: [
        shipped.datasets[0]!,
        {
          data: {
            path: "samples/mixed.json",
            text: '[\n{"id":"D-1"},\n42,\n{"id":"D-3","out":{}},\n{"id":"D-4"}\n]',
          },
          schema: { path: "samples/mixed.schema.json", text: "{ not json" },
        },
        { data: { path: "samples/object.json", text: '{"id": "D-1"}' } },
      ],
    };
  }

  it("reports each bad file by file, line and column and still loads everything else", async () => {
    const repos = createMemoryRepositories();
    const report = await seedWorkspace(repos, () => Promise.resolve(badBundle()), { now });
    const found = report.problems.map((p) => [p.file, p.code, p.severity, p.line, p.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["rules/loyalty/broken.rule.json", "json/syntax", "error", 4, 1],
        ["rules/loyalty/copy.rule.json", "seed/duplicate-id", "error", 2, 3],
        ["rules/loyalty/notes.json", "seed/unknown-kind", "error", 1, 1],
        ["rules/manifests/extra-1.0.0.manifest.json", "seed/manifest-rule-missing", "warning", 8, 5],
        ["samples/mixed.json", "dataset/record", "error", 3, 1],
        ["samples/mixed.json", "dataset/record", "error", 4, 1],
        ["samples/mixed.schema.json", "json/syntax", "error", 1, 3],
        ["samples/object.json", "dataset/not-array", "error", 1, 1],
      ]),
    );
    const untitled = report.problems.filter((p) => p.file === "rules/loyalty/untitled.rule.json");
    expect(untitled.length).toBeGreaterThan(0);
    expect(untitled.every((p) => p.severity === "error" && p.line !== undefined)).toBe(true);
    expect(report.problems.every((p) => p.message.en.length > 0 && p.file !== undefined)).toBe(true);

    expect(report.added).toEqual({ rules: 35, manifests: 3, datasets: 2 });
    expect((await repos.rules.get("volume-rebate"))?.file).toBe("rules/incentive/volume-rebate.rule.json");
    expect(await repos.datasets.get("mixed")).toMatchObject({ rowCount: 2 });
    expect((await repos.datasets.get("mixed"))?.schema).toBeUndefined();
    expect(await repos.datasets.records("mixed")).toEqual([{ id: "D-1" }, { id: "D-4" }]);
    expect(await repos.datasets.get("object")).toBeUndefined();
    expect(await repos.meta.getSeedMarker()).toBeDefined();
  });

  it("names the first 20 refused records and sums up the rest", async () => {
    const records = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? { id: `D-${i}` } : [i]));
    const repos = createMemoryRepositories();
    const report = await seedWorkspace(
      repos,
      () =>
        Promise.resolve({
          documents: [],
          datasets: [{ data: { path: "samples/arrays.json", text: JSON.stringify(records, null, 1) } }],
        }),
      { now },
    );
    expect(report.problems).toHaveLength(21);
    expect(report.problems[20]?.message.en).toBe(
      "10 more records were refused for the same kinds of reasons.",
    );
    expect(report.problems[0]?.message.en).toBe("record 2 is not a JSON object.");
    expect((await repos.datasets.get("arrays"))?.rowCount).toBe(30);
  });
});
