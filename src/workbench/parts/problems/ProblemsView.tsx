import { useMemo, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { Tree } from "../../widgets/tree/Tree";
import type { TreeNode } from "../../widgets/tree/tree.selectors";
import { problemGroups, type LocatedProblemRow } from "./problems.selectors";
import { editorForFile, useAllProblems } from "./useProblems";
import "./problems.css";

/**
 * The Problems panel: every problem of every open document and of the workspace, grouped by file,
 * with severity, code and position; Enter or a click jumps there; a filter box above, as in VS Code.
 */
export function ProblemsView() {
  const { t } = useTranslation();
  const s = useServices();
  const problems = useAllProblems();
  const locale = useSelector(usePreferencesActor(), (state) => state.context.locale);
  const lists = useSelector(s.workspace, (state) => state.context.lists);
  const [filter, setFilter] = useState("");
  const groups = useMemo(() => problemGroups(problems, locale, filter), [problems, locale, filter]);
  const { nodes, rows } = useMemo(() => {
    const byId = new Map<string, LocatedProblemRow>();
    const tree: TreeNode[] = groups.map((group) => {
      const slash = group.file.lastIndexOf("/");
      const total = group.rows.length;
      return {
        id: `file:${group.file}`,
        label: group.file === "" ? t("problems.workspace") : group.file.slice(slash + 1),
        description: slash > 0 ? group.file.slice(0, slash) : undefined,
        icon: "file",
        badge: {
          text: String(total),
          label: t("problems.counts", { errors: group.counts.error, warnings: group.counts.warning }),
        },
        children: group.rows.map((row) => {
          const id = `problem:${row.key}`;
          byId.set(id, row);
          return {
            id,
            label: row.message,
            description: `${row.code}${row.line === undefined ? "" : ` [${row.line}, ${row.column}]`}`,
            tooltip: `${t(`panel.severity.${row.severity}`)}: ${row.message}`,
            icon: row.severity,
          };
        }),
      };
    });
    return { nodes: tree, rows: byId };
  }, [groups, t]);
  const jump = (node: TreeNode) => {
    const row = rows.get(node.id);
    if (!row || row.file === "") return;
    const input = editorForFile(lists, row.file);
    // Rules and manifests always open (their editor shows the place); a dataset only with a viewer.
    if (!input || (input.kind === "dataset" && !s.editors.canOpen("dataset"))) return;
    s.editors.reveal(input, { line: row.line ?? 1, column: row.column ?? 1 });
  };
  return (
    <div className="problems">
      <div className="problems__toolbar">
        <input
          type="search"
          className="problems__filter"
          aria-label={t("problems.filterLabel")}
          placeholder={t("problems.filter")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {problems.length === 0 ? (
        <p className="panel__empty">{t("panel.noProblems")}</p>
      ) : nodes.length === 0 ? (
        <p className="panel__empty">{t("problems.none")}</p>
      ) : (
        <Tree label={t("problems.tree")} nodes={nodes} expandAll onActivate={jump} />
      )}
    </div>
  );
}
