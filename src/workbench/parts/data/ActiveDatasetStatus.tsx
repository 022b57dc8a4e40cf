import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { activeDataset } from "./data.selectors";
import "./data.css";

/** Status bar item: the active dataset and its row count, as in "distributors-300 · 300 rows". */
export function ActiveDatasetStatus() {
  const { t } = useTranslation();
  const workspace = useWorkspaceActor();
  const ready = useSelector(workspace, (s) => s.matches("ready"));
  const datasets = useSelector(workspace, (s) => s.context.lists.datasets);
  const activeId = useSelector(workspace, (s) => s.context.activeDatasetId);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  if (!ready) return null;
  const active = activeDataset(datasets, activeId, locale);
  if (!active) return <span className="status-bar__item status-bar__text">{t("status.noDataset")}</span>;
  const rows = t("data.rows", { count: active.rowCount, rows: active.rows });
  return (
    <span
      className="status-bar__item status-bar__text"
      role="status"
      aria-label={t("status.datasetLabel", { name: active.name, rows })}
    >
      {t("status.dataset", { name: active.name, rows })}
    </span>
  );
}
