import { useMemo } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { TreeRowIcon } from "../../widgets/tree/treeIcons";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import "./data.css";
import { datasetRows } from "./data.selectors";

/** The Data view: every dataset with its row count; choosing one makes it the active dataset. */
export function DataView() {
  return (
    <WorkspaceGate>
      <DatasetList />
    </WorkspaceGate>
  );
}

function DatasetList() {
  const { t } = useTranslation();
  const workspace = useWorkspaceActor();
  const datasets = useSelector(workspace, (s) => s.context.lists.datasets);
  const activeId = useSelector(workspace, (s) => s.context.activeDatasetId);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const rows = useMemo(() => datasetRows(datasets, activeId, locale), [datasets, activeId, locale]);
  if (rows.length === 0) return <p className="side-bar__empty">{t("data.none")}</p>;
  return (
    <ul className="dataset-list" aria-label={t("data.list")}>
      {rows.map((row) => (
        <li key={row.id}>
          <button
            type="button"
            className="dataset-list__item"
            aria-current={row.active ? "true" : undefined}
            aria-label={t("data.activate", { name: row.name })}
            title={[row.title, t("data.source", { file: row.sourceFile })].filter(Boolean).join("\n")}
            onClick={() => workspace.send({ type: "dataset.activate", id: row.id })}
          >
            <TreeRowIcon icon="dataset" />
            <span className="dataset-list__text">
              <span className="dataset-list__name">{row.name}</span>
              <span className="dataset-list__meta">
                {t("data.rows", { count: row.rowCount, rows: row.rows })}
                {row.title && ` · ${row.title}`}
              </span>
            </span>
            {row.active && <span className="dataset-list__active">{t("data.active")}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
