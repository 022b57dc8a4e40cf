import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import {
  createIndexedDbRepositories,
  seedWorkspace,
  type WorkspaceRepositories,
} from "../../../src/platform";
import { applyRestore, planRestore, RestoreChoiceError } from "../../../src/platform/storage/backupConflicts";
import { readBackup, type CheckedBackup } from "../../../src/platform/storage/backupRestore";
import { writeBackup } from "../../../src/platform/storage/backupWrite";
import { diskSeedBundle } from "../seed/seedFiles";

const now = () => new Date("2026-12-04T10:00:00.000Z");
let counter = 0;
const fresh = () => createIndexedDbRepositories(`crw-restore-${++counter}`);

const release = {
  id: "p@1.0.0",
  name: "p",
  version: "1.0.0",
  pack: { name: "p" },
  integrity: "sha256-abc",
  notes: "first",
  releasedAt: "2026-12-01T00:00:00.000Z",
};

/** A seeded workspace with one of each kind the backup holds. */
async function workspace(): Promise<WorkspaceRepositories> {
  const repos = fresh();
  await seedWorkspace(repos, () => Promise.resolve(diskSeedBundle()), { now });
  await repos.datasets.create(
    { id: "mine", name: "Mine", sourceFile: "m.csv", createdAt: "2026-12-01T00:00:00.000Z" },
    [
      { id: "a", n: 1 },
      { id: "b", n: -0 },
    ],
  );
  await repos.releases.put(release);
  await repos.runs.put({ id: "run-1", createdAt: "2026-12-03T00:00:00.000Z" }, { total: 1 });
  return repos;
}

async function backupOf(repos: WorkspaceRepositories): Promise<CheckedBackup> {
  const { parts } = await writeBackup(repos, { now });
  const zip = new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
  const check = readBackup(zip);
  if (!check.ok) throw new Error(check.problem.message.en);
  return check.backup;
}

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

/** After the backup: edit a rule, re-create the dataset, re-release p@1.0.0 differently, rerun. */
async function diverge(repos: WorkspaceRepositories) {
  const [rule] = await repos.rules.list();
  await repos.commit([
    {
      type: "put",
      kind: "rule",
      doc: { ...rule!, text: `${rule!.text}\n\n`, updatedAt: "2026-12-05T00:00:00.000Z", revision: 7 },
    },
  ]);
  await repos.datasets.delete("mine");
  await repos.datasets.create(
    { id: "mine", name: "Mine", sourceFile: "m.csv", createdAt: "2026-12-05T00:00:00.000Z" },
    [{ id: "c", n: 3 }],
  );
  await repos.releases.delete("p", "1.0.0", "2026-12-05T00:00:00.000Z");
  await repos.releases.put({ ...release, integrity: "sha256-other" });
  await repos.runs.put({ id: "run-1", createdAt: "2026-12-05T00:00:00.000Z" }, { total: 2 });
  await repos.datasets.create({ id: "only-here", name: "Only here", sourceFile: "h.csv", createdAt: "x" }, [
    { id: "h" },
  ]);
  return rule!.id;
}

describe("restore conflicts", () => {
  it("an unchanged workspace has no conflicts; an empty one takes the whole backup", async () => {
    const repos = await workspace();
    const backup = await backupOf(repos);
    const same = await planRestore(repos, backup);
    expect(same.conflicts).toEqual([]);
    expect(same.empty).toBe(false);
    expect(Object.values(same.added).every((n) => n === 0)).toBe(true);
    expect(same.same.dataset).toBe(2);

    const empty = fresh();
    const plan = await planRestore(empty, backup);
    expect(plan).toMatchObject({ empty: true, conflicts: [] });
    expect(plan.added).toMatchObject({ dataset: 2, release: 1, run: 1 });
    await applyRestore(empty, backup, {});
    const restored = await everything(empty);
    expect(restored).toEqual(await everything(repos));
    const mine = (await empty.datasets.records("mine")) as { n: number }[];
    expect(Object.is(mine[1]!.n, -0)).toBe(true);
  });

  it("lists each id in both with different content, with what differs; releases cannot be chosen", async () => {
    const repos = await workspace();
    const backup = await backupOf(repos);
    const ruleId = await diverge(repos);
    const plan = await planRestore(repos, backup);
    const byKey = Object.fromEntries(plan.conflicts.map((c) => [c.key, c]));
    expect(Object.keys(byKey).sort()).toEqual(
      [`rule:${ruleId}`, "dataset:mine", "release:p@1.0.0", "run:run-1"].sort(),
    );
    expect(byKey[`rule:${ruleId}`]!.differences).toEqual(
      expect.arrayContaining([
        { field: "updatedAt", mine: "2026-12-05T00:00:00.000Z", backup: expect.any(String) },
        { field: "revision", mine: 7, backup: 1 },
        expect.objectContaining({ field: "size" }),
      ]),
    );
    expect(byKey["dataset:mine"]!.differences).toEqual([
      { field: "createdAt", mine: "2026-12-05T00:00:00.000Z", backup: "2026-12-01T00:00:00.000Z" },
      { field: "rows", mine: 1, backup: 2 },
    ]);
    expect(byKey["release:p@1.0.0"]).toMatchObject({
      immutable: true,
      differences: [{ field: "integrity", mine: "sha256-other", backup: "sha256-abc" }],
    });
    expect(byKey["run:run-1"]!.immutable).toBe(false);
    expect(plan.kept.dataset).toBe(1);
  });

  it("applies exactly the choices: the backup's where chosen, mine elsewhere, releases never overwritten", async () => {
    const repos = await workspace();
    const backup = await backupOf(repos);
    const original = await everything(repos);
    const ruleId = await diverge(repos);
    const mineRun = await repos.runs.results("run-1");
    await applyRestore(repos, backup, {
      [`rule:${ruleId}`]: "backup",
      "dataset:mine": "backup",
      "run:run-1": "mine",
      // Asked for, but a release is immutable: it stays as it is.
      "release:p@1.0.0": "backup",
    });
    const after = await everything(repos);
    expect(after.rules).toEqual(original.rules);
    expect(await repos.datasets.records("mine")).toEqual(original.records[1]);
    expect((await repos.datasets.get("mine"))?.createdAt).toBe("2026-12-01T00:00:00.000Z");
    expect(await repos.runs.results("run-1")).toEqual(mineRun);
    expect(after.releases.find((r) => r.id === "p@1.0.0")?.integrity).toBe("sha256-other");
    expect(after.datasets.map((d) => d.id)).toContain("only-here");

    // And the other way round: keeping mine changes nothing.
    const second = await workspace();
    const backup2 = await backupOf(second);
    await diverge(second);
    const before = await everything(second);
    await applyRestore(second, backup2, {
      [`rule:${(await second.rules.list())[0]!.id}`]: "mine",
      "dataset:mine": "mine",
      "run:run-1": "mine",
    });
    expect(await everything(second)).toEqual(before);
  });

  it("a conflict without a choice is refused before anything is written", async () => {
    const repos = await workspace();
    const backup = await backupOf(repos);
    await diverge(repos);
    await repos.datasets.delete("only-here");
    const gone = (await repos.runs.list())[0]!;
    await repos.runs.delete(gone.id);
    const before = await everything(repos);
    await expect(applyRestore(repos, backup, { "dataset:mine": "backup" })).rejects.toBeInstanceOf(
      RestoreChoiceError,
    );
    expect(await everything(repos)).toEqual(before);
  });

  it("a failure while writing leaves stored data as it was (datasets it added are removed again)", async () => {
    const source = await workspace();
    await source.datasets.create(
      { id: "extra", name: "Extra", sourceFile: "e.csv", createdAt: "2026-12-01T00:00:00.000Z" },
      [{ id: "e" }],
    );
    const backup = await backupOf(source);
    const repos = await workspace();
    const [rule] = await repos.rules.list();
    await repos.commit([
      { type: "put", kind: "rule", doc: { ...rule!, text: `${rule!.text} `, revision: 3 } },
    ]);
    const before = await everything(repos);
    const failing: WorkspaceRepositories = {
      ...repos,
      commit: () => Promise.reject(new Error("QuotaExceededError (injected)")),
    };
    await expect(applyRestore(failing, backup, { [`rule:${rule!.id}`]: "backup" })).rejects.toThrow(
      /injected/,
    );
    expect(await everything(repos)).toEqual(before);
    expect(await repos.datasets.get("extra")).toBeUndefined();
  });
});
