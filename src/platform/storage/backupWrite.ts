import { strToU8, Zip, ZipDeflate } from "fflate";
import { stringifyValue } from "./backupCodec";
import { CHUNK_ROWS } from "./columnar";
import type { DatasetMeta, StoredRun } from "./records";
import type { WorkspaceRepositories } from "./repositories";

/** What `backup.json` says the file is; a restore refuses anything else. */
export const BACKUP_FORMAT = "channel-rules-workbench/workspace-backup";
/** Raise with a change of the entries below, and teach the restore to read the older versions. */
export const BACKUP_VERSION = 1;

/** `backup.json`: what the zip is and what it holds. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  counts: {
    rules: number;
    manifests: number;
    drafts: number;
    datasets: number;
    records: number;
    releases: number;
    runs: number;
  };
}

/** One dataset of `datasets.json`: its metadata and how many `datasets/<n>/<part>.jsonl` files hold its records. */
export interface BackupDataset {
  meta: DatasetMeta;
  parts: number;
}

/** One run of `runs.json`: the summary the Simulation view lists, and its results. */
export interface BackupRun {
  summary: StoredRun;
  results: unknown;
}

/** The zip entry holding part `part` of dataset number `n` (in `datasets.json` order). */
export const datasetPartName = (n: number, part: number): string => `datasets/${n}/${part}.jsonl`;

/** Records per dataset part file, so no single entry has to be held whole (a million records). */
export const PART_ROWS = CHUNK_ROWS;

/** The backup's file name (commands.md): `workspace-<date>.crw.zip`. */
export function backupFileName(at: Date): string {
  return `workspace-${at.toISOString().slice(0, 10)}.crw.zip`;
}

/**
 * Writes every rule, manifest, draft, dataset, released pack and saved run into one zip, read in
 * one pass and compressed as it goes: datasets go part by part (a chunk's records a file, one
 * record a line), so a million-record dataset never sits in memory as one text. Values are
 * `backupCodec` JSON, so numbers like `-0` and the typed arrays of run results come back exactly.
 */
export async function writeBackup(
  repos: WorkspaceRepositories,
  options: { now?: () => Date; progress?: (done: number, total: number) => void } = {},
): Promise<{ parts: Uint8Array[]; header: BackupHeader }> {
  const now = options.now ?? (() => new Date());
  const out: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, data) => {
    if (error) failures.push(error);
    else out.push(data);
  });
  const add = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };

  const [rules, manifests, drafts, datasets, releases, summaries] = await Promise.all([
    repos.rules.list(),
    repos.manifests.list(),
    repos.drafts.list(),
    repos.datasets.list(),
    repos.releases.list(),
    repos.runs.list(),
  ]);
  const runs: BackupRun[] = [];
  for (const summary of summaries) runs.push({ summary, results: await repos.runs.results(summary.id) });

  const entries: BackupDataset[] = [];
  const records = datasets.reduce((sum, d) => sum + d.rowCount, 0);
  let done = 0;
  for (const [n, meta] of datasets.entries()) {
    let parts = 0;
    for (let start = 0; start < meta.rowCount; start += PART_ROWS) {
      const rows = await repos.datasets.records(meta.id, { start, count: PART_ROWS });
      add(datasetPartName(n, parts++), rows.map((row) => `${stringifyValue(row)}\n`).join(""));
      done += rows.length;
      options.progress?.(done, records);
    }
    entries.push({ meta, parts });
  }
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now().toISOString(),
    counts: {
      rules: rules.length,
      manifests: manifests.length,
      drafts: drafts.length,
      datasets: datasets.length,
      records,
      releases: releases.length,
      runs: runs.length,
    },
  };
  add("backup.json", JSON.stringify(header, null, 2));
  add("rules.json", stringifyValue(rules));
  add("manifests.json", stringifyValue(manifests));
  add("drafts.json", stringifyValue(drafts));
  add("datasets.json", stringifyValue(entries));
  add("releases.json", stringifyValue(releases));
  add("runs.json", stringifyValue(runs));
  zip.end();
  if (failures[0]) throw failures[0];
  return { parts: out, header };
}
