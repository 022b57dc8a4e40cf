import { pickText, type Locale } from "../../../base";
import type { EditorInput } from "../../../machines";
import type { WorkspaceLists } from "../../../platform";
import type { QuickPickItem } from "../../services";

/** What accepting a quick open item does. */
export type QuickOpenTarget = { open: EditorInput } | { activateDataset: string };

/**
 * Quick open's items: rules by id with their title, manifests by name and version, datasets by name
 * with their row count. Titles in both languages are searchable whichever language is shown.
 */
export function quickOpenItems(
  lists: WorkspaceLists,
  locale: Locale,
  labels: { rows(count: number): string; rule: string; manifest: string; dataset: string },
  canOpenDatasets: boolean,
): QuickPickItem<QuickOpenTarget>[] {
  const rules = lists.rules.map((r) => ({
    label: r.id,
    description: pickText(r.rule.title, locale),
    detail: labels.rule,
    searchText: [r.rule.title.en, r.rule.title["zh-CN"] ?? "", r.file].join(" "),
    value: { open: { kind: "rule", resource: r.id } },
  }));
  const manifests = lists.manifests.map((m) => ({
    label: m.id,
    description: pickText(m.manifest.title, locale),
    detail: labels.manifest,
    searchText: [m.manifest.title.en, m.manifest.title["zh-CN"] ?? "", m.file].join(" "),
    value: { open: { kind: "manifest", resource: m.id } },
  }));
  const datasets = lists.datasets.map((d) => ({
    label: d.name,
    description: labels.rows(d.rowCount),
    detail: labels.dataset,
    searchText: [d.id, d.title?.en ?? "", d.title?.["zh-CN"] ?? ""].join(" "),
    value: canOpenDatasets ? { open: { kind: "dataset", resource: d.id } } : { activateDataset: d.id },
  }));
  return [...rules, ...manifests, ...datasets];
}
