import { strFromU8, unzipSync } from "fflate";
import type { LocalizedText } from "../../base";
import { normalizeManifest, normalizeRuleFile, parseDocument } from "../../engine";
import { parseValue } from "./backupCodec";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  datasetPartName,
  type BackupDataset,
  type BackupHeader,
  type BackupRun,
} from "./backupWrite";
import type { StoredDraft, StoredManifest, StoredRelease, StoredRule } from "./records";
import type { WorkspaceRepositories } from "./repositories";

/** Why a backup cannot be restored: the entry (and line) and what is wrong, in both languages. */
export interface BackupProblem {
  file: string;
  line?: number;
  message: LocalizedText;
}

/** A backup read and checked whole: every entry parsed, every document valid, every record readable. */
export interface CheckedBackup {
  header: BackupHeader;
  rules: StoredRule[];
  manifests: StoredManifest[];
  drafts: StoredDraft[];
  releases: StoredRelease[];
  runs: BackupRun[];
  datasets: BackupDataset[];
  /** Uncompressed bytes of the dataset records, for the quota check. */
  datasetBytes: number;
  /** The records of part `part` of dataset `n`, decompressed again (they are not kept in memory). */
  readPart(n: number, part: number): unknown[];
}

export type BackupCheck = { ok: true; backup: CheckedBackup } | { ok: false; problem: BackupProblem };

class Refusal extends Error {
  constructor(readonly problem: BackupProblem) {
    super(problem.message.en);
  }
}

const refuse = (file: string, en: string, zh: string, line?: number): never => {
  throw new Refusal({ file, ...(line === undefined ? {} : { line }), message: { en, "zh-CN": zh } });
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

function entryText(zip: Uint8Array, name: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, { filter: (file) => file.name === name });
  } catch (error) {
    return refuse(
      name,
      `The entry could not be decompressed (${(error as Error).message}): the file is damaged.`,
      `无法解压该条目（${(error as Error).message}）：文件已损坏。`,
    );
  }
  const bytes = files[name];
  if (!bytes) return refuse(name, "This entry is missing from the backup.", "备份中缺少此条目。");
  try {
    return strFromU8(bytes);
  } catch {
    return refuse(
      name,
      "This entry is not UTF-8 text: the file is damaged.",
      "此条目不是 UTF-8 文本：文件已损坏。",
    );
  }
}

function entryValue(zip: Uint8Array, name: string): unknown {
  const text = entryText(zip, name);
  try {
    return parseValue(text);
  } catch (error) {
    return refuse(
      name,
      `Not valid backup JSON: ${(error as Error).message}.`,
      `不是有效的备份 JSON：${(error as Error).message}。`,
    );
  }
}

function arrayOf<T>(
  zip: Uint8Array,
  name: string,
  check: (item: Record<string, unknown>, i: number) => void,
): T[] {
  const value = entryValue(zip, name);
  if (!Array.isArray(value)) return refuse(name, "Must be a JSON array.", "必须是 JSON 数组。");
  value.forEach((item, i) => {
    if (!isObject(item)) refuse(name, `Item ${i + 1} is not an object.`, `第 ${i + 1} 项不是对象。`);
    else check(item, i);
  });
  return value as T[];
}

function requireStrings(
  name: string,
  item: Record<string, unknown>,
  i: number,
  keys: readonly string[],
): void {
  for (const key of keys) {
    if (!isString(item[key]))
      refuse(name, `Item ${i + 1} has no text "${key}".`, `第 ${i + 1} 项缺少文本字段 "${key}"。`);
  }
}

/** A stored document's text must still normalise to a document with the id it is stored under. */
function checkDocument(
  name: string,
  kind: "rule" | "manifest",
  item: Record<string, unknown>,
  i: number,
): void {
  requireStrings(name, item, i, ["id", "file", "text", "createdAt", "updatedAt"]);
  const source = { file: item.file as string, text: item.text as string };
  const parsed = parseDocument(source.text, source.file);
  const normalized = parsed.ok
    ? kind === "rule"
      ? normalizeRuleFile(parsed.value, source)
      : normalizeManifest(parsed.value, source)
    : parsed;
  if (!normalized.ok) {
    const first = normalized.error[0]?.message ?? { en: "it does not parse", "zh-CN": "无法解析" };
    refuse(
      name,
      `${item.id as string} (${source.file}) is not a valid ${kind}: ${first.en}`,
      `${item.id as string}（${source.file}）不是有效的${kind === "rule" ? "规则" : "清单"}：${first["zh-CN"] ?? first.en}`,
    );
    return;
  }
  const value = normalized.value as { id?: string; name?: string; version?: string };
  const id = kind === "rule" ? value.id : `${value.name}@${value.version}`;
  if (id !== item.id)
    refuse(
      name,
      `${item.id as string} is stored under an id its text does not have (${id}).`,
      `${item.id as string} 的存储编号与其文本中的编号（${id}）不一致。`,
    );
}

function checkHeader(zip: Uint8Array): BackupHeader {
  const name = "backup.json";
  const header = entryValue(zip, name);
  if (!isObject(header) || header.format !== BACKUP_FORMAT)
    refuse(name, "This is not a workspace backup of this workbench.", "这不是本工作台的工作区备份。");
  const version = (header as Record<string, unknown>).version;
  if (typeof version !== "number" || version > BACKUP_VERSION)
    refuse(
      name,
      `The backup is format version ${String(version)}; this workbench reads up to version ${BACKUP_VERSION}. Update the workbench first.`,
      `该备份为格式版本 ${String(version)}；本工作台最高可读版本 ${BACKUP_VERSION}。请先更新工作台。`,
    );
  return header as BackupHeader;
}

function readPart(zip: Uint8Array, n: number, part: number): unknown[] {
  const name = datasetPartName(n, part);
  const lines = entryText(zip, name).split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line, i) => {
    try {
      return parseValue(line);
    } catch (error) {
      return refuse(
        name,
        `Line ${i + 1} is not a record: ${(error as Error).message}.`,
        `第 ${i + 1} 行不是记录：${(error as Error).message}。`,
        i + 1,
      );
    }
  });
}

/**
 * Reads a backup zip and checks all of it before anything is written: the header, every document
 * (its text must normalise as the stored one did), every release and run, and every dataset record
 * line, with the counts the index promises. A damaged or foreign file gives one problem naming the
 * entry (and line); nothing is stored by reading.
 */
export function readBackup(zip: Uint8Array): BackupCheck {
  try {
    const listed = new Map<string, number>();
    try {
      unzipSync(zip, {
        filter: (file) => {
          listed.set(file.name, file.originalSize);
          return false;
        },
      });
    } catch {
      refuse("", "This file is not a zip archive, or it is damaged.", "此文件不是 zip 压缩包，或已损坏。");
    }
    const header = checkHeader(zip);
    const rules = arrayOf<StoredRule>(zip, "rules.json", (item, i) =>
      checkDocument("rules.json", "rule", item, i),
    );
    const manifests = arrayOf<StoredManifest>(zip, "manifests.json", (item, i) =>
      checkDocument("manifests.json", "manifest", item, i),
    );
    const drafts = arrayOf<StoredDraft>(zip, "drafts.json", (item, i) => {
      requireStrings("drafts.json", item, i, ["uri", "id", "text", "updatedAt"]);
      if (item.kind !== "rule" && item.kind !== "manifest")
        refuse("drafts.json", `Item ${i + 1} has an unknown kind.`, `第 ${i + 1} 项的类型未知。`);
    });
    const releases = arrayOf<StoredRelease>(zip, "releases.json", (item, i) => {
      requireStrings("releases.json", item, i, ["id", "name", "version", "integrity", "releasedAt"]);
      if (item.id !== `${item.name as string}@${item.version as string}`)
        refuse(
          "releases.json",
          `Item ${i + 1} is not keyed name@version.`,
          `第 ${i + 1} 项的键不是 名称@版本。`,
        );
    });
    const runs = arrayOf<BackupRun>(zip, "runs.json", (item, i) => {
      const summary = item.summary;
      if (!isObject(summary) || !isString(summary.id) || !isString(summary.createdAt))
        refuse(
          "runs.json",
          `Item ${i + 1} has no run summary (id, createdAt).`,
          `第 ${i + 1} 项缺少运行摘要（id、createdAt）。`,
        );
    });
    const datasets = arrayOf<BackupDataset>(zip, "datasets.json", (item, i) => {
      const meta = item.meta;
      if (!isObject(meta) || !["id", "name", "sourceFile", "createdAt"].every((k) => isString(meta[k])))
        refuse("datasets.json", `Item ${i + 1} has no dataset metadata.`, `第 ${i + 1} 项缺少数据集元数据。`);
      const { rowCount } = meta as { rowCount?: unknown };
      if (
        typeof rowCount !== "number" ||
        !Number.isInteger(rowCount) ||
        rowCount < 0 ||
        !Number.isInteger(item.parts)
      )
        refuse(
          "datasets.json",
          `Item ${i + 1} has no row or part count.`,
          `第 ${i + 1} 项缺少行数或分片数。`,
        );
    });
    let datasetBytes = 0;
    datasets.forEach(({ meta, parts }, n) => {
      let rows = 0;
      for (let part = 0; part < parts; part++) {
        rows += readPart(zip, n, part).length;
        datasetBytes += listed.get(datasetPartName(n, part)) ?? 0;
      }
      if (rows !== meta.rowCount)
        refuse(
          `datasets/${n}/`,
          `Dataset ${meta.name} should have ${meta.rowCount} records but the backup holds ${rows}.`,
          `数据集 ${meta.name} 应有 ${meta.rowCount} 条记录，但备份中只有 ${rows} 条。`,
        );
    });
    return {
      ok: true,
      backup: {
        header,
        rules,
        manifests,
        drafts,
        releases,
        runs,
        datasets,
        datasetBytes,
        readPart: (n, part) => readPart(zip, n, part),
      },
    };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** How much is stored now, per kind. */
export interface RestoreImpact {
  rules: number;
  manifests: number;
  drafts: number;
  datasets: number;
  releases: number;
  runs: number;
}

/** Counts what is stored now. */
export async function restoreImpact(repos: WorkspaceRepositories): Promise<RestoreImpact> {
  const [rules, manifests, drafts, datasets, releases, runs] = await Promise.all([
    repos.rules.list(),
    repos.manifests.list(),
    repos.drafts.list(),
    repos.datasets.list(),
    repos.releases.list(),
    repos.runs.list(),
  ]);
  return {
    rules: rules.length,
    manifests: manifests.length,
    drafts: drafts.length,
    datasets: datasets.length,
    releases: releases.length,
    runs: runs.length,
  };
}
