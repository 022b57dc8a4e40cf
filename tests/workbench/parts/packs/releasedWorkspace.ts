import "fake-indexeddb/auto";
import { createActor, fromPromise, waitFor } from "xstate";
import { workspaceMachine } from "../../../../src/machines";
import {
  buildWorkspacePack,
  createIndexedDbRepositories,
  readWorkspaceLists,
  releaseId,
  seedWorkspace,
  type StoredRelease,
} from "../../../../src/platform";
import { createSimulationHost } from "../../../../src/workbench/bootstrap/simulationWiring";
import { diskSeedBundle } from "../../../platform/seed/seedFiles";

/**
 * The seeded workspace in a fresh fake IndexedDB with dealer-program 1.0.0 released, and the
 * simulation host over it (Node has no Worker: the host runs the inline service on the same store).
 */
export async function releasedWorkspace(name: string) {
  const repos = createIndexedDbRepositories(`${name}-${Math.random()}`);
  await seedWorkspace(repos, () => Promise.resolve(diskSeedBundle()));
  const lists = await readWorkspaceLists(repos);
  const manifest = lists.manifests.find((m) => m.id === "dealer-program@1.0.0")!;
  const built = await buildWorkspacePack(lists, manifest, { createdAt: "2026-12-01T10:00:00.000Z" });
  const release: StoredRelease = {
    id: releaseId("dealer-program", "1.0.0"),
    name: "dealer-program",
    version: "1.0.0",
    pack: built.pack,
    integrity: built.pack!.integrity,
    notes: "n",
    releasedAt: "2026-12-01T10:00:00.000Z",
  };
  await repos.releases.put(release);
  const workspace = createActor(
    workspaceMachine.provide({
      actors: {
        needsSeed: fromPromise(() => Promise.resolve(false)),
        seed: fromPromise(() => Promise.reject(new Error("no"))),
        load: fromPromise(() => readWorkspaceLists(repos)),
      },
    }),
  ).start();
  await waitFor(workspace, (s) => s.context.lists.manifests.length > 0);
  const host = createSimulationHost(repos, workspace, { databaseName: "unused", ended: () => undefined });
  return { host, release };
}
