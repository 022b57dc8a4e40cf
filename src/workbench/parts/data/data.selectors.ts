import { pickText, type Locale } from "../../../base";
import type { DatasetMeta } from "../../../platform";
import { formatCount } from "../../i18n";

/** One dataset as the Data view lists it. */
export interface DatasetRow {
  id: string;
  name: string;
  rowCount: number;
  /** The row count with thousands separators. */
  rows: string;
  /** What one record is, in the UI language, when the dataset's schema says. */
  title?: string;
  sourceFile: string;
  active: boolean;
}

/** Datasets sorted by name in the language's collation, the active one marked. */
export function datasetRows(
  datasets: readonly DatasetMeta[],
  activeId: string | null,
  locale: Locale,
): DatasetRow[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  return [...datasets]
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((d) => ({
      id: d.id,
      name: d.name,
      rowCount: d.rowCount,
      rows: formatCount(d.rowCount, locale),
      ...(d.title ? { title: pickText(d.title, locale) } : {}),
      sourceFile: d.sourceFile,
      active: d.id === activeId,
    }));
}

/** The active dataset for the status bar, or null when there is none. */
export function activeDataset(
  datasets: readonly DatasetMeta[],
  activeId: string | null,
  locale: Locale,
): { name: string; rowCount: number; rows: string } | null {
  const dataset = datasets.find((d) => d.id === activeId);
  if (!dataset) return null;
  return { name: dataset.name, rowCount: dataset.rowCount, rows: formatCount(dataset.rowCount, locale) };
}
