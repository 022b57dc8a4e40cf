import { assign, enqueueActions, fromPromise, setup } from "xstate";
import type { LocalizedText } from "../base";
import type { Problem } from "../engine";

export type DocumentKind = "rule" | "manifest";

/** What the `save` effect reports. */
export type SaveOutcome =
  | { kind: "saved"; revision: number }
  /** Someone else saved since our base revision: their text and revision, nothing written. */
  | { kind: "conflict"; theirs: string; revision: number }
  /** The text does not parse or is not a valid file: kept as a draft, the stored version untouched. */
  | { kind: "invalid"; message: LocalizedText };

export interface SaveInput {
  kind: DocumentKind;
  id: string;
  text: string;
  /** The stored revision this text was edited from; a save against a newer one is a conflict. */
  baseRevision: number;
}

export interface DocumentInput {
  kind: DocumentKind;
  id: string;
  savedText: string;
  revision: number;
  /** Unsaved text found in the drafts store (a reload or a killed tab): the document opens dirty. */
  draftText?: string;
  autosaveDelay: number;
  /** Where unsaved text goes as it is typed (IndexedDB in the app, a spy in tests). */
  drafts: DraftSink;
}

/** Keeps the unsaved text of one document, so a reload or a killed tab loses nothing. */
export interface DraftSink {
  write(text: string): void;
  clear(): void;
}

export interface DocumentContext {
  kind: DocumentKind;
  id: string;
  text: string;
  /** The text of the stored revision the document is based on. */
  savedText: string;
  revision: number;
  /** The text being written by the running save (edits may continue meanwhile). */
  savingText: string | null;
  problems: Problem[];
  /** The text the problems were computed for. */
  validatedText: string | null;
  /** Why the last save did not land (invalid file, storage error). */
  error: LocalizedText | null;
  /** In a conflict: the other side's text and revision. */
  theirs: { text: string; revision: number } | null;
  /** Milliseconds of quiet after an edit before autosave; 0 turns autosave off. */
  autosaveDelay: number;
  drafts: DraftSink;
}

export type DocumentEvent =
  | { type: "doc.edit"; text: string }
  | { type: "doc.save" }
  | { type: "doc.revert" }
  | { type: "doc.blur" }
  | { type: "doc.external"; text: string; revision: number }
  | { type: "doc.configure"; autosaveDelay: number }
  | { type: "conflict.keepMine" }
  | { type: "conflict.takeTheirs" }
  | { type: "conflict.merge"; text: string };

function required<T, I>(name: string) {
  return fromPromise<T, I>(() =>
    Promise.reject(new Error(`documentMachine: provide the "${name}" actor with .provide().`)),
  );
}

const VALIDATE_DELAY = 250;

/**
 * One open rule or manifest document: edits, validation as you type (debounced, never blocking a
 * keystroke), autosave after a pause and on blur, save at once on Ctrl+S, conflicts with another
 * tab's save, and invalid saves that keep the text without touching what simulations read.
 * Effects are injected: `save` and `validate` as actors, the drafts store through the input.
 */
export const documentMachine = setup({
  types: {} as { context: DocumentContext; events: DocumentEvent; input: DocumentInput },
  actors: {
    save: required<SaveOutcome, SaveInput>("save"),
    validate: required<Problem[], { kind: DocumentKind; id: string; text: string }>("validate"),
  },
  actions: {
    applyEdit: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== "doc.edit") return;
      enqueue.assign({ text: event.text });
      const { drafts } = context;
      const { text } = event;
      enqueue(() => drafts.write(text));
    }),
    keepDraft: ({ context }) => context.drafts.write(context.text),
    forgetDraft: ({ context }) => context.drafts.clear(),
    revert: assign(({ context }) => ({ text: context.savedText, error: null })),
  },
  guards: {
    changed: ({ context }) => context.text !== context.savedText,
    autosaves: ({ context }) => context.autosaveDelay > 0,
  },
  delays: {
    autosave: ({ context }) => context.autosaveDelay,
  },
}).createMachine({
  id: "document",
  context: ({ input }) => ({
    kind: input.kind,
    id: input.id,
    text: input.draftText ?? input.savedText,
    savedText: input.savedText,
    revision: input.revision,
    savingText: null,
    problems: [],
    validatedText: null,
    error: null,
    theirs: null,
    autosaveDelay: input.autosaveDelay,
    drafts: input.drafts,
  }),
  type: "parallel",
  states: {
    lifecycle: {
      initial: "starting",
      on: {
        "doc.configure": { actions: assign({ autosaveDelay: ({ event }) => event.autosaveDelay }) },
      },
      states: {
        starting: { always: [{ guard: "changed", target: "dirty" }, { target: "clean" }] },
        clean: {
          on: {
            "doc.edit": {
              guard: ({ context, event }) => event.text !== context.text,
              target: "dirty",
              actions: "applyEdit",
            },
            "doc.external": {
              actions: assign(({ event }) => ({
                text: event.text,
                savedText: event.text,
                revision: event.revision,
              })),
            },
          },
        },
        dirty: {
          after: { autosave: { guard: "autosaves", target: "saving" } },
          always: {
            guard: ({ context }) => context.text === context.savedText,
            target: "clean",
            actions: "forgetDraft",
          },
          on: {
            "doc.edit": { target: "dirty", reenter: true, actions: "applyEdit" },
            "doc.save": "saving",
            "doc.blur": { guard: "autosaves", target: "saving" },
            "doc.revert": { target: "clean", actions: ["revert", "forgetDraft"] },
            // Another tab saved while we have unsaved edits: our next save will meet their revision.
            "doc.external": {
              actions: assign({ theirs: ({ event }) => ({ text: event.text, revision: event.revision }) }),
            },
          },
        },
        saving: {
          entry: assign({ savingText: ({ context }) => context.text, error: null }),
          invoke: {
            src: "save",
            input: ({ context }) => ({
              kind: context.kind,
              id: context.id,
              text: context.text,
              baseRevision: context.revision,
            }),
            onDone: [
              {
                guard: ({ event }) => event.output.kind === "saved",
                target: "settled",
                actions: assign(({ context, event }) => ({
                  savedText: context.savingText ?? context.text,
                  revision: event.output.kind === "saved" ? event.output.revision : context.revision,
                  savingText: null,
                  theirs: null,
                })),
              },
              {
                guard: ({ event }) => event.output.kind === "conflict",
                target: "conflict",
                actions: assign(({ event }) => ({
                  savingText: null,
                  theirs:
                    event.output.kind === "conflict"
                      ? { text: event.output.theirs, revision: event.output.revision }
                      : null,
                })),
              },
              {
                target: "error",
                actions: assign(({ event }) => ({
                  savingText: null,
                  error: event.output.kind === "invalid" ? event.output.message : null,
                })),
              },
            ],
            onError: {
              target: "error",
              actions: assign(({ event }) => ({
                savingText: null,
                error: { en: String((event.error as Error)?.message ?? event.error) },
              })),
            },
          },
          on: {
            // Typing goes on during a save; the text saved is the one at the start.
            "doc.edit": { actions: "applyEdit" },
          },
        },
        settled: {
          always: [
            { guard: "changed", target: "dirty" },
            { target: "clean", actions: "forgetDraft" },
          ],
        },
        conflict: {
          on: {
            "doc.edit": { actions: "applyEdit" },
            "conflict.keepMine": {
              target: "saving",
              actions: assign(({ context }) => ({ revision: context.theirs?.revision ?? context.revision })),
            },
            "conflict.takeTheirs": {
              target: "clean",
              actions: [
                assign(({ context }) => ({
                  text: context.theirs?.text ?? context.savedText,
                  savedText: context.theirs?.text ?? context.savedText,
                  revision: context.theirs?.revision ?? context.revision,
                  theirs: null,
                })),
                "forgetDraft",
              ],
            },
            "conflict.merge": {
              target: "saving",
              actions: [
                assign(({ context, event }) => ({
                  text: event.text,
                  revision: context.theirs?.revision ?? context.revision,
                })),
                "keepDraft",
              ],
            },
          },
        },
        error: {
          on: {
            "doc.edit": { target: "dirty", actions: "applyEdit" },
            "doc.save": "saving",
            "doc.revert": { target: "clean", actions: ["revert", "forgetDraft"] },
          },
        },
      },
    },
    validation: {
      initial: "pending",
      states: {
        idle: {
          on: {
            "doc.edit": "pending",
            "doc.external": "pending",
            "conflict.takeTheirs": "pending",
            "conflict.merge": "pending",
            "doc.revert": "pending",
          },
        },
        pending: {
          after: { [VALIDATE_DELAY]: "running" },
          on: { "doc.edit": { target: "pending", reenter: true } },
        },
        running: {
          invoke: {
            src: "validate",
            input: ({ context }) => ({ kind: context.kind, id: context.id, text: context.text }),
            onDone: {
              target: "checkFresh",
              actions: assign(({ context, event }) => ({
                problems: event.output,
                validatedText: context.text,
              })),
            },
            onError: { target: "idle" },
          },
          on: { "doc.edit": { target: "pending" } },
        },
        checkFresh: {
          always: [
            { guard: ({ context }) => context.validatedText !== context.text, target: "pending" },
            { target: "idle" },
          ],
        },
      },
    },
  },
});
