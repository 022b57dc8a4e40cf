import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createMemoryRepositories, seedWorkspace, type WorkspaceRepositories } from "../../../src/platform";
import { decodeValue, encodeValue } from "../../../src/platform/storage/backupCodec";
import { applyRestore, planRestore } from "../../../src/platform/storage/backupConflicts";
import { readBackup } from "../../../src/platform/storage/backupRestore";
import { backupFileName, writeBackup } from "../../../src/platform/storage/backupWrite";
import { createWorkspaceDataService } from "../../../src/platform/storage/backupService";
import { StorageFullError } from "../../../src/platform/storage/quota";
import { diskSeedBundle } from "../seed/seedFiles";

const now = () => new Date("2026-12-04T10:00:00.000Z");

/** Everything a backup promises to keep, read back through the repositories. */
async function everything(repos: WorkspaceRepositories) {
  const datasets = await repos.datasets.list();
  const runs = await repos.runs.list();
  return {
    rules: await repos.rules.list(),
    manifests: await repos.manifests.list(),
    drafts: await repos.drafts.list(),
    datasets,
    records: await Promise.all(datasets.map((d) => repos.datasets.records(d.id))),
    releases: await repos.releases.list(),
    runs,
    results: await Promise.all(runs.map((r) => repos.runs.results(r.id))),
  };
}

const odd = [
  {
    id: "x-1",
    n: -0,
    big: 2 ** 53 + 2,
    text: "经销商 🚚",
    nested: { list: [1, null, "a"] },
    $t: "not a tag",
  },
  { id: "x-2", n: Number.NaN, inf: -Infinity, when: null },
  { id: "x-3" },
];

async function workspace(): Promise<WorkspaceRepositories> {
  const repos = createMemoryRepositories();
  await seedWorkspace(repos, () => Promise.resolve(diskSeedBundle()), { now });
  await repos.datasets.create(
    { id: "odd", name: "Odd values", sourceFile: "odd.jsonl", createdAt: "2026-12-01T00:00:00.000Z" },
    odd,
  );
  const [rule] = await repos.rules.list();
  await repos.drafts.put({
    uri: `rule:${rule!.id}`,
    kind: "rule",
    id: rule!.id,
    text: "{ unsaved",
    baseRevision: 1,
    updatedAt: "2026-12-02T00:00:00.000Z",
  });
  await repos.releases.put({
    id: "p@1.0.0",
    name: "p",
    version: "1.0.0",
    pack: { name: "p" },
    integrity: "sha256-abc",
    notes: "first",
    releasedAt: "2026-12-01T00:00:00.000Z",
  });
  await repos.runs.put(
    { id: "run-1", createdAt: "2026-12-03T00:00:00.000Z", dataset: "odd" },
    {
      outputs: new Float64Array([1.5, -0, Number.NaN]),
      flags: new Uint8Array([1, 0, 1]),
      report: { ok: true },
    },
  );
  return repos;
}

const zipOf = async (repos: WorkspaceRepositories) => {
  const { parts } = await writeBackup(repos, { now });
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
};

describe("workspace backup", () => {
  it("back up, change things, restore: everything deep-equals what was backed up", async () => {
    const repos = await workspace();
    const before = await everything(repos);
    expect(before.rules.length).toBeGreaterThan(5);
    expect(before.records[1]!.length).toBe(odd.length);
    const zip = await zipOf(repos);

    // Change every kind of thing: delete and edit rules, drop a dataset, add one, delete a release, a run.
    const [first, second] = before.rules;
    await repos.commit([
      { type: "delete", kind: "rule", id: first!.id },
      { type: "put", kind: "rule", doc: { ...second!, text: `${second!.text}\n`, revision: 9 } },
      { type: "deleteDraft", uri: `rule:${first!.id}` },
    ]);
    await repos.datasets.delete("odd");
    await repos.datasets.create({ id: "new", name: "new", sourceFile: "n.csv", createdAt: "x" }, [
      { id: "n" },
    ]);
    await repos.releases.delete("p", "1.0.0", "2026-12-04T00:00:00.000Z");
    await repos.releases.put({ ...before.releases[0]!, id: "q@2.0.0", name: "q", version: "2.0.0" });
    await repos.runs.delete("run-1");
    expect(await everything(repos)).not.toEqual(before);

    const check = readBackup(zip);
    if (!check.ok) throw new Error(check.problem.message.en);
    expect(check.backup.header.counts).toMatchObject({
      datasets: 2,
      records: 303,
      releases: 1,
      runs: 1,
      drafts: 1,
    });
    // The edited rule is the one document conflict; everything the backup has and this workspace
    // lost comes back; what only this workspace has (dataset "new", release q@2.0.0) stays.
    const plan = await planRestore(repos, check.backup);
    expect(plan.conflicts.map((c) => c.key)).toEqual([`rule:${second!.id}`]);
    expect(plan.added).toMatchObject({ rule: 1, draft: 1, dataset: 1, release: 1, run: 1 });
    expect(plan.kept).toMatchObject({ dataset: 1, release: 1 });
    await applyRestore(repos, check.backup, { [`rule:${second!.id}`]: "backup" });
    expect((await repos.datasets.list()).map((d) => d.id)).toContain("new");
    expect((await repos.releases.list()).map((r) => r.id)).toContain("q@2.0.0");
    await repos.datasets.delete("new");
    await repos.releases.delete("q", "2.0.0", "2026-12-04T00:00:00.000Z");
    const after = await everything(repos);
    expect(after).toEqual(before);
    // toEqual treats -0 as 0; the backup keeps the sign.
    expect(Object.is((after.records[1]![0] as { n: number }).n, -0)).toBe(true);
    expect((after.results[0] as { outputs: Float64Array }).outputs).toBeInstanceOf(Float64Array);
  });

  it("a damaged or foreign file is refused naming the entry, and nothing stored changes", async () => {
    const repos = await workspace();
    const before = await everything(repos);
    const zip = await zipOf(repos);
    const entries = unzipSync(zip);

    const cases: [Uint8Array, RegExp, string][] = [
      [strToU8("not a zip at all"), /not a zip/, ""],
      [zipSync({ "hello.txt": strToU8("hi") }), /missing/, "backup.json"],
      [
        zipSync({ ...entries, "backup.json": strToU8('{"format":"other"}') }),
        /not a workspace backup/,
        "backup.json",
      ],
      [zipSync({ ...entries, "rules.json": strToU8("[{") }), /Not valid backup JSON/, "rules.json"],
      [
        zipSync({ ...entries, "datasets/1/0.jsonl": strToU8('{"id":"x-1"}\n{"id": oops}\n{"id":"x-3"}\n') }),
        /Line 2 is not a record/,
        "datasets/1/0.jsonl",
      ],
      [
        zipSync({ ...entries, "datasets/1/0.jsonl": strToU8('{"id":"x-1"}\n') }),
        /should have 3 records but the backup holds 1/,
        "datasets/1/",
      ],
      [zip.slice(0, zip.length - 40), /not a zip|damaged|missing/, ""],
    ];
    for (const [bytes, message, file] of cases) {
      const check = readBackup(bytes);
      expect(check.ok, String(message)).toBe(false);
      if (check.ok) continue;
      expect(check.problem.message.en).toMatch(message);
      expect(check.problem.message["zh-CN"]).toBeTruthy();
      if (file) expect(check.problem.file).toBe(file);
    }
    // A rule whose text is not a valid rule any more is named with its id.
    const rules = decodeValue(JSON.parse(new TextDecoder().decode(entries["rules.json"]))) as {
      id: string;
      text: string;
    }[];
    rules[0]!.text = '{"id": 1}';
    const bad = readBackup(
      zipSync({ ...entries, "rules.json": strToU8(JSON.stringify(encodeValue(rules))) }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.message.en).toContain(`${rules[0]!.id} (`);
    expect(await everything(repos)).toEqual(before);
  });

  it("a restore whose records will not fit the free quota is refused before anything is replaced", async () => {
    const repos = await workspace();
    const zip = await zipOf(repos);
    await repos.datasets.delete("odd");
    const before = await everything(repos);
    const tight = { estimate: () => Promise.resolve({ usage: 1000, quota: 1010 }) };
    const service = createWorkspaceDataService(repos, () => Promise.resolve(diskSeedBundle()), {
      now,
      storage: tight,
    });
    const check = await service.check(new Blob([zip]));
    if (!check.ok) throw new Error(check.problem.message.en);
    expect(check.backup.datasetBytes).toBeGreaterThan(10);
    await expect(service.restore(check.backup, {})).rejects.toBeInstanceOf(StorageFullError);
    expect(await everything(repos)).toEqual(before);
  });

  it("names the file workspace-<date>.crw.zip", () => {
    expect(backupFileName(now())).toBe("workspace-2026-12-04.crw.zip");
  });

  it("the codec keeps what JSON loses", () => {
    const value = {
      a: -0,
      b: Number.NaN,
      c: 10n ** 20n,
      d: [undefined, Infinity],
      e: new Int32Array([-1, 2]),
      $t: 1,
    };
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as typeof value;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back).toEqual(value);
    expect(back.e).toBeInstanceOf(Int32Array);
  });
});
