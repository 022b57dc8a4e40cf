import type {
  DatasetMeta,
  DocumentKind,
  SeedMarker,
  StoredDraft,
  StoredManifest,
  StoredRule,
} from "./records";
import type { MetaKey, MetaValues } from "./schema";
import type { ReleaseRepository } from "./releaseRepository";
import type { RunRepository } from "./runRepository";

/** A store of documents keyed by `id` (rules, manifests). Values read out are copies. */
export interface DocumentRepository<T extends { id: string }> {
  /** Every document, ordered by id. */
  list(): Promise<T[]>;
  get(id: string): Promise<T | undefined>;
  /** Adds or replaces the document with this id. */
  put(doc: T): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Adds, in one transaction, the documents whose id is not stored yet; stored ones are left exactly
   * as they are. Returns the ids added, in the order given (a repeated id is added once).
   */
  addMissing(docs: readonly T[]): Promise<string[]>;
}

/** Datasets: metadata plus records that always land, and go, together. */
export interface DatasetRepository {
  /** Every dataset's metadata, ordered by id. */
  list(): Promise<DatasetMeta[]>;
  get(id: string): Promise<DatasetMeta | undefined>;
  /**
   * Stores the metadata and every record in one transaction, so either all of it lands or none of
   * it does. `rowCount` is the number of records. Does nothing and returns false when a dataset with
   * this id exists already.
   */
  create(meta: Omit<DatasetMeta, "rowCount">, records: readonly unknown[]): Promise<boolean>;
  /** The dataset's records in order; with `range`, `count` records from position `start`. */
  records(id: string, range?: { start: number; count: number }): Promise<unknown[]>;
  /** Removes the metadata and every record, in one transaction. */
  delete(id: string): Promise<void>;
}

/** Workspace-wide bookkeeping. */
export interface MetaRepository {
  getSeedMarker(): Promise<SeedMarker | undefined>;
  setSeedMarker(marker: SeedMarker): Promise<void>;
  /** A workspace-wide value (settings, editor layout, recent commands); undefined when never set. */
  getValue<K extends Exclude<MetaKey, "seed">>(key: K): Promise<MetaValues[K] | undefined>;
  setValue<K extends Exclude<MetaKey, "seed">>(key: K, value: MetaValues[K]): Promise<void>;
}

/** Unsaved texts, keyed by document uri. Values read out are copies. */
export interface DraftRepository {
  /** Every draft, ordered by uri. */
  list(): Promise<StoredDraft[]>;
  get(uri: string): Promise<StoredDraft | undefined>;
  put(draft: StoredDraft): Promise<void>;
  delete(uri: string): Promise<void>;
}

/** The revision a stored document is at; documents stored before revisions existed are at 1. */
export function revisionOf(doc: { revision?: number } | undefined): number {
  return doc === undefined ? 0 : (doc.revision ?? 1);
}

/**
 * One change of a {@link WorkspaceRepositories.commit}. `ifRevision` makes a document change
 * conditional: the stored document must be at that revision (0: there must be none).
 */
export type DocumentChange =
  | { type: "put"; kind: "rule"; doc: StoredRule; ifRevision?: number }
  | { type: "put"; kind: "manifest"; doc: StoredManifest; ifRevision?: number }
  | { type: "delete"; kind: DocumentKind; id: string; ifRevision?: number }
  | { type: "putDraft"; draft: StoredDraft }
  /** With `ifText`, only a draft holding exactly that text goes (one typed since then stays). */
  | { type: "deleteDraft"; uri: string; ifText?: string };

/** A condition of a commit that did not hold: what is stored instead (undefined: nothing). */
export interface RevisionConflict {
  kind: DocumentKind;
  id: string;
  expected: number;
  current: StoredRule | StoredManifest | undefined;
}

export type CommitResult = { ok: true } | { ok: false; conflicts: RevisionConflict[] };

/** Everything the workspace stores, behind one object the composition root creates. */
export interface WorkspaceRepositories {
  rules: DocumentRepository<StoredRule>;
  manifests: DocumentRepository<StoredManifest>;
  datasets: DatasetRepository;
  meta: MetaRepository;
  drafts: DraftRepository;
  /** Released pack versions (immutable) and the audit log of their deletion. */
  releases: ReleaseRepository;
  /** Simulation runs (summaries and results), see runRepository.ts. */
  runs: RunRepository;
  /**
   * Applies every change in one transaction when every `ifRevision` holds, and none of them
   * otherwise (then the conflicts say what is stored). A value that cannot be stored rejects and
   * leaves everything unchanged. Saves, renames (document, manifests naming it, its draft) and
   * deletes go through here so another tab never sees half of one.
   */
  commit(changes: readonly DocumentChange[]): Promise<CommitResult>;
  /** Releases the underlying connection; later calls open it again. */
  close(): Promise<void>;
}

/** The lists the workbench shows, read together. */
export interface WorkspaceLists {
  rules: StoredRule[];
  manifests: StoredManifest[];
  datasets: DatasetMeta[];
}

/** Reads the rule, manifest and dataset lists. */
export async function readWorkspaceLists(repos: WorkspaceRepositories): Promise<WorkspaceLists> {
  const [rules, manifests, datasets] = await Promise.all([
    repos.rules.list(),
    repos.manifests.list(),
    repos.datasets.list(),
  ]);
  return { rules, manifests, datasets };
}
