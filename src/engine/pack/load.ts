import type { Problem } from "../problem";
import type { NodeLocator } from "./graph";
import { declaredGuardrails, guardrailProblems } from "./guardrails";
import { problemAt, type SourceRef } from "./located";
import type { Manifest, Pack, PackContent, RuleFile } from "./model";
import { normalizeManifest, normalizePack, normalizeRuleFile, parseDocument } from "./normalize";

/** A file's name and text as the host read it. */
export interface LoadedFile {
  file: string;
  text: string;
}

/** Reads a rule file named in a manifest; the host resolves the path relative to the manifest. */
export type RuleLoader = (path: string) => Promise<LoadedFile | { error: string }>;

/** A manifest with its rule files resolved, with where every part came from. */
export interface LoadedManifest {
  manifest?: Manifest;
  content?: PackContent;
  /** Source of each rule, parallel to `content.rules`. */
  ruleSources: LoadedFile[];
  problems: Problem[];
  locate: NodeLocator;
}

/** Parses and normalises one rule file from its text. */
export function loadRuleFile(file: LoadedFile): { rule?: RuleFile; problems: Problem[] } {
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) return { problems: parsed.error };
  const normalized = normalizeRuleFile(parsed.value, file);
  return normalized.ok ? { rule: normalized.value, problems: [] } : { problems: normalized.error };
}

/**
 * Loads a manifest and every rule file it lists, normalising each. Problems from all files are
 * collected together; `content` is present only when all of them loaded without errors.
 */
export async function loadManifest(file: LoadedFile, loadRule: RuleLoader): Promise<LoadedManifest> {
  const ruleSources: LoadedFile[] = [];
  const locate: NodeLocator = (node, pointer, code, message, severity) =>
    node.kind === "rule"
      ? problemAt(ruleSources[node.index], code, pointer, message, severity)
      : problemAt(file, code, `/population/${node.index}${pointer}`, message, severity);
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) return { ruleSources, problems: parsed.error, locate };
  const normalized = normalizeManifest(parsed.value, file);
  if (!normalized.ok) return { ruleSources, problems: normalized.error, locate };
  const manifest = normalized.value;
  const problems: Problem[] = [];
  const rules: RuleFile[] = [];
  for (const [i, path] of manifest.rules.entries()) {
    const loaded = await loadRule(path);
    if ("error" in loaded) {
      problems.push(
        problemAt(file, "manifest/rule-unreadable", `/rules/${i}`, {
          en: `Cannot read rule file "${path}": ${loaded.error}; fix the path (it is relative to the manifest).`,
          "zh-CN": `无法读取规则文件 "${path}"：${loaded.error}；请修正路径（相对于清单文件）。`,
        }),
      );
      continue;
    }
    const { rule, problems: ruleProblems } = loadRuleFile(loaded);
    problems.push(...ruleProblems);
    if (rule) {
      ruleSources.push(loaded);
      rules.push(rule);
    }
  }
  if (problems.length > 0) return { manifest, ruleSources, problems, locate };
  const content = { params: manifest.params, population: manifest.population, rules };
  // Guardrails name outputs and parameters of this pack; a wrong name is an error of the manifest.
  for (const p of guardrailProblems(declaredGuardrails(manifest), content))
    problems.push(problemAt(file, p.code, p.pointer, p.message));
  if (problems.length > 0) return { manifest, ruleSources, problems, locate };
  return { manifest, content, ruleSources, problems, locate };
}

/** Parses and normalises a built pack; `raw` is the document as read, which integrity covers. */
export function loadPack(file: LoadedFile): {
  pack?: Pack;
  raw?: Record<string, unknown>;
  problems: Problem[];
  locate: NodeLocator;
} {
  const source: SourceRef = file;
  const locate: NodeLocator = (node, pointer, code, message, severity) =>
    problemAt(
      source,
      code,
      `/${node.kind === "rule" ? "rules" : "population"}/${node.index}${pointer}`,
      message,
      severity,
    );
  const parsed = parseDocument(file.text, file.file);
  if (!parsed.ok) return { problems: parsed.error, locate };
  const normalized = normalizePack(parsed.value, file);
  if (!normalized.ok) return { problems: normalized.error, locate };
  return { pack: normalized.value, raw: parsed.value as Record<string, unknown>, problems: [], locate };
}
