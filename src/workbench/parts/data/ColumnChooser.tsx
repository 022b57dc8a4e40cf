import { useTranslation } from "react-i18next";
import type { ViewerColumn } from "./viewerColumns";

/** Checkboxes for every column, by section; unticked columns leave the grid. */
export function ColumnChooser({
  columns,
  hidden,
  sectionName,
  onChange,
  onClose,
}: {
  columns: readonly ViewerColumn[];
  hidden: ReadonlySet<string>;
  sectionName: (section: string) => string;
  onChange: (hidden: Set<string>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const sections = new Map<string, ViewerColumn[]>();
  for (const column of columns) {
    const list = sections.get(column.section);
    if (list) list.push(column);
    else sections.set(column.section, [column]);
  }
  const toggle = (dotted: string, shown: boolean) => {
    const next = new Set(hidden);
    if (shown) next.delete(dotted);
    else next.add(dotted);
    onChange(next);
  };
  return (
    <div
      className="column-chooser"
      role="dialog"
      aria-label={t("datasets.viewer.chooser")}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="column-chooser__head">
        <span>
          {t("datasets.viewer.shown", { shown: columns.length - hidden.size, total: columns.length })}
        </span>
        <button type="button" onClick={() => onChange(new Set())}>
          {t("datasets.viewer.showAll")}
        </button>
        <button type="button" onClick={() => onChange(new Set(columns.map((c) => c.dotted)))}>
          {t("datasets.viewer.hideAll")}
        </button>
        <button type="button" onClick={onClose} aria-label={t("datasets.viewer.close")}>
          ×
        </button>
      </div>
      {[...sections].map(([section, list]) => (
        <fieldset key={section}>
          <legend>{section ? sectionName(section) : t("datasets.viewer.topLevel")}</legend>
          {list.map((column) => (
            <label key={column.dotted} className="column-chooser__item" title={column.dotted}>
              <input
                type="checkbox"
                checked={!hidden.has(column.dotted)}
                onChange={(e) => toggle(column.dotted, e.target.checked)}
              />
              {column.label ? `${column.label} (${column.dotted})` : column.dotted}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
