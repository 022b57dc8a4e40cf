import type { Problem } from "../../engine";
import type { StoredDraft } from "../storage/records";
import type { WorkspaceRepositories } from "../storage/repositories";
import { parseDocumentText } from "./documentText";
import { documentUri, type DocumentRef } from "./documentUri";
import { manifestFileFor, ruleFileFor } from "./paths";
import {
  createStoreContext,
  draftOf,
  revisionOf,
  storedFrom,
  type StoreContext,
  type StoredDocument,
} from "./storeContext";
import type { WorkspaceChannel, WorkspaceListener } from "./workspaceChannel";
import { workspaceEdits, type WorkspaceEdits } from "./workspaceEdits";

/** What a document opens with: the stored version and, when it was being edited, its draft. */
export interface OpenedDocument {
  /** Undefined for a document that is not stored (deleted elsewhere, or never saved). */
  stored?: { text: string; revision: number; file: string; updatedAt: string };
  draft?: StoredDraft;
}

/** The outcome of a save. */
export type SaveResult =
  /** Stored at `revision`; the draft is gone. */
  | { status: "saved"; revision: number; text: string }
  /**
   * Not written: the stored document moved on since `baseRevision` (another tab saved it), or was
   * deleted (`theirs` null). The text is kept as a draft, so the conflict survives a reload.
   */
  | { status: "conflict"; theirs: { text: string; revision: number } | null }
  /**
   * Not written: the text does not parse or is not a valid document. It is kept as a draft marked
   * invalid; the stored (last valid) version stays what simulations and builds read.
   */
  | { status: "invalid"; problems: Problem[]; lastValid?: { revision: number; updatedAt: string } };

/**
 * The effects a document machine is given, over the workspace repositories: drafts written as the
 * user types, saves with optimistic concurrency, and the workspace operations (new, rename,
 * duplicate, delete and restore, include in a manifest, import, export). Every change is one commit
 * and is announced on the workspace channel.
 */
export interface DocumentStore extends WorkspaceEdits {
  open(ref: DocumentRef): Promise<OpenedDocument>;
  /** Every draft: what the workbench reopens after a reload or a killed tab. */
  drafts(): Promise<StoredDraft[]>;
  /**
   * The drafts no living tab is editing: written by this tab, by a tab that is gone (reloaded,
   * closed, killed), or before tabs were recorded. `alive` are the ids of the tabs alive now.
   */
  orphanDrafts(alive: ReadonlySet<string>): Promise<StoredDraft[]>;
  writeDraft(ref: DocumentRef, text: string, baseRevision: number): Promise<void>;
  clearDraft(ref: DocumentRef): Promise<void>;
  save(ref: DocumentRef, text: string, baseRevision: number): Promise<SaveResult>;
  /** Calls `listener` with every change made in this tab or announced by another; returns the unsubscriber. */
  subscribe(listener: WorkspaceListener): () => void;
  /** Stops listening to other tabs. */
  close(): void;
}

/** The file a document is stored in: where it is, or where a new one of its kind goes. */
function fileFor(ref: DocumentRef, stored: StoredDocument | undefined, text: string): string {
  if (stored) return stored.file;
  if (ref.kind === "manifest") {
    const [name = ref.id, version = "0.0.0"] = ref.id.split("@");
    return manifestFileFor(name, version);
  }
  const kind = /"kind"\s*:\s*"(incentive|elimination|loyalty)"/.exec(text)?.[1] ?? "incentive";
  return ruleFileFor(kind as "incentive", ref.id);
}

async function save(
  ctx: StoreContext,
  ref: DocumentRef,
  text: string,
  baseRevision: number,
): Promise<SaveResult> {
  const at = ctx.now();
  const uri = documentUri(ref);
  const current = await ctx.get(ref);
  const file = fileFor(ref, current, text);
  const parsed = parseDocumentText(ref, file, text);
  if (!parsed.ok) {
    await ctx.repos.drafts.put({
      ...draftOf(ref, text, baseRevision, at, ctx.tab),
      invalid: { savedAt: at, problems: parsed.problems },
    });
    const lastValid = current && { revision: revisionOf(current), updatedAt: current.updatedAt };
    return { status: "invalid", problems: parsed.problems, ...(lastValid ? { lastValid } : {}) };
  }
  const revision = baseRevision + 1;
  const result = await ctx.repos.commit([
    storedFrom(parsed, text, file, revision, at, current, baseRevision),
    // Text typed while this save ran stays as a draft: only the draft of what was saved goes.
    { type: "deleteDraft", uri, ifText: text },
  ]);
  if (!result.ok) {
    await ctx.repos.drafts.put(draftOf(ref, text, baseRevision, at, ctx.tab));
    const theirs = result.conflicts[0]?.current;
    return {
      status: "conflict",
      theirs: theirs ? { text: theirs.text, revision: revisionOf(theirs) } : null,
    };
  }
  ctx.announce(
    baseRevision === 0 ? { type: "document.created", uri } : { type: "document.saved", uri, revision, text },
    "save",
  );
  return { status: "saved", revision, text };
}

/** Creates the document store; `channel` links this tab with the others of the same profile. */
export function createDocumentStore(options: {
  repos: WorkspaceRepositories;
  channel?: WorkspaceChannel;
  now?: () => Date;
  /** This tab's id, stamped on its drafts (see tabPresence). */
  tab?: string;
}): DocumentStore {
  const now = options.now ?? (() => new Date());
  const ctx = createStoreContext(options.repos, options.channel, () => now().toISOString(), options.tab);
  const stopListening = options.channel?.subscribe((message) => {
    for (const listener of [...ctx.listeners]) listener(message, "remote");
  });
  return {
    ...workspaceEdits(ctx),
    async open(ref) {
      const [stored, draft] = await Promise.all([ctx.get(ref), ctx.repos.drafts.get(documentUri(ref))]);
      return {
        ...(stored && {
          stored: {
            text: stored.text,
            revision: revisionOf(stored),
            file: stored.file,
            updatedAt: stored.updatedAt,
          },
        }),
        ...(draft && { draft }),
      };
    },
    drafts: () => ctx.repos.drafts.list(),
    orphanDrafts: async (alive) =>
      (await ctx.repos.drafts.list()).filter(
        (d) => d.tab === undefined || d.tab === ctx.tab || !alive.has(d.tab),
      ),
    writeDraft: (ref, text, baseRevision) =>
      ctx.repos.drafts.put(draftOf(ref, text, baseRevision, ctx.now(), ctx.tab)),
    clearDraft: (ref) => ctx.repos.drafts.delete(documentUri(ref)),
    save: (ref, text, baseRevision) => save(ctx, ref, text, baseRevision),
    subscribe(listener) {
      ctx.listeners.add(listener);
      return () => ctx.listeners.delete(listener);
    },
    close() {
      stopListening?.();
      ctx.listeners.clear();
    },
  };
}
