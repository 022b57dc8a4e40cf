import { useMemo, useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import type { Problem } from "../../../engine";
import type { EditorInput } from "../../../machines";
import type { WorkspaceLists } from "../../../platform";
import { useServices } from "../../services";
import { aggregateProblems, type DocumentProblems } from "./problems.selectors";

/** The editor that shows a workspace file: a rule or manifest by its stored file, or a dataset. */
export function editorForFile(lists: WorkspaceLists, file: string): EditorInput | undefined {
  const rule = lists.rules.find((r) => r.file === file);
  if (rule) return { kind: "rule", resource: rule.id };
  const manifest = lists.manifests.find((m) => m.file === file);
  if (manifest) return { kind: "manifest", resource: manifest.id };
  const dataset = lists.datasets.find((d) => d.sourceFile === file);
  return dataset ? { kind: "dataset", resource: dataset.id } : undefined;
}

/**
 * Every problem the Problems panel and the status bar count: the seed's, the workspace analysis'
 * (pack checks and lint of every stored rule and manifest) and, for each open document that has been
 * validated, its live problems in place of its stored version's.
 */
export function useAllProblems(): Problem[] {
  const s = useServices();
  const seed = useSelector(s.workspace, (state) => state.context.problems);
  const lists = useSelector(s.workspace, (state) => state.context.lists);
  const analysis = useSelector(s.tests, (state) => state.context.analysis?.problems);
  const version = useSyncExternalStore(s.documents.subscribe, s.documents.snapshot);
  return useMemo(() => {
    void version;
    const open: DocumentProblems[] = [];
    for (const doc of s.documents.all()) {
      const { kind, id, problems, validatedText } = doc.getSnapshot().context;
      if (validatedText === null) continue;
      const stored =
        kind === "rule" ? lists.rules.find((r) => r.id === id) : lists.manifests.find((m) => m.id === id);
      const file = stored?.file ?? id;
      // The editor validates with the document id as its file name; the panel groups by path.
      open.push({ uri: `${kind}:${id}`, file, problems: problems.map((p) => ({ ...p, file })) });
    }
    return aggregateProblems([...seed, ...(analysis ?? [])], open);
  }, [s.documents, version, seed, analysis, lists]);
}
