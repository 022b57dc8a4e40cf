import { normalizeManifest, parseDocument, validateRuleText, type Problem } from "../../engine";
import type { LocalizedText } from "../../base";
import type { DocumentKind, SaveOutcome } from "../../machines";
import type { DocumentStore, SaveResult } from "../../platform";
import type { DocumentEffects } from "../services";

/**
 * Problems of a document as it is typed: the rule validator and lint for rules (every problem at
 * once, with positions), and for manifests the syntax and the manifest's own checks.
 */
export function validateDocument(kind: DocumentKind, id: string, text: string): Problem[] {
  if (kind === "rule") return validateRuleText(text, { file: id });
  const parsed = parseDocument(text, id);
  if (!parsed.ok) return parsed.error;
  const manifest = normalizeManifest(parsed.value, { file: id, text });
  return manifest.ok ? [] : manifest.error;
}

/** The first error of a refused save, with where it is, as the editor's error line shows it. */
function firstMessage(problems: readonly Problem[]): LocalizedText {
  const first = problems.find((p) => p.severity === "error") ?? problems[0];
  if (!first) return { en: "The document is not valid.", "zh-CN": "文档无效。" };
  const where = first.line !== undefined ? ` (${first.line}:${first.column ?? 1})` : "";
  return { en: first.message.en + where, "zh-CN": (first.message["zh-CN"] ?? first.message.en) + where };
}

/** The document machine's view of a save. */
export function saveOutcome(result: SaveResult): SaveOutcome {
  switch (result.status) {
    case "saved":
      return { kind: "saved", revision: result.revision };
    case "conflict":
      // Deleted in another tab: an empty "theirs"; Keep mine saves from revision 0, which restores it.
      return { kind: "conflict", theirs: result.theirs?.text ?? "", revision: result.theirs?.revision ?? 0 };
    case "invalid":
      return { kind: "invalid", message: firstMessage(result.problems) };
  }
}

/**
 * The document effects over the workspace's document store (IndexedDB drafts, optimistic
 * concurrency). `revision` reads the revision an open document is at, so each draft written as the
 * user types names the version it was edited from: a draft older than the stored version reopens
 * after a reload as a conflict instead of silently replacing the other tab's save.
 */
export function documentEffects(
  store: DocumentStore,
  autosaveDelay: () => number,
  revision: (kind: DocumentKind, id: string) => number | undefined,
  onError: (error: unknown) => void,
): DocumentEffects {
  return {
    async load(kind, id) {
      const { stored, draft } = await store.open({ kind, id });
      if (!stored) return undefined;
      const diverged = draft !== undefined && draft.text !== stored.text;
      return { text: stored.text, revision: diverged ? draft.baseRevision : stored.revision };
    },
    loadDraft: async (kind, id) => (await store.open({ kind, id })).draft?.text,
    drafts: (kind, id) => ({
      write: (text) => void store.writeDraft({ kind, id }, text, revision(kind, id) ?? 0).catch(onError),
      clear: () => void store.clearDraft({ kind, id }).catch(onError),
    }),
    save: async ({ kind, id, text, baseRevision }) =>
      saveOutcome(await store.save({ kind, id }, text, baseRevision)),
    // Validation runs after a pause in typing; yielding first keeps a burst of keystrokes responsive.
    validate: async ({ kind, id, text }) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return validateDocument(kind, id, text);
    },
    autosaveDelay,
  };
}
