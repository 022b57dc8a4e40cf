import { exportDataset, type DatasetMeta, type ExportFormat } from "../../../platform";
import type { CommandDefinition } from "../../commands/command";
import { formatCount } from "../../i18n";
import type { WorkbenchServices } from "../../services";
import { IMPORT_ACCEPT, importFile } from "./dataImport";

const data = { en: "Data", "zh-CN": "数据" };

/**
 * The dataset a command acts on: the one it was given (a row's context), else asked with a quick
 * pick listing datasets by name with their row count, the active one first.
 */
async function targetDataset(s: WorkbenchServices, arg?: unknown): Promise<DatasetMeta | undefined> {
  const { lists, activeDatasetId } = s.workspace.getSnapshot().context;
  if (typeof arg === "string") return lists.datasets.find((d) => d.id === arg);
  if (lists.datasets.length === 0) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("datasets.commands.none") });
    return undefined;
  }
  const locale = s.preferences.getSnapshot().context.locale;
  const ordered = [...lists.datasets].sort(
    (a, b) => Number(b.id === activeDatasetId) - Number(a.id === activeDatasetId),
  );
  return s.quickInput.pick(
    ordered.map((d) => ({
      label: d.name,
      description: s.i18n.t("datasets.commands.rows", { rows: formatCount(d.rowCount, locale) }),
      value: d,
    })),
    { placeholder: s.i18n.t("datasets.commands.pickDataset") },
  );
}

/** A file name for a dataset: its name, with characters no file system takes replaced. */
export function exportFileName(meta: DatasetMeta, format: ExportFormat): string {
  const base =
    [...meta.name]
      .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? "-" : c))
      .join("")
      .trim() || meta.id;
  return `${base}.${format}`;
}

export const dataCommands: CommandDefinition[] = [
  {
    id: "data.import",
    title: { en: "Import Dataset…", "zh-CN": "导入数据集…" },
    category: data,
    run: async (s) => {
      const [file] = await s.files.choose({ accept: IMPORT_ACCEPT });
      if (file) importFile(s, file);
    },
  },
  {
    id: "data.setActive",
    title: { en: "Set Active Dataset", "zh-CN": "设置当前数据集" },
    category: data,
    run: async (s, arg) => {
      const meta = await targetDataset(s, arg);
      if (meta) s.workspace.send({ type: "dataset.activate", id: meta.id });
    },
  },
  {
    id: "data.open",
    title: { en: "Open Dataset", "zh-CN": "打开数据集" },
    category: data,
    run: async (s, arg) => {
      const meta = await targetDataset(s, arg);
      if (meta) s.editors.open({ kind: "dataset", resource: meta.id }, { preview: false });
    },
  },
  {
    id: "data.rename",
    title: { en: "Rename Dataset", "zh-CN": "重命名数据集" },
    category: data,
    run: async (s, arg) => {
      const meta = await targetDataset(s, arg);
      if (!meta) return;
      const name = await s.quickInput.input({
        prompt: s.i18n.t("datasets.commands.renamePrompt", { name: meta.name }),
        value: meta.name,
        validate: (value) => (value.trim() === "" ? s.i18n.t("datasets.commands.renameEmpty") : undefined),
      });
      if (name === undefined || name.trim() === meta.name) return;
      await s.datasets.rename(meta.id, name.trim());
      s.workspace.send({ type: "workspace.reload" });
      s.notifications.notify({
        severity: "info",
        message: s.i18n.t("datasets.commands.renamed", { old: meta.name, name: name.trim() }),
      });
    },
  },
  {
    id: "data.delete",
    title: { en: "Delete Dataset", "zh-CN": "删除数据集" },
    category: data,
    run: async (s, arg) => {
      const meta = await targetDataset(s, arg);
      if (!meta) return;
      const rows = formatCount(meta.rowCount, s.preferences.getSnapshot().context.locale);
      const confirmed = await s.dialogs.confirm({
        title: s.i18n.t("datasets.commands.deleteTitle", { name: meta.name }),
        message: s.i18n.t("datasets.commands.deleteMessage", { name: meta.name, rows }),
        confirm: s.i18n.t("datasets.commands.deleteConfirm"),
        destructive: true,
      });
      if (!confirmed) return;
      await s.datasets.delete(meta.id);
      s.workspace.send({ type: "workspace.reload" });
      s.notifications.notify({
        severity: "info",
        message: s.i18n.t("datasets.commands.deleted", { name: meta.name }),
      });
    },
  },
  {
    id: "data.export",
    title: { en: "Export Dataset", "zh-CN": "导出数据集" },
    category: data,
    run: async (s, arg) => {
      const meta = await targetDataset(s, arg);
      if (!meta) return;
      const format = await s.quickInput.pick<ExportFormat>(
        [
          { label: s.i18n.t("datasets.commands.csv"), value: "csv" },
          { label: s.i18n.t("datasets.commands.jsonl"), value: "jsonl" },
        ],
        { placeholder: s.i18n.t("datasets.commands.exportFormat", { name: meta.name }) },
      );
      if (!format) return;
      const { parts, rows } = await exportDataset(s.datasets, meta.id, format);
      const file = exportFileName(meta, format);
      s.files.download(
        file,
        new Blob(parts, { type: format === "csv" ? "text/csv;charset=utf-8" : "application/x-ndjson" }),
      );
      const locale = s.preferences.getSnapshot().context.locale;
      s.notifications.notify({
        severity: "info",
        message: s.i18n.t("datasets.commands.exported", {
          name: meta.name,
          rows: formatCount(rows, locale),
          file,
        }),
      });
    },
  },
];
