/**
 * The behaviour every WorkspaceRepositories implementation must have. The IndexedDB and the
 * in-memory implementations both run this suite, so code tested against one works with the other.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StoredDraft, StoredManifest, StoredRule, WorkspaceRepositories } from "../../../src/platform";
import { readWorkspaceLists } from "../../../src/platform";

export function rule(id: string, title = `Rule ${id}`): StoredRule {
  return {
    id,
    file: `rules/incentive/${id}.rule.json`,
    text: `{"id":"${id}"}`,
    rule: {
      id,
      kind: "incentive",
      version: "1.0.0",
      title: { en: title, "zh-CN": `规则 ${id}` },
      output: { type: "number" },
      logic: { "+": [1, 2] },
      tests: [],
    },
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
  };
}

export function draft(id: string, text: string, baseRevision = 1): StoredDraft {
  return {
    uri: `rule:${id}`,
    kind: "rule",
    id,
    text,
    baseRevision,
    updatedAt: "2024-01-02T00:00:00.000Z",
  };
}

export function manifest(name: string, version: string): StoredManifest {
  return {
    id: `${name}@${version}`,
    file: `rules/manifests/${name}-${version}.manifest.json`,
    text: "{}",
    manifest: { name, version, title: { en: name }, params: {}, population: [], rules: [], changelog: [] },
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
  };
}

const meta = (id: string) => ({
  id,
  name: id,
  title: { en: "Distributor", "zh-CN": "经销商" },
  sourceFile: `samples/${id}.json`,
  createdAt: "2024-01-01T00:00:00.000Z",
});

const records = (n: number, prefix = "D") =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String(i).padStart(4, "0")}`, sales: { net: i } }));

export function repositoryContract(name: string, create: () => WorkspaceRepositories): void {
  describe(`${name} repositories (shared contract)`, () => {
    let repos: WorkspaceRepositories;
    beforeEach(() => {
      repos = create();
    });
    afterEach(async () => {
      await repos.close();
    });

    it("start empty", async () => {
      expect(await readWorkspaceLists(repos)).toEqual({ rules: [], manifests: [], datasets: [] });
      expect(await repos.meta.getSeedMarker()).toBeUndefined();
      expect(await repos.rules.get("missing")).toBeUndefined();
      expect(await repos.datasets.records("missing")).toEqual([]);
    });

    it("put, get, list in id order, replace and delete documents", async () => {
      await repos.rules.put(rule("volume-rebate"));
      await repos.rules.put(rule("cash-rebate"));
      await repos.rules.put(rule("Zeta"));
      // Code-unit order, as IndexedDB orders string keys: upper case before lower case.
      expect((await repos.rules.list()).map((r) => r.id)).toEqual(["Zeta", "cash-rebate", "volume-rebate"]);
      await repos.rules.put(rule("cash-rebate", "Renamed"));
      expect((await repos.rules.get("cash-rebate"))?.rule.title.en).toBe("Renamed");
      await repos.rules.delete("Zeta");
      await repos.rules.delete("never-stored");
      expect((await repos.rules.list()).map((r) => r.id)).toEqual(["cash-rebate", "volume-rebate"]);
    });

    it("hand out copies: changing a value read or written never changes what is stored", async () => {
      const written = rule("a");
      await repos.rules.put(written);
      written.rule.title.en = "changed after put";
      const read = await repos.rules.get("a");
      read!.rule.title.en = "changed after get";
      (await repos.rules.list())[0]!.rule.title.en = "changed in list";
      expect((await repos.rules.get("a"))?.rule.title.en).toBe("Rule a");
    });

    it("addMissing adds only ids not stored yet and never overwrites", async () => {
      await repos.rules.put(rule("kept", "Edited by the user"));
      const added = await repos.rules.addMissing([
        rule("new-1"),
        rule("kept"),
        rule("new-2"),
        rule("new-1", "dup"),
      ]);
      expect(added).toEqual(["new-1", "new-2"]);
      expect((await repos.rules.get("kept"))?.rule.title.en).toBe("Edited by the user");
      expect((await repos.rules.get("new-1"))?.rule.title.en).toBe("Rule new-1");
      expect(await repos.rules.addMissing([rule("new-1"), rule("new-2")])).toEqual([]);
      expect(await repos.rules.list()).toHaveLength(3);
    });

    it("keeps manifests by name@version", async () => {
      await repos.manifests.addMissing([
        manifest("dealer-program", "1.1.0"),
        manifest("dealer-program", "1.0.0"),
      ]);
      expect((await repos.manifests.list()).map((m) => m.id)).toEqual([
        "dealer-program@1.0.0",
        "dealer-program@1.1.0",
      ]);
      expect((await repos.manifests.get("dealer-program@1.1.0"))?.manifest.version).toBe("1.1.0");
    });

    it("create stores a dataset's metadata with its row count and its records in order", async () => {
      const rows = records(1200);
      expect(await repos.datasets.create(meta("big"), rows)).toBe(true);
      expect(await repos.datasets.get("big")).toEqual({ ...meta("big"), rowCount: 1200 });
      expect(await repos.datasets.records("big")).toEqual(rows);
      expect(await repos.datasets.records("big", { start: 1195, count: 10 })).toEqual(rows.slice(1195));
      expect(await repos.datasets.records("big", { start: 10, count: 0 })).toEqual([]);
      expect(await repos.datasets.records("big", { start: -1, count: 3 })).toEqual([]);
    });

    it("never mixes the records of datasets whose ids share a prefix", async () => {
      await repos.datasets.create(meta("a"), records(3, "A"));
      await repos.datasets.create(meta("a-b"), records(2, "AB"));
      await repos.datasets.create(meta("a0"), records(1, "A0"));
      expect((await repos.datasets.records("a")).map((r) => (r as { id: string }).id)).toEqual([
        "A-0000",
        "A-0001",
        "A-0002",
      ]);
      expect(await repos.datasets.records("a-b")).toHaveLength(2);
      expect((await repos.datasets.list()).map((d) => [d.id, d.rowCount])).toEqual([
        ["a", 3],
        ["a-b", 2],
        ["a0", 1],
      ]);
    });

    it("create refuses an id that exists and changes nothing", async () => {
      await repos.datasets.create(meta("ds"), records(3));
      expect(await repos.datasets.create({ ...meta("ds"), name: "other" }, records(7, "X"))).toBe(false);
      expect((await repos.datasets.get("ds"))?.rowCount).toBe(3);
      expect(await repos.datasets.records("ds")).toEqual(records(3));
    });

    it("a dataset with a record that cannot be stored leaves nothing behind", async () => {
      const rows: unknown[] = records(50);
      rows[25] = { id: "D-bad", compute: () => 1 };
      await expect(repos.datasets.create(meta("broken"), rows)).rejects.toThrow();
      expect(await repos.datasets.get("broken")).toBeUndefined();
      expect(await repos.datasets.records("broken")).toEqual([]);
      expect(await repos.datasets.list()).toEqual([]);
      // The failure did not leave the repository unusable.
      expect(await repos.datasets.create(meta("broken"), records(2))).toBe(true);
    });

    it("delete removes a dataset's metadata and records, and no other dataset's", async () => {
      await repos.datasets.create(meta("x"), records(4));
      await repos.datasets.create(meta("y"), records(2));
      await repos.datasets.delete("x");
      expect(await repos.datasets.get("x")).toBeUndefined();
      expect(await repos.datasets.records("x")).toEqual([]);
      expect(await repos.datasets.records("y")).toHaveLength(2);
      // Deleted ids can be created again from scratch.
      expect(await repos.datasets.create(meta("x"), records(1))).toBe(true);
      expect(await repos.datasets.records("x")).toHaveLength(1);
    });

    it("stores the seed marker", async () => {
      await repos.meta.setSeedMarker({ version: 1, seededAt: "2024-05-01T00:00:00.000Z" });
      expect(await repos.meta.getSeedMarker()).toEqual({ version: 1, seededAt: "2024-05-01T00:00:00.000Z" });
      await repos.meta.setSeedMarker({ version: 2, seededAt: "2024-06-01T00:00:00.000Z" });
      expect((await repos.meta.getSeedMarker())?.version).toBe(2);
    });

    it("keeps drafts by uri, replaces them and deletes them", async () => {
      await repos.drafts.put(draft("b", "{ unsaved b"));
      await repos.drafts.put(draft("a", "{ unsaved a"));
      await repos.drafts.put({ ...draft("a", "{ newer a"), invalid: { savedAt: "x", problems: [] } });
      expect((await repos.drafts.list()).map((d) => [d.uri, d.text])).toEqual([
        ["rule:a", "{ newer a"],
        ["rule:b", "{ unsaved b"],
      ]);
      expect((await repos.drafts.get("rule:a"))?.invalid).toEqual({ savedAt: "x", problems: [] });
      await repos.drafts.delete("rule:a");
      await repos.drafts.delete("rule:never");
      expect(await repos.drafts.get("rule:a")).toBeUndefined();
      expect(await repos.drafts.list()).toHaveLength(1);
    });

    it("commit applies documents and drafts together when every revision holds", async () => {
      await repos.rules.put({ ...rule("a"), revision: 3 });
      await repos.drafts.put(draft("a", "{ typing", 3));
      const result = await repos.commit([
        { type: "put", kind: "rule", doc: { ...rule("a", "Saved"), revision: 4 }, ifRevision: 3 },
        { type: "deleteDraft", uri: "rule:a" },
        { type: "put", kind: "manifest", doc: manifest("p", "1.0.0"), ifRevision: 0 },
      ]);
      expect(result).toEqual({ ok: true });
      expect(await repos.rules.get("a")).toMatchObject({ revision: 4, rule: { title: { en: "Saved" } } });
      expect(await repos.drafts.get("rule:a")).toBeUndefined();
      expect(await repos.manifests.get("p@1.0.0")).toBeDefined();
    });

    it("commit changes nothing and names what is stored when a revision moved on", async () => {
      await repos.rules.put({ ...rule("a", "Theirs"), revision: 5 });
      const result = await repos.commit([
        { type: "put", kind: "rule", doc: { ...rule("b"), revision: 1 }, ifRevision: 0 },
        { type: "put", kind: "rule", doc: { ...rule("a", "Mine"), revision: 5 }, ifRevision: 4 },
        { type: "putDraft", draft: draft("a", "mine") },
      ]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.conflicts).toHaveLength(1);
      expect(result.conflicts[0]).toMatchObject({
        kind: "rule",
        id: "a",
        expected: 4,
        current: { revision: 5 },
      });
      expect((await repos.rules.get("a"))?.rule.title.en).toBe("Theirs");
      expect(await repos.rules.get("b")).toBeUndefined();
      expect(await repos.drafts.list()).toEqual([]);
    });

    it("commit deletes a draft conditionally: only while it holds the text saved", async () => {
      await repos.drafts.put(draft("a", "typed after the save began"));
      await repos.drafts.put(draft("b", "saved text"));
      expect(
        await repos.commit([
          { type: "deleteDraft", uri: "rule:a", ifText: "saved text" },
          { type: "deleteDraft", uri: "rule:b", ifText: "saved text" },
          { type: "deleteDraft", uri: "rule:none", ifText: "saved text" },
        ]),
      ).toEqual({ ok: true });
      expect((await repos.drafts.list()).map((d) => d.uri)).toEqual(["rule:a"]);
    });

    it("commit treats a document stored without a revision as revision 1, and absence as 0", async () => {
      await repos.rules.put(rule("seeded"));
      expect((await repos.commit([{ type: "delete", kind: "rule", id: "seeded", ifRevision: 0 }])).ok).toBe(
        false,
      );
      expect((await repos.commit([{ type: "delete", kind: "rule", id: "seeded", ifRevision: 1 }])).ok).toBe(
        true,
      );
      expect(await repos.rules.get("seeded")).toBeUndefined();
      const stale = await repos.commit([{ type: "delete", kind: "rule", id: "seeded", ifRevision: 1 }]);
      expect(stale).toEqual({
        ok: false,
        conflicts: [{ kind: "rule", id: "seeded", expected: 1, current: undefined }],
      });
    });

    it("commit of a value that cannot be stored rejects and leaves everything as it was", async () => {
      await repos.rules.put(rule("a"));
      const broken = { ...rule("b"), rule: { ...rule("b").rule, logic: () => 1 } } as unknown as StoredRule;
      await expect(
        repos.commit([
          { type: "delete", kind: "rule", id: "a" },
          { type: "put", kind: "rule", doc: broken },
        ]),
      ).rejects.toThrow();
      expect(await repos.rules.get("a")).toBeDefined();
      expect(await repos.rules.get("b")).toBeUndefined();
    });
  });
}
