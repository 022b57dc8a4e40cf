import { useMemo } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { Tree } from "../../widgets/tree/Tree";
import type { TreeNode } from "../../widgets/tree/tree.selectors";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import {
  datasetIdOf,
  editorInputOf,
  explorerDefaultExpanded,
  explorerTree,
  type ExplorerLabels,
} from "./explorer.selectors";

/** The Explorer view: the workspace tree of rules by kind, pack manifests and datasets. */
export function ExplorerView() {
  return (
    <div data-part="explorer" className="explorer">
      <WorkspaceGate>
        <ExplorerTree />
      </WorkspaceGate>
    </div>
  );
}

function ExplorerTree() {
  const { t } = useTranslation();
  const workspace = useWorkspaceActor();
  const { editors } = useServices();
  const lists = useSelector(workspace, (s) => s.context.lists);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const nodes = useMemo(() => {
    const labels: ExplorerLabels = {
      rules: t("explorer.rules"),
      manifests: t("explorer.manifests"),
      datasets: t("explorer.datasets"),
      kinds: {
        incentive: t("explorer.kinds.incentive"),
        elimination: t("explorer.kinds.elimination"),
        loyalty: t("explorer.kinds.loyalty"),
      },
      items: (count) => t("explorer.items", { count }),
      rows: (count, rows) => t("data.rows", { count, rows }),
    };
    return explorerTree(lists, locale, labels);
  }, [lists, locale, t]);
  const onActivate = (node: TreeNode, preview: boolean) => {
    const id = datasetIdOf(node);
    if (id !== undefined) {
      workspace.send({ type: "dataset.activate", id });
      if (editors.canOpen("dataset")) editors.open({ kind: "dataset", resource: id }, { preview });
      return;
    }
    const input = editorInputOf(node);
    if (input) editors.open(input, { preview });
  };
  return (
    <Tree
      label={t("explorer.tree")}
      nodes={nodes}
      defaultExpanded={explorerDefaultExpanded}
      onActivate={onActivate}
    />
  );
}
