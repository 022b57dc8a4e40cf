import type { JsonSchemaLike, Problem } from "../../engine";
import { validateRuleText } from "../../engine";
import type { DocumentKind } from "../../machines";
import {
  manifestRuleFiles,
  resolveRelative,
  validateManifestText,
  type DocumentStore,
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
  workspace: () => ValidationWorkspace = () => noWorkspace,
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
      return validateDocument(kind, id, text, workspace());
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
