import type { LocalizedText } from "../../base";
import type { Manifest, Problem, RuleFile } from "../../engine";

/** A rule file in the workspace: the normalised document and the text it was read from. */
export interface StoredRule {
  /** The rule's `id`, unique in the workspace. */
  id: string;
  /** Where the rule came from, e.g. `rules/incentive/volume-rebate.rule.json`. */
  file: string;
  /** The source text as authored, kept so an editor shows the author's formatting. */
  text: string;
  rule: RuleFile;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  /**
   * Counts the saves of this document, for optimistic concurrency: a save names the revision it
   * started from and is refused when the stored one moved on. Absent on documents stored before
   * revisions existed, which count as revision 1 (see `revisionOf`).
   */
  revision?: number;
}

/** A pack manifest in the workspace, keyed by name and version (`dealer-program@1.0.0`). */
export interface StoredManifest {
  id: string;
  file: string;
  text: string;
  manifest: Manifest;
  createdAt: string;
  updatedAt: string;
  /** As on {@link StoredRule}. */
  revision?: number;
}

/** The two kinds of document a user edits as text. */
export type DocumentKind = "rule" | "manifest";

/**
 * The unsaved text of a document, written as the user types so that a reload or a killed tab loses
 * nothing. Also holds a saved text that does not parse: the stored document keeps its last valid
 * version (which simulations and builds read) and the draft keeps what the user wrote, marked.
 */
export interface StoredDraft {
  /** `rule:<id>` or `manifest:<id>` (see `documentUri`). */
  uri: string;
  kind: DocumentKind;
  id: string;
  text: string;
  /** Revision of the stored document the text was edited from; 0 for a document never stored. */
  baseRevision: number;
  /** ISO timestamp of the last keystroke written. */
  updatedAt: string;
  /**
   * The tab that wrote it (see tabPresence). A starting tab reopens the drafts of tabs that are no
   * longer alive, never those another open tab is still editing.
   */
  tab?: string;
  /**
   * Set when the user saved this text and it could not be stored because it does not parse or is
   * not a valid document: the problems that stopped it, with file, line and column.
   */
  invalid?: { savedAt: string; problems: Problem[] };
}

/** What the workspace knows about a dataset; its records are stored separately, in order. */
export interface DatasetMeta {
  /** Unique in the workspace, e.g. `distributors-300`. */
  id: string;
  /** Shown in lists. */
  name: string;
  /** What one record is, from the dataset schema's `title` and `x-title-zh-CN`. */
  title?: LocalizedText;
  /** Number of stored records; always equal to what `records()` returns. */
  rowCount: number;
  /** The file the records were read from. */
  sourceFile: string;
  createdAt: string;
  /** JSON Schema of one record, when the dataset came with one (for completion and labels). */
  schema?: unknown;
}

/** One record of a dataset, keyed by `[datasetId, index]` so a dataset reads back in order. */
export interface StoredDatasetRecord {
  datasetId: string;
  /** 0-based position in the dataset. */
  index: number;
  record: unknown;
}

/** Written once the shipped samples have been loaded into this browser profile. */
export interface SeedMarker {
  /** The seed version that ran; a newer build with a higher version adds what is missing. */
  version: number;
  seededAt: string;
}

/**
 * A released pack version: the built pack exactly as `crw pack build` writes it, never changed
 * after it is stored (a new version is a new record). Keyed `name@version`.
 */
export interface StoredRelease {
  id: string;
  name: string;
  version: string;
  /** The pack JSON (`pack-format.md` section 4), integrity included. */
  pack: unknown;
  /** The pack's integrity hash, as in the pack. */
  integrity: string;
  /** Changelog notes the releaser wrote. */
  notes: string;
  releasedAt: string;
  /** `name@version` of the release it was compared with when it was made, if any. */
  diffedAgainst?: string;
  /**
   * The manifest the pack was built from, its version and changelog as released, so `crw pack build`
   * of this text and the stored rules gives the same pack. Absent for imported packs.
   */
  manifest?: { id: string; file: string; text: string };
}

/** A finished simulation run, kept so its report can be reopened and compared. */
export interface StoredRun {
  id: string;
  createdAt: string;
  /** Whatever the simulation part stores of the run (metadata, summaries, results). */
  [field: string]: unknown;
}

/** One destructive action, recorded (who did what to which subject, when). */
export interface AuditEntry {
  id?: number;
  at: string;
  /** e.g. `release.delete`, `workspace.reset`. */
  action: string;
  /** What it was done to, e.g. `dealer-program@1.0.0`. */
  subject: string;
  detail?: unknown;
}
