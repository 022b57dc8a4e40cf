import { normalizeManifest, parseDocument, validateRuleText, type Problem } from "../../engine";
import type { DocumentKind } from "../../machines";
import type { DocumentStore } from "../../platform";
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

/** A drafts store that keeps unsaved text for as long as the page lives. */
export interface DraftStore {
  read(kind: DocumentKind, id: string): Promise<string | undefined>;
  write(kind: DocumentKind, id: string, text: string): void;
  clear(kind: DocumentKind, id: string): void;
}

/** The document effects over the workspace's document store and a drafts store. */
export function documentEffects(
  store: DocumentStore,
  drafts: DraftStore,
  autosaveDelay: () => number,
): DocumentEffects {
  return {
    load: (kind, id) => store.load(kind, id),
    loadDraft: (kind, id) => drafts.read(kind, id),
    drafts: (kind, id) => ({
      write: (text) => drafts.write(kind, id, text),
      clear: () => drafts.clear(kind, id),
    }),
    save: ({ kind, id, text, baseRevision }) => store.save(kind, id, text, baseRevision),
    // Validation runs after a pause in typing; yielding first keeps a burst of keystrokes responsive.
    validate: async ({ kind, id, text }) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return validateDocument(kind, id, text);
    },
    autosaveDelay,
  };
}

/** Drafts kept in memory only: used until the IndexedDB drafts store is wired in. */
export function memoryDraftStore(): DraftStore {
  const texts = new Map<string, string>();
  return {
    read: (kind, id) => Promise.resolve(texts.get(`${kind}:${id}`)),
    write: (kind, id, text) => void texts.set(`${kind}:${id}`, text),
    clear: (kind, id) => void texts.delete(`${kind}:${id}`),
  };
}
