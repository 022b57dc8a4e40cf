import { assign, fromPromise, setup, spawnChild, stopChild, type DoneActorEvent } from "xstate";
import type { Problem } from "../engine";
import { storageFailureKind, type SeedReport, type WorkspaceLists } from "../platform";

export interface WorkspaceContext {
  lists: WorkspaceLists;
  /** Problems found while loading the shipped seed files (empty after the first start). */
  problems: Problem[];
  /** The dataset simulations run on and the status bar names; null when there is none. */
  activeDatasetId: string | null;
  /** Why opening failed, shown with a Retry button; null unless in `failed`. */
  error: string | null;
  /** Set when storage itself cannot open (another tab blocks the upgrade, or no IndexedDB at all). */
  errorKind: "blocked" | "unavailable" | null;
}

export type WorkspaceEvent =
  | { type: "workspace.retry" }
  | { type: "dataset.activate"; id: string }
  /** The stored lists changed (a save, rename, import here or in another tab): read them again. */
  | { type: "workspace.reload" };

/** A message for any rejection value: IndexedDB rejects with DOMExceptions, code with Errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

/** Actors the composition root must provide; unprovided, they fail and say so. */
function required<T>(name: string) {
  return fromPromise<T>(() =>
    Promise.reject(new Error(`workspaceMachine: provide the "${name}" actor with .provide().`)),
  );
}

const emptyLists: WorkspaceLists = { rules: [], manifests: [], datasets: [] };

/**
 * The workspace lifecycle: open storage, seed the shipped rules and samples when this profile has
 * never had them, read the lists the workbench shows, or fail with a message and wait for a retry.
 * Every effect is an injected actor: `needsSeed`, `seed` and `load`.
 */
export const workspaceMachine = setup({
  types: {} as {
    context: WorkspaceContext;
    events: WorkspaceEvent;
  },
  actors: {
    needsSeed: required<boolean>("needsSeed"),
    seed: required<SeedReport>("seed"),
    load: required<WorkspaceLists>("load"),
  },
  actions: {
    loaded: assign(({ context }, lists: WorkspaceLists) => {
      const keep = lists.datasets.some((d) => d.id === context.activeDatasetId);
      return { lists, activeDatasetId: keep ? context.activeDatasetId : (lists.datasets[0]?.id ?? null) };
    }),
    fail: assign({
      error: (_, params: { error: unknown }) => errorMessage(params.error),
      errorKind: (_, params: { error: unknown }) => storageFailureKind(params.error) ?? null,
    }),
  },
}).createMachine({
  id: "workspace",
  context: { lists: emptyLists, problems: [], activeDatasetId: null, error: null, errorKind: null },
  initial: "opening",
  states: {
    opening: {
      entry: assign({ error: null, errorKind: null }),
      invoke: {
        src: "needsSeed",
        onDone: [{ guard: ({ event }) => event.output, target: "seeding" }, { target: "loading" }],
        onError: {
          target: "failed",
          actions: { type: "fail", params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    seeding: {
      invoke: {
        src: "seed",
        onDone: { target: "loading", actions: assign({ problems: ({ event }) => event.output.problems }) },
        onError: {
          target: "failed",
          actions: { type: "fail", params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    loading: {
      invoke: {
        src: "load",
        onDone: {
          target: "ready",
          actions: { type: "loaded", params: ({ event }) => event.output },
        },
        onError: {
          target: "failed",
          actions: { type: "fail", params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    ready: {
      on: {
        // The lists are read again in a child, so the workbench stays ready (no flash of a loading
        // view); a newer reload replaces one still running. A failed reload keeps the lists shown.
        "workspace.reload": { actions: [stopChild("reload"), spawnChild("load", { id: "reload" })] },
        "xstate.done.actor.reload": {
          actions: {
            type: "loaded",
            params: ({ event }: { event: unknown }) => (event as DoneActorEvent<WorkspaceLists>).output,
          },
        },
        "xstate.error.actor.reload": { actions: () => undefined },
        "dataset.activate": {
          guard: ({ context, event }) => context.lists.datasets.some((d) => d.id === event.id),
          actions: assign({ activeDatasetId: ({ event }) => event.id }),
        },
      },
    },
    failed: {
      on: { "workspace.retry": "opening" },
    },
  },
});
