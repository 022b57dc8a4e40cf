import { afterEach, describe, expect, it } from "vitest";
import { packFileText } from "../../../src/engine";
import {
  createMemoryReleaseRepository,
  createReleaseChannel,
  isReleaseMessage,
  type ReleaseChannel,
  type WorkspaceLists,
} from "../../../src/platform";
import { createReleaseService } from "../../../src/workbench/services/releases";
import { pack, rule } from "../../platform/releases/packFixtures";

const opened: ReleaseChannel[] = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

/** Two tabs of one profile: one store (IndexedDB), one BroadcastChannel name, a service each. */
function twoTabs(name: string) {
  const repository = createMemoryReleaseRepository();
  const lists = (): WorkspaceLists => ({ rules: [], manifests: [], datasets: [] });
  const tab = () => {
    const channel = createReleaseChannel(name);
    opened.push(channel);
    return createReleaseService({
      repository,
      lists,
      activeDatasetId: () => null,
      records: () => Promise.resolve([]),
      locale: () => "en",
      channel,
    });
  };
  return { a: tab(), b: tab() };
}

/** Resolves when `service` tells its subscribers something changed. */
const changed = (service: { subscribe(l: () => void): () => void }) =>
  new Promise<void>((resolve) => {
    const off = service.subscribe(() => {
      off();
      resolve();
    });
  });

describe("releases across tabs", () => {
  it("a release imported in one tab appears in the other, and so does its deletion", async () => {
    const { a, b } = twoTabs(`test-releases-${Math.random()}`);
    await Promise.all([a.refresh(), b.refresh()]);
    expect(b.list()).toEqual([]);
    const built = await pack("1.0.0", [rule("r", 1)]);
    const seen = changed(b);
    const outcome = await a.importText("p-1.0.0.pack.json", packFileText(built));
    expect(outcome.kind).toBe("imported");
    await seen;
    expect(b.list().map((r) => r.id)).toEqual(["p@1.0.0"]);

    const gone = changed(b);
    expect(await a.delete("p", "1.0.0")).toBe(true);
    await gone;
    expect(b.list()).toEqual([]);
  });

  it("ignores what it does not understand (another build's messages)", () => {
    expect(isReleaseMessage({ type: "release.stored", id: "p@1.0.0" })).toBe(true);
    expect(isReleaseMessage({ type: "release.stored" })).toBe(false);
    expect(isReleaseMessage({ type: "document.saved", id: "x" })).toBe(false);
    expect(isReleaseMessage(null)).toBe(false);
  });
});
