/**
 * The document store's behaviour over any WorkspaceRepositories: the in-memory and the IndexedDB
 * (fake-indexeddb) implementations both run it. `open` gives two tabs of one profile: repositories
 * over the same storage, each with its own channel end.
 */
import { zipSync, strToU8 } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildPack, runRuleTests } from "../../../src/engine";
import {
  createDocumentStore,
  createWorkspaceChannel,
  lastValidNotices,
  readWorkspaceLists,
  seedWorkspace,
  storedRuleLoader,
  type DocumentStore,
  type MessageOrigin,
  type WorkspaceMessage,
  type WorkspaceRepositories,
} from "../../../src/platform";
import { diskSeedBundle } from "../seed/seedFiles";

export interface Profile {
  /** Repositories of one tab; every call over the same profile sees the same stored data. */
  tab(): WorkspaceRepositories;
}

const volume = { kind: "rule", id: "volume-rebate" } as const;
const program = { kind: "manifest", id: "dealer-program@1.0.0" } as const;
const clock = () => new Date("2025-03-01T08:00:00.000Z");

let channels = 0;

export function documentStoreContract(name: string, createProfile: () => Profile): void {
  describe(`document store over ${name} repositories`, () => {
    let profile: Profile;
    let repos: WorkspaceRepositories;
    let store: DocumentStore;
    let channelName: string;
    const opened: { store: DocumentStore; repos: WorkspaceRepositories }[] = [];
    const heard: { message: WorkspaceMessage; origin: MessageOrigin }[] = [];

    const openTab = () => {
      const tabRepos = profile.tab();
      const tab = createDocumentStore({
        repos: tabRepos,
        channel: createWorkspaceChannel(channelName),
        now: clock,
      });
      opened.push({ store: tab, repos: tabRepos });
      return tab;
    };

    beforeEach(async () => {
      profile = createProfile();
      channelName = `crw-test-${++channels}`;
      heard.length = 0;
      store = openTab();
      repos = opened[0]!.repos;
      store.subscribe((message, origin) => heard.push({ message, origin }));
      await seedWorkspace(repos, () =>
        Promise.resolve({ documents: diskSeedBundle().documents, datasets: [] }),
      );
    });

    afterEach(async () => {
      for (const tab of opened.splice(0)) {
        tab.store.close();
        await tab.repos.close();
      }
    });

    const edited = async (title: string) => {
      const { stored } = await store.open(volume);
      return stored!.text.replace('"en": "Tiered retroactive volume rebate"', `"en": "${title}"`);
    };

    it("opens a seeded document at revision 1 with no draft", async () => {
      const opened = await store.open(volume);
      expect(opened.stored).toMatchObject({ revision: 1, file: "rules/incentive/volume-rebate.rule.json" });
      expect(opened.draft).toBeUndefined();
      expect(await store.open({ kind: "rule", id: "nope" })).toEqual({});
    });

    it("keeps the unsaved text as a draft that a new tab (a reload) finds", async () => {
      const text = await edited("Typing…");
      await store.writeDraft(volume, text, 1);
      const reloaded = openTab();
      expect((await reloaded.drafts()).map((d) => [d.uri, d.baseRevision])).toEqual([
        ["rule:volume-rebate", 1],
      ]);
      expect((await reloaded.open(volume)).draft?.text).toBe(text);
      await reloaded.clearDraft(volume);
      expect(await store.drafts()).toEqual([]);
    });

    it("tells the drafts of tabs that are gone from those another living tab is still editing", async () => {
      const mine = createDocumentStore({ repos, now: clock, tab: "t-mine" });
      const other = createDocumentStore({ repos, now: clock, tab: "t-other" });
      await other.writeDraft(volume, "other's typing", 1);
      await mine.writeDraft({ kind: "rule", id: "cash-rebate" }, "my typing", 1);
      const uris = async (alive: string[]) => (await mine.orphanDrafts(new Set(alive))).map((d) => d.uri);
      expect(await uris(["t-mine", "t-other"])).toEqual(["rule:cash-rebate"]);
      expect(await uris(["t-mine"])).toEqual(["rule:cash-rebate", "rule:volume-rebate"]);
      expect((await mine.drafts()).find((d) => d.uri === "rule:volume-rebate")?.tab).toBe("t-other");
    });

    it("saves from the current revision: stores the text, moves the revision on and clears the draft", async () => {
      const text = await edited("Saved title");
      await store.writeDraft(volume, text, 1);
      expect(await store.save(volume, text, 1)).toEqual({ status: "saved", revision: 2, text });
      const stored = await repos.rules.get("volume-rebate");
      expect(stored).toMatchObject({ revision: 2, text, updatedAt: clock().toISOString() });
      expect(stored?.rule.title.en).toBe("Saved title");
      expect(stored?.createdAt).not.toBe(clock().toISOString());
      expect(await store.drafts()).toEqual([]);
      expect(heard).toEqual([
        { message: { type: "document.saved", uri: "rule:volume-rebate", revision: 2, text }, origin: "save" },
      ]);
    });

    it("refuses a save from a stale revision and returns their text: the later save never writes over", async () => {
      const other = openTab();
      const theirs = await edited("Theirs");
      const mine = await edited("Mine");
      expect((await other.save(volume, theirs, 1)).status).toBe("saved");
      expect(await store.save(volume, mine, 1)).toEqual({
        status: "conflict",
        theirs: { text: theirs, revision: 2 },
      });
      expect((await repos.rules.get("volume-rebate"))?.text).toBe(theirs);
      // Mine survives a reload as a draft still based on revision 1, so the conflict comes back too.
      expect((await store.open(volume)).draft).toMatchObject({ text: mine, baseRevision: 1 });
      // Keep mine: save again from their revision.
      expect(await store.save(volume, mine, 2)).toMatchObject({ status: "saved", revision: 3 });
      expect((await repos.rules.get("volume-rebate"))?.rule.title.en).toBe("Mine");
    });

    it("reports a document deleted elsewhere as a conflict with no text, and saving from 0 brings it back", async () => {
      const other = openTab();
      const mine = await edited("Mine");
      await other.remove(volume);
      expect(await store.save(volume, mine, 1)).toEqual({ status: "conflict", theirs: null });
      expect(await store.save(volume, mine, 0)).toMatchObject({ status: "saved", revision: 1 });
      expect((await repos.rules.get("volume-rebate"))?.file).toBe("rules/incentive/volume-rebate.rule.json");
    });

    it("keeps a save that does not parse as a marked draft; builds go on reading the last valid version and say so", async () => {
      const before = await repos.rules.get("volume-rebate");
      const broken = before!.text.replace('"kind": "incentive",', '"kind": "incentive"');
      const result = await store.save(volume, broken, 1);
      expect(result).toMatchObject({ status: "invalid", lastValid: { revision: 1 } });
      if (result.status !== "invalid") return;
      expect(result.problems[0]).toMatchObject({ code: "json/syntax", line: 4 });
      expect(await repos.rules.get("volume-rebate")).toEqual(before);
      const drafts = await store.drafts();
      expect(drafts[0]).toMatchObject({
        text: broken,
        baseRevision: 1,
        invalid: { savedAt: clock().toISOString() },
      });
      expect(heard).toEqual([]);

      const lists = await readWorkspaceLists(repos);
      const manifest = lists.manifests.find((m) => m.id === program.id)!;
      const built = await buildPack(manifest, storedRuleLoader(lists, manifest.file), {
        createdAt: "2025-03-01",
      });
      expect(built.pack).toBeDefined();
      expect(built.pack?.rules.find((r) => r.id === "volume-rebate")).toEqual(before!.rule);
      const notices = lastValidNotices(drafts, lists);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        code: "document/last-valid",
        severity: "warning",
        file: "rules/incentive/volume-rebate.rule.json",
      });
      expect(notices[0]!.message.en).toContain("last valid version (revision 1");
    });

    it("refuses a save that changes the id (renaming does that) and one that breaks the schema", async () => {
      const { stored } = await store.open(volume);
      const renamed = stored!.text.replace('"id": "volume-rebate"', '"id": "other-rebate"');
      const result = await store.save(volume, renamed, 1);
      expect(result.status === "invalid" && result.problems.map((p) => p.code)).toEqual([
        "document/id-changed",
      ]);
      const noLogic = JSON.stringify({ ...JSON.parse(stored!.text), logic: undefined });
      const schema = await store.save(volume, noLogic, 1);
      expect(schema.status).toBe("invalid");
      expect((await repos.rules.get("volume-rebate"))?.revision ?? 1).toBe(1);
    });

    it("tells another tab about saves, creations, renames and deletes over the channel", async () => {
      const other = openTab();
      const received: { message: WorkspaceMessage; origin: MessageOrigin }[] = [];
      const arrived = (n: number) =>
        new Promise<void>((resolve) => {
          const stop = other.subscribe((message, origin) => {
            received.push({ message, origin });
            if (received.length === n) {
              stop();
              resolve();
            }
          });
        });
      const four = arrived(4);
      const text = await edited("Broadcast");
      await store.save(volume, text, 1);
      await store.createRule("loyalty", "new-points");
      await store.rename("new-points", "new-points-2");
      await store.remove({ kind: "rule", id: "new-points-2" });
      await four;
      expect(received.map((r) => r.origin)).toEqual(["remote", "remote", "remote", "remote"]);
      expect(received.map((r) => r.message)).toEqual([
        { type: "document.saved", uri: "rule:volume-rebate", revision: 2, text },
        { type: "document.created", uri: "rule:new-points" },
        { type: "document.renamed", from: "rule:new-points", to: "rule:new-points-2", revision: 2 },
        { type: "document.deleted", uri: "rule:new-points-2" },
      ]);
    });

    it("creates a valid rule whose test passes, filed by kind, and refuses an id that exists", async () => {
      expect(await store.createRule("loyalty", "welcome-points")).toEqual({
        status: "created",
        ref: { kind: "rule", id: "welcome-points" },
        revision: 1,
      });
      const created = await repos.rules.get("welcome-points");
      expect(created).toMatchObject({ file: "rules/loyalty/welcome-points.rule.json", revision: 1 });
      expect(runRuleTests(created!.rule).every((t) => t.passed)).toBe(true);
      expect(await store.createRule("incentive", "welcome-points")).toEqual({ status: "exists" });
      expect(await store.createManifest("spring-push", "0.1.0")).toMatchObject({ status: "created" });
      expect((await repos.manifests.get("spring-push@0.1.0"))?.file).toBe(
        "rules/manifests/spring-push-0.1.0.manifest.json",
      );
      // A new manifest names the sample as its reference dataset, so its first release is not blocked.
      const manifest = JSON.parse((await repos.manifests.get("spring-push@0.1.0"))!.text) as Record<
        string,
        unknown
      >;
      expect(manifest["x-reference-dataset"]).toBe("distributors-300");
    });

    it("renames a rule with its file, the manifests that include it and its draft, in one change", async () => {
      const before = await repos.rules.get("volume-rebate");
      await store.writeDraft(volume, before!.text.replace("Tiered", "Draft"), 1);
      const result = await store.rename("volume-rebate", "volume-rebate-2025");
      expect(result).toEqual({
        status: "renamed",
        ref: { kind: "rule", id: "volume-rebate-2025" },
        revision: 2,
        manifests: ["dealer-program@1.0.0", "dealer-program@1.1.0"],
        readers: ["rebate-payable"],
      });
      expect(await repos.rules.get("volume-rebate")).toBeUndefined();
      const after = await repos.rules.get("volume-rebate-2025");
      expect(after).toMatchObject({
        file: "rules/incentive/volume-rebate-2025.rule.json",
        createdAt: before!.createdAt,
      });
      // Only the id line changed: the author's formatting is kept.
      expect(after!.text).toBe(before!.text.replace('"id": "volume-rebate"', '"id": "volume-rebate-2025"'));
      const manifest = await repos.manifests.get("dealer-program@1.0.0");
      expect(manifest?.manifest.rules).toContain("../incentive/volume-rebate-2025.rule.json");
      expect(manifest?.manifest.rules).not.toContain("../incentive/volume-rebate.rule.json");
      expect(manifest?.revision).toBe(2);
      const drafts = await store.drafts();
      expect(drafts.map((d) => [d.uri, d.baseRevision])).toEqual([["rule:volume-rebate-2025", 2]]);
      expect(drafts[0]!.text).toContain('"id": "volume-rebate-2025"');
      // The pack still builds with the renamed file.
      const lists = await readWorkspaceLists(repos);
      const m = lists.manifests.find((x) => x.id === "dealer-program@1.0.0")!;
      const built = await buildPack(m, storedRuleLoader(lists, m.file), { createdAt: "2025-03-01" });
      expect(built.problems.filter((p) => p.code === "manifest/rule-unreadable")).toEqual([]);
      expect(await store.rename("volume-rebate-2025", "cash-rebate")).toEqual({ status: "exists" });
      expect(await store.rename("gone", "anything")).toEqual({ status: "missing" });
    });

    it("duplicates a rule under a new id next to the original", async () => {
      expect(await store.duplicate("volume-rebate", "volume-rebate-copy")).toMatchObject({
        status: "created",
      });
      const copy = await repos.rules.get("volume-rebate-copy");
      expect(copy?.file).toBe("rules/incentive/volume-rebate-copy.rule.json");
      expect(copy?.rule.logic).toEqual((await repos.rules.get("volume-rebate"))?.rule.logic);
      expect(await store.duplicate("volume-rebate", "cash-rebate")).toEqual({ status: "exists" });
    });

    it("deletes a document with its draft, and restores both exactly", async () => {
      const before = await repos.rules.get("volume-rebate");
      await store.writeDraft(volume, "{ half-typed", 1);
      const deleted = await store.remove(volume);
      expect(deleted).toBeDefined();
      expect(await repos.rules.get("volume-rebate")).toBeUndefined();
      expect(await store.drafts()).toEqual([]);
      expect(await store.remove(volume)).toBeUndefined();
      expect(await store.restore(deleted!)).toBe(true);
      expect(await repos.rules.get("volume-rebate")).toEqual({ ...before, revision: 2 });
      expect((await store.drafts())[0]).toMatchObject({ text: "{ half-typed", baseRevision: 2 });
      // Restoring again, or over a new document with that id, is refused.
      expect(await store.restore(deleted!)).toBe(false);
    });

    it("includes a rule in a manifest once, keeping the manifest's formatting", async () => {
      await store.createRule("incentive", "spring-bonus");
      const before = await repos.manifests.get("dealer-program@1.0.0");
      expect(await store.include("spring-bonus", "dealer-program@1.0.0")).toEqual({
        status: "included",
        revision: 2,
      });
      const after = await repos.manifests.get("dealer-program@1.0.0");
      expect(after?.manifest.rules.at(-1)).toBe("../incentive/spring-bonus.rule.json");
      expect(after!.text.startsWith(before!.text.slice(0, before!.text.indexOf('"rules"')))).toBe(true);
      expect(await store.include("spring-bonus", "dealer-program@1.0.0")).toEqual({ status: "already" });
      expect(await store.include("volume-rebate", "dealer-program@1.0.0")).toEqual({ status: "already" });
      expect(await store.include("nope", "dealer-program@1.0.0")).toEqual({ status: "missing" });
    });

    it("imports rule files and zip archives, never replacing a stored rule, naming every file it refused", async () => {
      const rule = (id: string) =>
        JSON.stringify({
          id,
          kind: "loyalty",
          version: "1.0.0",
          title: { en: id },
          output: { type: "number" },
          logic: 1,
          tests: [{ name: "one", data: {}, expect: 1 }],
        });
      const bytes = (text: string) => strToU8(text);
      const zip = zipSync({
        "pack/a-zipped.rule.json": bytes(rule("a-zipped")),
        "pack/README.md": bytes("# notes"),
        "pack/dup.rule.json": bytes(rule("plain")),
      });
      const report = await store.importRules([
        { name: "plain.rule.json", bytes: bytes(rule("plain")) },
        { name: "volume-rebate.rule.json", bytes: bytes(rule("volume-rebate")) },
        { name: "broken.rule.json", bytes: bytes("{ nope") },
        { name: "rules.zip", bytes: zip },
      ]);
      expect(report.added).toEqual(["plain", "a-zipped"]);
      expect(report.skipped).toEqual([
        { file: "volume-rebate.rule.json", id: "volume-rebate", reason: "exists" },
        { file: "rules.zip/pack/dup.rule.json", id: "plain", reason: "duplicate" },
      ]);
      expect(report.problems.map((p) => [p.file, p.code])).toEqual([
        ["rules.zip", "import/zip-ignored"],
        ["broken.rule.json", "json/syntax"],
      ]);
      expect((await repos.rules.get("a-zipped"))?.file).toBe("rules/loyalty/a-zipped.rule.json");
      expect((await repos.rules.get("volume-rebate"))?.rule.kind).toBe("incentive");
    });

    it("exports the stored text under the file name of its kind", async () => {
      const text = (await repos.rules.get("volume-rebate"))!.text;
      expect(await store.exportText(volume)).toEqual({ name: "volume-rebate.rule.json", text });
      expect((await store.exportText(program))?.name).toBe("dealer-program-1.0.0.manifest.json");
      expect(await store.exportText({ kind: "rule", id: "nope" })).toBeUndefined();
    });
  });
}
