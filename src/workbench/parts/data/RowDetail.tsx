import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../base";
import { formatCount } from "../../i18n";
import type { WorkbenchServices } from "../../services";

/** One stored row as the whole record, formatted JSON, read when the panel opens. */
export function RowDetail({
  services,
  datasetId,
  row,
  locale,
  onClose,
}: {
  services: WorkbenchServices;
  datasetId: string;
  /** The stored row number (0-based). */
  row: number;
  locale: Locale;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [record, setRecord] = useState<{ row: number; text: string }>();
  useEffect(() => {
    let live = true;
    void services.datasets.records(datasetId, { start: row, count: 1 }).then((records) => {
      if (live) setRecord({ row, text: JSON.stringify(records[0], null, 2) });
    });
    return () => {
      live = false;
    };
  }, [services, datasetId, row]);
  const title = t("datasets.viewer.rowDetail", { row: formatCount(row + 1, locale) });
  return (
    <aside className="column-panel" aria-label={title}>
      <header className="column-panel__head">
        <h3>{title}</h3>
        <button type="button" onClick={onClose} aria-label={t("datasets.viewer.close")}>
          ×
        </button>
      </header>
      {record?.row === row ? (
        <pre className="row-detail__json" tabIndex={0}>
          {record.text}
        </pre>
      ) : (
        <p role="status">{t("datasets.viewer.loading")}</p>
      )}
    </aside>
  );
}
