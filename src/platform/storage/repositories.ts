import type { DatasetMeta, SeedMarker, StoredManifest, StoredRule } from "./records";
import type { MetaKey, MetaValues } from "./schema";

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

/** Everything the workspace stores, behind one object the composition root creates. */
export interface WorkspaceRepositories {
  rules: DocumentRepository<StoredRule>;
  manifests: DocumentRepository<StoredManifest>;
  datasets: DatasetRepository;
  meta: MetaRepository;
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
