import type { LocalizedText } from "../../base";
import { normalizeManifest, normalizeRuleFile, parseDocument, type Problem } from "../../engine";
import type { WorkspaceRepositories } from "./repositories";

export type StoredDocumentKind = "rule" | "manifest";

/** A document as an editor opens it: its stored text and the revision that text is. */
export interface LoadedDocument {
  text: string;
  revision: number;
}

export type StoreOutcome =
  | { kind: "saved"; revision: number }
  | { kind: "conflict"; theirs: string; revision: number }
  | { kind: "invalid"; message: LocalizedText };

/**
 * The revision of a stored document: its `updatedAt` in milliseconds. Every save moves it forward by
 * at least one, so two saves never share a revision.
 */
export const revisionOf = (doc: { updatedAt: string }): number => Date.parse(doc.updatedAt);

function firstMessage(problems: readonly Problem[]): LocalizedText {
  const first = problems.find((p) => p.severity === "error") ?? problems[0];
  if (!first) return { en: "The document is not valid.", "zh-CN": "文档无效。" };
  const where = first.line !== undefined ? ` (${first.line}:${first.column ?? 1})` : "";
  return { en: first.message.en + where, "zh-CN": (first.message["zh-CN"] ?? first.message.en) + where };
}

/**
 * Reads and writes rule and manifest documents with optimistic concurrency: a save names the revision
 * it was edited from, and is refused (with the other text) when the stored one has moved on. Text that
 * does not parse or normalise is refused too, so what simulations and pack builds read is always the
 * last valid version.
 */
export function createDocumentStore(repos: WorkspaceRepositories, now: () => Date = () => new Date()) {
  const repo = (kind: StoredDocumentKind) => (kind === "rule" ? repos.rules : repos.manifests);
  return {
    async load(kind: StoredDocumentKind, id: string): Promise<LoadedDocument | undefined> {
      const doc = await repo(kind).get(id);
      return doc && { text: doc.text, revision: revisionOf(doc) };
    },

    async save(
      kind: StoredDocumentKind,
      id: string,
      text: string,
      baseRevision: number,
    ): Promise<StoreOutcome> {
      const stored = await repo(kind).get(id);
      if (stored && revisionOf(stored) !== baseRevision) {
        return { kind: "conflict", theirs: stored.text, revision: revisionOf(stored) };
      }
      const parsed = parseDocument(text);
      if (!parsed.ok) return { kind: "invalid", message: firstMessage(parsed.error) };
      const file = stored?.file ?? `${kind === "rule" ? "rules" : "manifests"}/${id}.${kind}.json`;
      const updated = new Date(
        Math.max(now().getTime(), (stored ? revisionOf(stored) : 0) + 1),
      ).toISOString();
      const createdAt = stored?.createdAt ?? updated;
      if (kind === "rule") {
        const rule = normalizeRuleFile(parsed.value, { file, text });
        if (!rule.ok) return { kind: "invalid", message: firstMessage(rule.error) };
        if (rule.value.id !== id) {
          return {
            kind: "invalid",
            message: {
              en: `The "id" is "${rule.value.id}" but this document is "${id}": use Rules: Rename to change it.`,
              "zh-CN": `"id" 为 "${rule.value.id}"，但此文档是 "${id}"：请用“规则: 重命名”修改。`,
            },
          };
        }
        await repos.rules.put({ id, file, text, rule: rule.value, createdAt, updatedAt: updated });
      } else {
        const manifest = normalizeManifest(parsed.value, { file, text });
        if (!manifest.ok) return { kind: "invalid", message: firstMessage(manifest.error) };
        const named = `${manifest.value.name}@${manifest.value.version}`;
        if (named !== id) {
          return {
            kind: "invalid",
            message: {
              en: `This manifest is "${id}" but its name and version say "${named}": a new version is a new manifest.`,
              "zh-CN": `此清单是 "${id}"，但其名称和版本为 "${named}"：新版本请新建清单。`,
            },
          };
        }
        await repos.manifests.put({
          id,
          file,
          text,
          manifest: manifest.value,
          createdAt,
          updatedAt: updated,
        });
      }
      return { kind: "saved", revision: Date.parse(updated) };
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
