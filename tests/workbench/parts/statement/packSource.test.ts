/**
 * What Explain Record and Sweep send the statement worker for a pack reference: a draft's manifest
 * with the stored rules, or a released version's pack JSON, read again from storage when the
 * releases last read do not have it; a reference to nothing says which.
 */
import { describe, expect, it } from "vitest";
import { packSource, UnresolvedPack } from "../../../../src/workbench/parts/statement/statementClient";
import type { WorkbenchServices } from "../../../../src/workbench/services";

const pack = { format: "channel-rule-pack", name: "p", version: "1.0.0", integrity: "sha256-x" };

function services(stored: { id: string; pack: unknown }[], readLater: { id: string; pack: unknown }[] = []) {
  let list = stored;
  let refreshed = 0;
  const s = {
    releases: {
      list: () => list,
      refresh: () => {
        refreshed++;
        list = [...stored, ...readLater];
        return Promise.resolve();
      },
    },
    workspace: {
      getSnapshot: () => ({
        context: {
          lists: {
            manifests: [{ id: "p@1.1.0", file: "m/p.manifest.json", text: "{}" }],
            rules: [{ file: "r/a.rule.json", text: "{}" }],
          },
        },
      }),
    },
  };
  return { s: s as unknown as WorkbenchServices, refreshed: () => refreshed };
}

describe("packSource", () => {
  it("a draft: its manifest and every stored rule", async () => {
    const { s } = services([]);
    expect(await packSource(s, "p@1.1.0")).toEqual({
      manifest: { file: "m/p.manifest.json", text: "{}" },
      rules: [{ file: "r/a.rule.json", text: "{}" }],
    });
  });

  it("a released version: its pack JSON, with no second read when it is listed", async () => {
    const { s, refreshed } = services([{ id: "p@1.0.0", pack }]);
    expect(await packSource(s, "release:p@1.0.0")).toEqual({
      ref: "release:p@1.0.0",
      release: { file: "p@1.0.0.pack.json", text: JSON.stringify(pack) },
    });
    expect(refreshed()).toBe(0);
  });

  it("a release stored since the list was read is found after reading it again; none is UnresolvedPack", async () => {
    const later = services([], [{ id: "p@1.0.0", pack }]);
    expect(await packSource(later.s, "release:p@1.0.0")).toMatchObject({ ref: "release:p@1.0.0" });
    expect(later.refreshed()).toBe(1);
    const none = services([]);
    await expect(packSource(none.s, "release:q@9.9.9")).rejects.toMatchObject({
      key: "releaseUnavailable",
      ref: "release:q@9.9.9",
    });
    await expect(packSource(none.s, "q@9.9.9")).rejects.toBeInstanceOf(UnresolvedPack);
  });
});
