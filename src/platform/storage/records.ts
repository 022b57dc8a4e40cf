import type { LocalizedText } from "../../base";
import type { Manifest, RuleFile } from "../../engine";

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
}

/** A pack manifest in the workspace, keyed by name and version (`dealer-program@1.0.0`). */
export interface StoredManifest {
  id: string;
  file: string;
  text: string;
  manifest: Manifest;
  createdAt: string;
  updatedAt: string;
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
