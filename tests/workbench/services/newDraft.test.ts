import { describe, expect, it } from "vitest";
import { ruleText } from "../../../src/engine";
import {
  buildWorkspacePack,
  changedSince,
  createDocumentStore,
  createMemoryReleaseRepository,
  createMemoryRepositories,
  readWorkspaceLists,
  type WorkspaceLists,
} from "../../../src/platform";
import { createReleaseService } from "../../../src/workbench/services/releases";
import { pack, rule, storedRelease } from "../../platform/releases/packFixtures";

describe("startDraft: editing a released version starts a new draft", () => {
  it("stores a manifest of the new version and the missing rules; the release stays byte-identical", async () => {
    const repos = createMemoryRepositories();
    const documents = createDocumentStore({ repos });
    const repository = createMemoryReleaseRepository();
    const a = rule("a", { "*": [2, 3] });
    const b = rule("b", { "+": [{ var: "out.a" }, 1] });
    const built = await pack("1.0.0", [a, b]);
    await repository.put(storedRelease(built));
    // The workspace has `a` as released and no `b`.
    await documents.save({ kind: "rule", id: "a" }, ruleText(a), 0);
    let lists: WorkspaceLists = await readWorkspaceLists(repos);
    const service = createReleaseService({
      repository,
      lists: () => lists,
      activeDatasetId: () => null,
      records: () => Promise.resolve([]),
      locale: () => "en",
      documents,
    });
    const before = JSON.stringify(await repository.get("p", "1.0.0"));

    const started = await service.startDraft("p@1.0.0", "1.0.1");
    expect(started).toMatchObject({ manifestId: "p@1.0.1", created: ["b"], reused: ["a"], diverged: [] });

    expect(JSON.stringify(await repository.get("p", "1.0.0"))).toBe(before);
    lists = await readWorkspaceLists(repos);
    const manifest = lists.manifests.find((m) => m.id === "p@1.0.1");
    expect(manifest?.file).toBe("rules/manifests/p-1.0.1.manifest.json");
    expect(lists.rules.map((r) => r.id).sort()).toEqual(["a", "b"]);
    // The draft builds to the released content: only the version (and build metadata) differ.
    const draft = await buildWorkspacePack(lists, manifest!, { createdAt: built.createdAt });
    expect(draft.pack?.version).toBe("1.0.1");
    expect(changedSince(built, draft.pack!)).toBe(false);

    // A second draft at the same version is refused, and nothing changes.
    await expect(service.startDraft("p@1.0.0", "1.0.1")).rejects.toThrow(/exists already/);
    expect(JSON.stringify(await repository.get("p", "1.0.0"))).toBe(before);
  });
});
