import { useEffect, useMemo, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { useServices } from "../../services";
import { browserStorage, requestPersistence, type Persistence } from "../../../platform";
import { TreeRowIcon } from "../../widgets/tree/treeIcons";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import "./data.css";
import { datasetRows } from "./data.selectors";
import { importFile } from "./dataImport";
import { formatBytes } from "./storageText";

/**
 * The Data view: every dataset with its row count (choosing one makes it the active dataset; its
 * open button shows it in the viewer), `Import Dataset…`, and files dropped anywhere on the view go
 * to the same import. The storage line shows what the browser grants this workspace.
 */
export function DataView() {
  const { t } = useTranslation();
  const services = useServices();
  const [dropping, setDropping] = useState(false);
  return (
    <div
      className={`data-view${dropping ? " data-view--drop" : ""}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        setDropping(false);
        if (!file) return;
        event.preventDefault();
        importFile(services, file);
      }}
    >
      <div className="data-view__actions">
        <button
          type="button"
          className="button"
          onClick={() => void services.commands.execute("data.import")}
        >
          {t("datasets.view.import")}
        </button>
      </div>
      <p className="data-view__hint">{t("datasets.import.dropHere")}</p>
      <WorkspaceGate>
        <DatasetList />
      </WorkspaceGate>
      <StorageLine />
    </div>
  );
}

/**
 * Usage and quota of this origin's storage, and whether the browser keeps it under pressure. Opening
 * the Data view asks for persistent storage once (the workspace exists only in this browser).
 */
function StorageLine() {
  const { t } = useTranslation();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const datasets = useSelector(useWorkspaceActor(), (s) => s.context.lists.datasets);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  const [persistence, setPersistence] = useState<Persistence | null>(null);
  useEffect(() => {
    let live = true;
    void requestPersistence().then((granted) => live && setPersistence(granted));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    const storage = browserStorage();
    if (!storage?.estimate) return;
    let live = true;
    storage.estimate().then(
      ({ usage = 0, quota = 0 }) => live && setEstimate({ usage, quota }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [datasets]);
  const values = estimate && {
    used: formatBytes(estimate.usage, locale),
    quota: formatBytes(estimate.quota, locale),
  };
  return (
    <div className="data-view__storage">
      {values && (
        <p>
          {t(
            persistence === "persistent" ? "datasets.view.storagePersistent" : "datasets.view.storage",
            values,
          )}
        </p>
      )}
      {persistence && <p>{t(`storage.${persistence === "best-effort" ? "bestEffort" : persistence}`)}</p>}
    </div>
  );
}

function DatasetList() {
  const { t } = useTranslation();
  const services = useServices();
  const workspace = useWorkspaceActor();
  const datasets = useSelector(workspace, (s) => s.context.lists.datasets);
  const activeId = useSelector(workspace, (s) => s.context.activeDatasetId);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const rows = useMemo(() => datasetRows(datasets, activeId, locale), [datasets, activeId, locale]);
  if (rows.length === 0) return <p className="side-bar__empty">{t("data.none")}</p>;
  return (
    <ul className="dataset-list" aria-label={t("data.list")}>
      {rows.map((row) => (
        <li key={row.id} className="dataset-list__row">
          <button
            type="button"
            className="dataset-list__item"
            aria-current={row.active ? "true" : undefined}
            aria-label={t("data.activate", { name: row.name })}
            title={[row.title, t("data.source", { file: row.sourceFile })].filter(Boolean).join("\n")}
            onClick={() => workspace.send({ type: "dataset.activate", id: row.id })}
            onDoubleClick={() =>
              services.editors.open({ kind: "dataset", resource: row.id }, { preview: false })
            }
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
          <button
            type="button"
            className="dataset-list__open"
            aria-label={t("datasets.view.open", { name: row.name })}
            title={t("datasets.view.open", { name: row.name })}
            onClick={() => services.editors.open({ kind: "dataset", resource: row.id }, { preview: false })}
          >
            ⤢
          </button>
        </li>
      ))}
    </ul>
  );
}
