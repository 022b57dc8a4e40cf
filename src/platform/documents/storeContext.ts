import type { DocumentKind, StoredDraft, StoredManifest, StoredRule } from "../storage/records";
import { revisionOf, type DocumentChange, type WorkspaceRepositories } from "../storage/repositories";
import type { ParsedDocument } from "./documentText";
import { documentUri, type DocumentRef } from "./documentUri";
import type {
  MessageOrigin,
  WorkspaceChannel,
  WorkspaceListener,
  WorkspaceMessage,
} from "./workspaceChannel";

/** A stored rule or manifest. */
export type StoredDocument = StoredRule | StoredManifest;

/** What the document operations share: storage, the channel, the clock and the local listeners. */
export interface StoreContext {
  repos: WorkspaceRepositories;
  /** This tab's id, stamped on the drafts it writes. */
  tab?: string;
  now: () => string;
  get(ref: DocumentRef): Promise<StoredDocument | undefined>;
  /** Tells the listeners of this tab and, unless the change was a document's own save, the other tabs. */
  announce(message: WorkspaceMessage, origin: Exclude<MessageOrigin, "remote">): void;
  listeners: Set<WorkspaceListener>;
}

export function createStoreContext(
  repos: WorkspaceRepositories,
  channel: WorkspaceChannel | undefined,
  now: () => string,
  tab?: string,
): StoreContext {
  const listeners = new Set<WorkspaceListener>();
  return {
    repos,
    ...(tab === undefined ? {} : { tab }),
    now,
    listeners,
    get: (ref) => (ref.kind === "rule" ? repos.rules.get(ref.id) : repos.manifests.get(ref.id)),
    announce(message, origin) {
      channel?.post(message);
      for (const listener of [...listeners]) listener(message, origin);
    },
  };
}

/** The conditional put of a parsed text: same creation time as before, the given revision. */
export function storedFrom(
  parsed: Extract<ParsedDocument, { ok: true }>,
  text: string,
  file: string,
  revision: number,
  at: string,
  previous: StoredDocument | undefined,
  ifRevision: number,
): DocumentChange {
  const base = { id: parsed.id, file, text, createdAt: previous?.createdAt ?? at, updatedAt: at, revision };
  return parsed.kind === "rule"
    ? { type: "put", kind: "rule", doc: { ...base, rule: parsed.rule }, ifRevision }
    : { type: "put", kind: "manifest", doc: { ...base, manifest: parsed.manifest }, ifRevision };
}

/** A put of a stored document as it is (restore, rename), typed by its kind. */
export function putDocument(kind: DocumentKind, doc: StoredDocument, ifRevision?: number): DocumentChange {
  const condition = ifRevision === undefined ? {} : { ifRevision };
  return kind === "rule"
    ? { type: "put", kind, doc: doc as StoredRule, ...condition }
    : { type: "put", kind, doc: doc as StoredManifest, ...condition };
}

/** A draft of `text` edited from `baseRevision`, by tab `tab`. */
export function draftOf(
  ref: DocumentRef,
  text: string,
  baseRevision: number,
  at: string,
  tab?: string,
): StoredDraft {
  const draft: StoredDraft = {
    uri: documentUri(ref),
    kind: ref.kind,
    id: ref.id,
    text,
    baseRevision,
    updatedAt: at,
  };
  return tab === undefined ? draft : { ...draft, tab };
}

export { revisionOf };
