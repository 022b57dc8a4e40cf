import type { LocalizedText } from "../../base";
import type { JsonSchemaLike, Problem } from "../../engine";
import { validateRuleText } from "../../engine";
import type { DocumentKind, SaveOutcome } from "../../machines";
import {
  manifestRuleFiles,
  resolveRelative,
  validateManifestText,
  type DocumentStore,
  type SaveResult,
  type WorkspaceLists,
} from "../../platform";
import type { DocumentEffects } from "../services";

/** What validation may know of the workspace besides the document: the other documents, the dataset. */
export interface ValidationWorkspace {
  lists: WorkspaceLists;
  activeDatasetId: string | null;
}

const noWorkspace: ValidationWorkspace = {
  lists: { rules: [], manifests: [], datasets: [] },
  activeDatasetId: null,
};

/** A stored path for a document that has none yet, as the document store gives new ones. */
const defaultPath = (kind: DocumentKind, id: string) =>
  `${kind === "rule" ? "rules" : "manifests"}/${id}.${kind}.json`;

/**
 * Problems of a document as it is typed. A rule gets the validator and the whole lint, with the
 * active dataset's schema (unknown fields) and the parameters of the manifests that include it. A
 * manifest gets its syntax and schema problems, those of the rule files it lists and the pack-level
 * ones (cycles, unknown `out.`/`pop.` paths and parameters, duplicate producers), each on its line.
 */
export async function validateDocument(
  kind: DocumentKind,
  id: string,
  text: string,
  workspace: ValidationWorkspace = noWorkspace,
): Promise<Problem[]> {
  const { lists } = workspace;
  if (kind === "rule") {
    const path = lists.rules.find((r) => r.id === id)?.file ?? defaultPath(kind, id);
    const including = lists.manifests.filter((m) => manifestRuleFiles(m).includes(path));
    const schema = lists.datasets.find((d) => d.id === workspace.activeDatasetId)?.schema;
    return validateRuleText(text, {
      file: id,
      ...(schema && typeof schema === "object" ? { datasetSchema: schema as JsonSchemaLike } : {}),
      // A rule in no manifest is linted without parameter checks: any pack may declare its params.
      ...(including.length
        ? { paramNames: [...new Set(including.flatMap((m) => Object.keys(m.manifest.params)))] }
        : {}),
    });
  }
  const path = lists.manifests.find((m) => m.id === id)?.file ?? defaultPath(kind, id);
  const problems = await validateManifestText({ file: path, text }, (rulePath) => {
    const file = resolveRelative(path, rulePath);
    const rule = lists.rules.find((r) => r.file === file);
    return Promise.resolve(
      rule ? { file, text: rule.text } : { error: `no rule file of the workspace is at ${file}` },
    );
  });
  return problems.map((p) => (p.file === path ? { ...p, file: id } : p));
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
  workspace: () => ValidationWorkspace = () => noWorkspace,
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
      return validateDocument(kind, id, text, workspace());
    },
    autosaveDelay,
  };
}
