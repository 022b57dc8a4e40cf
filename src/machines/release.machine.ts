import { assign, fromPromise, setup } from "xstate";
import type { LocalizedText } from "../base";
import { versionProblem, type BumpSuggestion } from "../platform";
import { errorMessage } from "./workspace.machine";

/** Something that blocks (or, as a warning, qualifies) a release, with where to fix it. */
export interface ReleaseProblem {
  /** `validation` (manifest and rules), `test`, `guardrail`, `dataset`. */
  source: "validation" | "test" | "guardrail" | "dataset";
  code: string;
  message: LocalizedText;
  /** The workspace file to open and the place in it (1-based), when there is one. */
  file?: string;
  line?: number;
  column?: number;
}

/** What checking a manifest for release found. */
export interface ReleaseCheck {
  manifestId: string;
  name: string;
  /** The version the manifest says. */
  manifestVersion: string;
  /** Blocking problems: validation errors, failing tests (guardrails are added by their own step). */
  problems: ReleaseProblem[];
  warnings: ReleaseProblem[];
  tests: { passed: number; failed: number };
  /** Versions of the name released before, newest first. */
  earlier: string[];
  /** The bump the evidence calls for, against the newest earlier release (absent when blocked). */
  suggestion?: BumpSuggestion;
  /** The version the form starts with: the manifest's when it may be released, else the suggested bump. */
  suggestedVersion: string;
  /** The changelog notes the form starts with: the manifest's notes for that version, if any. */
  notes: string;
  /** The reference dataset the guardrails and the suggestion ran on. */
  dataset?: { id: string; name: string; records: number };
}

/** A stored release, as the machine reports it. */
export interface ReleaseOutcome {
  id: string;
  version: string;
  integrity: string;
}

export interface ReleaseContext {
  manifestId: string | null;
  check: ReleaseCheck | null;
  /** Guardrail findings on the reference dataset (blocking). */
  guardrails: ReleaseProblem[];
  version: string;
  notes: string;
  /** Why the version cannot be released now, or null. */
  versionError: { code: "invalid" | "not-greater"; latest?: string } | null;
  released: ReleaseOutcome | null;
  error: string | null;
}

export type ReleaseEvent =
  | { type: "release.start"; manifestId: string }
  | { type: "release.version"; value: string }
  | { type: "release.notes"; value: string }
  | { type: "release.confirm" }
  | { type: "release.recheck" }
  | { type: "release.retry" }
  | { type: "release.cancel" };

/** Actors the composition root must provide; unprovided, they fail and say so. */
function required<T, I>(name: string) {
  return fromPromise<T, I>(() =>
    Promise.reject(new Error(`releaseMachine: provide the "${name}" actor with .provide().`)),
  );
}

const initialContext: ReleaseContext = {
  manifestId: null,
  check: null,
  guardrails: [],
  version: "",
  notes: "",
  versionError: null,
  released: null,
  error: null,
};

/** Every problem that blocks the release (validation, tests, guardrails). */
export function blockingProblems(context: ReleaseContext): ReleaseProblem[] {
  return [...(context.check?.problems ?? []), ...context.guardrails];
}

const versionErrorOf = (version: string, check: ReleaseCheck | null) =>
  versionProblem(version.trim(), check?.earlier ?? []) ?? null;

/** Whether the form may be submitted: a valid, greater version and non-empty notes. */
export function canRelease(context: ReleaseContext): boolean {
  return (
    context.check !== null &&
    blockingProblems(context).length === 0 &&
    versionErrorOf(context.version, context.check) === null &&
    context.notes.trim().length > 0
  );
}

/**
 * The release of a manifest: `validating` checks the manifest and every rule, runs every test and
 * computes the bump suggestion on the reference dataset (`check`), then runs the guardrails on it
 * (`guardrails`); `blocked` lists what stops it; `ready` takes the version (valid semver, greater
 * than every earlier release) and changelog notes; `releasing` builds with `buildPack` and stores
 * the release (`release`); `released` or `failed` (retry). Effects are injected with `.provide`.
 */
export const releaseMachine = setup({
  types: {} as { context: ReleaseContext; events: ReleaseEvent },
  actors: {
    check: required<ReleaseCheck, { manifestId: string }>("check"),
    guardrails: required<ReleaseProblem[], { manifestId: string; check: ReleaseCheck }>("guardrails"),
    release: required<
      ReleaseOutcome,
      { manifestId: string; version: string; notes: string; diffedAgainst?: string }
    >("release"),
  },
  guards: {
    canRelease: ({ context }) => canRelease(context),
    hasBlockingProblems: ({ context }) => blockingProblems(context).length > 0,
  },
  actions: {
    start: assign(({ event }) => ({
      ...initialContext,
      manifestId: event.type === "release.start" ? event.manifestId : null,
    })),
    restart: assign(({ context }) => ({ ...initialContext, manifestId: context.manifestId })),
    fail: assign({ error: (_, params: { error: unknown }) => errorMessage(params.error) }),
  },
}).createMachine({
  id: "release",
  context: initialContext,
  initial: "draft",
  on: {
    "release.version": {
      actions: assign(({ context, event }) => ({
        version: event.value,
        versionError: versionErrorOf(event.value, context.check),
      })),
    },
    "release.notes": { actions: assign({ notes: ({ event }) => event.value }) },
  },
  states: {
    draft: {
      on: { "release.start": { target: "validating", actions: "start" } },
    },
    validating: {
      initial: "checking",
      on: { "release.cancel": { target: "draft", actions: assign(() => initialContext) } },
      states: {
        checking: {
          invoke: {
            src: "check",
            input: ({ context }) => ({ manifestId: context.manifestId ?? "" }),
            onDone: {
              target: "guarding",
              actions: assign(({ event }) => ({
                check: event.output,
                version: event.output.suggestedVersion,
                notes: event.output.notes,
                versionError: versionErrorOf(event.output.suggestedVersion, event.output),
              })),
            },
            onError: {
              target: "#release.failed",
              actions: { type: "fail", params: ({ event }) => ({ error: event.error }) },
            },
          },
        },
        guarding: {
          invoke: {
            src: "guardrails",
            input: ({ context }) => ({ manifestId: context.manifestId ?? "", check: context.check! }),
            onDone: { target: "decided", actions: assign({ guardrails: ({ event }) => event.output }) },
            onError: {
              target: "#release.failed",
              actions: { type: "fail", params: ({ event }) => ({ error: event.error }) },
            },
          },
        },
        decided: {
          always: [
            { guard: "hasBlockingProblems", target: "#release.blocked" },
            { target: "#release.ready" },
          ],
        },
      },
    },
    blocked: {
      on: {
        "release.recheck": { target: "validating", actions: "restart" },
        "release.start": { target: "validating", actions: "start" },
        "release.cancel": { target: "draft", actions: assign(() => initialContext) },
      },
    },
    ready: {
      on: {
        "release.confirm": { guard: "canRelease", target: "releasing" },
        "release.recheck": { target: "validating", actions: "restart" },
        "release.start": { target: "validating", actions: "start" },
        "release.cancel": { target: "draft", actions: assign(() => initialContext) },
      },
    },
    releasing: {
      invoke: {
        src: "release",
        input: ({ context }) => {
          const latest = context.check?.earlier[0];
          return {
            manifestId: context.manifestId ?? "",
            version: context.version.trim(),
            notes: context.notes.trim(),
            ...(latest === undefined ? {} : { diffedAgainst: `${context.check!.name}@${latest}` }),
          };
        },
        onDone: {
          target: "released",
          actions: assign({ released: ({ event }) => event.output, error: null }),
        },
        onError: {
          target: "failed",
          actions: { type: "fail", params: ({ event }) => ({ error: event.error }) },
        },
      },
    },
    released: {
      on: {
        "release.start": { target: "validating", actions: "start" },
        "release.cancel": { target: "draft", actions: assign(() => initialContext) },
      },
    },
    failed: {
      on: {
        // A failed store goes back to the form (the version may have been taken meanwhile); a
        // failed check starts the check again.
        "release.retry": [
          { guard: ({ context }) => context.check === null, target: "validating", actions: "restart" },
          { target: "ready", actions: assign({ error: null }) },
        ],
        "release.start": { target: "validating", actions: "start" },
        "release.cancel": { target: "draft", actions: assign(() => initialContext) },
      },
    },
  },
});
