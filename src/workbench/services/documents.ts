import { createActor, fromPromise } from "xstate";
import type { Problem } from "../../engine";
import {
  documentMachine,
  type DocumentKind,
  type DraftSink,
  type SaveInput,
  type SaveOutcome,
} from "../../machines";
import type { DocumentActor, DocumentService } from "./services";

/** The effects documents need, supplied by the composition root (IndexedDB there, fakes in tests). */
export interface DocumentEffects {
  load(kind: DocumentKind, id: string): Promise<{ text: string; revision: number } | undefined>;
  loadDraft(kind: DocumentKind, id: string): Promise<string | undefined>;
  drafts(kind: DocumentKind, id: string): DraftSink;
  save(input: SaveInput): Promise<SaveOutcome>;
  validate(input: { kind: DocumentKind; id: string; text: string }): Promise<Problem[]>;
  autosaveDelay(): number;
}

const keyOf = (kind: DocumentKind, id: string) => `${kind}:${id}`;

/** Creates the document service: one document actor per open rule or manifest. */
export function createDocumentService(effects: DocumentEffects): DocumentService {
  const actors = new Map<string, DocumentActor>();
  const opening = new Map<string, Promise<DocumentActor>>();
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = () => {
    version++;
    for (const listener of [...listeners]) listener();
  };
  const machine = documentMachine.provide({
    actors: {
      save: fromPromise<SaveOutcome, SaveInput>(({ input }) => effects.save(input)),
      validate: fromPromise<Problem[], { kind: DocumentKind; id: string; text: string }>(({ input }) =>
        effects.validate(input),
      ),
    },
  });

  async function create(kind: DocumentKind, id: string): Promise<DocumentActor> {
    const [stored, draft] = await Promise.all([effects.load(kind, id), effects.loadDraft(kind, id)]);
    if (!stored) throw new Error(`There is no ${kind} "${id}" in the workspace.`);
    const input = {
      kind,
      id,
      savedText: stored.text,
      revision: stored.revision,
      autosaveDelay: effects.autosaveDelay(),
      drafts: effects.drafts(kind, id),
      ...(draft !== undefined && draft !== stored.text ? { draftText: draft } : {}),
    };
    const actor = createActor(machine, { input }).start();
    actors.set(keyOf(kind, id), actor);
    actor.subscribe(() => changed());
    changed();
    return actor;
  }

  return {
    open(kind, id) {
      const key = keyOf(kind, id);
      const existing = actors.get(key);
      if (existing) return Promise.resolve(existing);
      let pending = opening.get(key);
      if (!pending) {
        pending = create(kind, id).finally(() => opening.delete(key));
        opening.set(key, pending);
      }
      return pending;
    },
    get: (kind, id) => actors.get(keyOf(kind, id)),
    all: () => [...actors.values()],
    release(kind, id) {
      const key = keyOf(kind, id);
      const actor = actors.get(key);
      if (!actor) return;
      const snapshot = actor.getSnapshot();
      // A document with unsaved text stays open (its draft is stored too) until it is saved.
      if (!snapshot.matches({ lifecycle: "clean" })) return;
      actor.stop();
      actors.delete(key);
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => version,
  };
}
