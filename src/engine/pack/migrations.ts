import type { LocalizedText } from "../../base";
import { err, ok, type Result } from "../../base";
import { cloneJson } from "./json";
import type { FileKind } from "./schemaValidation";

/** One step that rewrites a document of version `from` into version `from + 1`. */
export interface Migration {
  from: number;
  description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

/** The ordered migrations of one file kind, ending at its current version. */
export interface MigrationChain {
  kind: FileKind;
  current: number;
  /** Sorted by `from`; there must be exactly one step for every version below `current` that is supported. */
  migrations: readonly Migration[];
  /** Oldest version the chain can still read. */
  oldest: number;
}

/**
 * The real chains. Version 1 is the first released version of every format, so no step exists yet;
 * a version 2 adds `{ from: 1, ... }` here and bumps `current` (see schemas/README.md, "Versions").
 */
export const migrationChains: Record<FileKind, MigrationChain> = {
  rule: { kind: "rule", current: 1, oldest: 1, migrations: [] },
  manifest: { kind: "manifest", current: 1, oldest: 1, migrations: [] },
  pack: { kind: "pack", current: 1, oldest: 1, migrations: [] },
};

/** Result of bringing a document to the current version. */
export interface Migrated {
  doc: Record<string, unknown>;
  from: number;
  /** Descriptions of the steps that ran, in order. */
  applied: string[];
}

/**
 * Runs every step from `version` up to the chain's current version, in order. Documents from a newer
 * version than this build knows, or older than the chain supports, are refused with a message saying
 * what to do rather than guessed at.
 */
export function migrate(
  chain: MigrationChain,
  doc: Record<string, unknown>,
  version: number,
): Result<Migrated, LocalizedText> {
  if (!Number.isInteger(version) || version < 1) {
    return err({
      en: `Version ${version} of this ${chain.kind} file is not a valid version (expected a whole number from 1).`,
      "zh-CN": `该 ${chain.kind} 文件的版本 ${version} 无效（应为从 1 开始的整数）。`,
    });
  }
  if (version > chain.current) {
    return err({
      en: `This ${chain.kind} file has version ${version}, newer than the ${chain.current} this crw understands; upgrade crw.`,
      "zh-CN": `该 ${chain.kind} 文件的版本为 ${version}，高于本程序支持的 ${chain.current}；请升级 crw。`,
    });
  }
  if (version < chain.oldest) {
    return err({
      en: `Version ${version} ${chain.kind} files are no longer supported (oldest readable: ${chain.oldest}).`,
      "zh-CN": `不再支持版本 ${version} 的 ${chain.kind} 文件（最早可读版本：${chain.oldest}）。`,
    });
  }
  let current = doc;
  const applied: string[] = [];
  for (let v = version; v < chain.current; v++) {
    const step = chain.migrations.find((m) => m.from === v);
    if (!step) {
      return err({
        en: `No migration from ${chain.kind} version ${v} to ${v + 1}; this is a bug in crw, please report it.`,
        "zh-CN": `缺少从 ${chain.kind} 版本 ${v} 到 ${v + 1} 的迁移；这是 crw 的缺陷，请报告。`,
      });
    }
    // Steps get a copy so a failing migration never leaves a half-rewritten caller object behind.
    current = step.up(cloneJson(current));
    applied.push(step.description);
  }
  return ok({ doc: current, from: version, applied });
}

const schemaVersionPatterns: Record<Exclude<FileKind, "pack">, RegExp> = {
  rule: /^(?:urn:channel-rules-workbench:rule:(\d+)|(?:.*\/)?rule\.v(\d+)\.schema\.json)$/,
  manifest: /^(?:urn:channel-rules-workbench:manifest:(\d+)|(?:.*\/)?manifest\.v(\d+)\.schema\.json)$/,
};

/**
 * The version a document declares. Packs carry `formatVersion`; rule files and manifests carry an
 * optional `$schema` (the schema's URN or a path to `rule.vN.schema.json`), version 1 when absent.
 */
export function declaredVersion(kind: FileKind, doc: Record<string, unknown>): Result<number, LocalizedText> {
  if (kind === "pack") {
    const v = doc.formatVersion;
    if (typeof v === "number") return ok(v);
    return err({
      en: `The pack has no numeric "formatVersion"; is this a built pack (crw pack build) rather than a manifest?`,
      "zh-CN": `该规则包缺少数字 "formatVersion"；它是否是构建后的规则包（crw pack build）而不是清单？`,
    });
  }
  const schema = doc.$schema;
  if (schema === undefined) return ok(1);
  const match = typeof schema === "string" ? schemaVersionPatterns[kind].exec(schema) : null;
  if (!match) {
    return err({
      en: `"$schema" ${JSON.stringify(schema)} is not a ${kind} schema; use "urn:channel-rules-workbench:${kind}:1" or remove it.`,
      "zh-CN": `"$schema" ${JSON.stringify(schema)} 不是 ${kind} 的模式；请使用 "urn:channel-rules-workbench:${kind}:1" 或删除它。`,
    });
  }
  return ok(Number(match[1] ?? match[2]));
}
