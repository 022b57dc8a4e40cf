import { applyEdits, modify, type JSONPath } from "jsonc-parser";
import {
  normalizeManifest,
  normalizeRuleFile,
  parseDocument,
  problemAt,
  type Manifest,
  type Problem,
  type RuleFile,
  type RuleKind,
} from "../../engine";
import type { DocumentRef } from "./documentUri";

/** A rule or manifest text read into the document it holds, or the problems that stop it. */
export type ParsedDocument =
  | { ok: true; kind: "rule"; id: string; rule: RuleFile }
  | { ok: true; kind: "manifest"; id: string; manifest: Manifest }
  | { ok: false; problems: Problem[] };

/** The id a manifest is stored under: its name and version. */
export const manifestId = (m: Pick<Manifest, "name" | "version">) => `${m.name}@${m.version}`;

/**
 * Parses and normalises the text of a document through the engine's normalisers. Only errors stop
 * it (warnings such as lint findings never keep a text from being saved). The text must still be
 * the document `ref` names: the id (a manifest's name and version) is changed by renaming, not by
 * editing it, so other documents that name it are updated with it.
 */
export function parseDocumentText(ref: DocumentRef, file: string, text: string): ParsedDocument {
  const source = { file, text };
  const parsed = parseDocument(text, file);
  if (!parsed.ok) return { ok: false, problems: parsed.error };
  if (ref.kind === "rule") {
    const normalized = normalizeRuleFile(parsed.value, source);
    if (!normalized.ok) return { ok: false, problems: normalized.error };
    if (normalized.value.id !== ref.id) {
      return {
        ok: false,
        problems: [
          problemAt(source, "document/id-changed", "/id", {
            en: `The id is "${normalized.value.id}" but this rule is "${ref.id}"; change an id with Rules: Rename, which also updates the manifests that include the rule.`,
            "zh-CN": `编号为 "${normalized.value.id}"，但此规则是 "${ref.id}"；请用“规则: 重命名”修改编号，它会同时更新包含该规则的清单。`,
          }),
        ],
      };
    }
    return { ok: true, kind: "rule", id: ref.id, rule: normalized.value };
  }
  const normalized = normalizeManifest(parsed.value, source);
  if (!normalized.ok) return { ok: false, problems: normalized.error };
  const id = manifestId(normalized.value);
  if (id !== ref.id) {
    return {
      ok: false,
      problems: [
        problemAt(source, "document/id-changed", "/version", {
          en: `The name and version make "${id}" but this manifest is "${ref.id}"; start a new version with Pack: New Manifest.`,
          "zh-CN": `名称和版本组成 "${id}"，但此清单是 "${ref.id}"；新版本请用“规则包: 新建清单”创建。`,
        }),
      ],
    };
  }
  return { ok: true, kind: "manifest", id, manifest: normalized.value };
}

/** Indentation of a JSON text (the first indented line's), so edits keep the author's style. */
function formatting(text: string) {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  return {
    insertSpaces: !indent.includes("\t"),
    tabSize: indent.includes("\t") ? 1 : indent.length,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

/** Sets one member of a JSON text, keeping the rest of the text (formatting, order) as it is. */
export function setJsonMember(text: string, path: JSONPath, value: unknown): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: formatting(text) }));
}

/** Appends a value to an array member of a JSON text, keeping the rest of the text as it is. */
export function appendJsonItem(text: string, path: JSONPath, length: number, value: unknown): string {
  const edits = modify(text, [...path, length], value, {
    formattingOptions: formatting(text),
    isArrayInsertion: true,
  });
  return applyEdits(text, edits);
}

/** The text of a new rule: valid, with one passing test, ready to be shaped in the editor. */
export function newRuleText(kind: RuleKind, id: string): string {
  const rule = {
    id,
    kind,
    version: "0.1.0",
    title: { en: id, "zh-CN": id },
    output: { type: "number", decimals: 2 },
    logic: { "*": [{ var: ["sales.net_ytd", 0] }, 0.01] },
    tests: [{ name: "1% of net sales", data: { sales: { net_ytd: 1000 } }, expect: 10 }],
  };
  return JSON.stringify(rule, null, 2) + "\n";
}

/**
 * The dataset a new manifest releases against until the user names another: the shipped sample,
 * which every workspace has (and gets back with Workspace: Reset to Samples), so a new manifest's
 * first release is not blocked on a field the user has not heard of yet.
 */
const DEFAULT_REFERENCE_DATASET = "distributors-300";

/** The text of a new manifest with no rules yet. */
export function newManifestText(name: string, version: string): string {
  const manifest = {
    $schema: "../../src/engine/pack/schemas/manifest.v1.schema.json",
    name,
    title: { en: name, "zh-CN": name },
    version,
    params: {},
    population: [],
    rules: [],
    changelog: [],
    "x-reference-dataset": DEFAULT_REFERENCE_DATASET,
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}
