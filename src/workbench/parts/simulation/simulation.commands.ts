import { pickText, type Locale } from "../../../base";
import { compareRuns, CompareMismatch } from "../../../engine";
import type { RunOrder } from "../../../machines";
import { resultsCsv, resultsJsonl } from "../../../platform";
import type { CommandDefinition } from "../../commands/command";
import type { QuickPickItem, WorkbenchServices } from "../../services";
import type { PackChoice, RunSummary } from "../../services/simulation";

const category = { en: "Simulation", "zh-CN": "模拟" };
const localeOf = (s: WorkbenchServices): Locale => s.preferences.getSnapshot().context.locale;

export function packLabel(
  s: WorkbenchServices,
  p: Pick<PackChoice, "name" | "version" | "released">,
): string {
  return s.i18n.t(p.released ? "simulation.pick.released" : "simulation.pick.draft", {
    name: p.name,
    version: p.version,
  });
}

async function pickPack(s: WorkbenchServices, title: string): Promise<PackChoice | undefined> {
  const packs = await s.simulation.packChoices();
  if (packs.length === 0) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("simulation.pick.noPacks") });
    return undefined;
  }
  const items: QuickPickItem<PackChoice>[] = packs.map((p) => ({
    label: packLabel(s, p),
    description: pickText(p.title, localeOf(s)),
    searchText: [p.ref, p.title.en, p.title["zh-CN"] ?? ""].join(" "),
    value: p,
  }));
  return s.quickInput.pick(items, { title, placeholder: title });
}

async function pickDataset(s: WorkbenchServices): Promise<string | undefined> {
  const { lists, activeDatasetId } = s.workspace.getSnapshot().context;
  if (lists.datasets.length === 0) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("simulation.pick.noDatasets") });
    return undefined;
  }
  const title = s.i18n.t("simulation.pick.dataset");
  const items = lists.datasets.map((d) => ({
    label: d.name,
    description: s.i18n.t("simulation.pick.rows", { count: d.rowCount }),
    searchText: [d.id, d.title?.en ?? "", d.title?.["zh-CN"] ?? ""].join(" "),
    value: d.id,
  }));
  const active = Math.max(
    0,
    items.findIndex((i) => i.value === activeDatasetId),
  );
  return s.quickInput.pick(items, { title, placeholder: title, activeIndex: active });
}

export function runLabel(s: WorkbenchServices, r: RunSummary): string {
  const when = new Date(r.createdAt).toLocaleString(localeOf(s));
  return `${r.meta.packName} ${r.meta.packVersion} · ${r.meta.dataset.name} · ${when}`;
}

async function pickRun(s: WorkbenchServices, title?: string): Promise<RunSummary | undefined> {
  await s.simulation.refreshRuns();
  const runs = s.simulation.runs();
  if (runs.length === 0) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("simulation.pick.noRuns") });
    return undefined;
  }
  const items = runs.map((r) => ({
    label: runLabel(s, r),
    description: s.i18n.t("simulation.pick.rows", { count: r.meta.records }),
    searchText: [r.id, r.meta.packRef].join(" "),
    value: r,
  }));
  const heading = title ?? s.i18n.t("simulation.pick.run");
  return s.quickInput.pick(items, { title: heading, placeholder: heading });
}

/** The run of the active report editor, or one the user picks. */
async function currentRun(s: WorkbenchServices): Promise<RunSummary | undefined> {
  const active = s.editors.active();
  if (active?.kind === "report") {
    const found = s.simulation.runs().find((r) => r.id === active.resource);
    if (found) return found;
  }
  return pickRun(s);
}

/** `<dataset>.<pack>-<version>.results.<ext>` (commands.md). */
export function exportName(r: RunSummary, ext: "jsonl" | "csv"): string {
  return `${r.meta.dataset.name}.${r.meta.packName}-${r.meta.packVersion}.results.${ext}`;
}

async function exportRun(s: WorkbenchServices, ext: "jsonl" | "csv") {
  const summary = await currentRun(s);
  if (!summary) return;
  const run = await s.simulation.loadRun(summary.id);
  if (!run) return;
  const parts =
    ext === "jsonl" ? resultsJsonl(run.outcome.table) : resultsCsv(run.outcome.table, run.fieldPaths);
  const type = ext === "jsonl" ? "application/x-ndjson" : "text/csv;charset=utf-8";
  s.files.download(exportName(summary, ext), new Blob(parts, { type }), type);
}

/**
 * The two runs of a comparison: the baseline with its pack's defaults; the candidate with the
 * parameter overrides the Simulation view holds for that pack, if any, so one pack can be compared
 * with itself under two parameter sets. Both use the view's `as_of` when it sets one.
 */
export function compareOrders(
  view: RunOrder | null,
  baseRef: string,
  candidateRef: string,
  datasetId: string,
): [RunOrder, RunOrder] {
  const asOf = view?.asOf ? { asOf: view.asOf } : {};
  const overrides = view?.packRef === candidateRef ? view.params : {};
  return [
    { packRef: baseRef, datasetId, params: {}, ...asOf },
    { packRef: candidateRef, datasetId, params: { ...overrides }, ...asOf },
  ];
}

async function compare(s: WorkbenchServices) {
  const t = s.i18n.t;
  const base = await pickPack(s, t("simulation.pick.baseline"));
  if (!base) return;
  const candidate = await pickPack(s, t("simulation.pick.candidate"));
  if (!candidate) return;
  const datasetId = await pickDataset(s);
  if (!datasetId) return;
  const sides: RunSummary[] = [];
  const orders = compareOrders(s.simulation.order(), base.ref, candidate.ref, datasetId);
  for (const [pack, order] of [
    [base, orders[0]],
    [candidate, orders[1]],
  ] as const) {
    const changed = Object.entries(order.params).map(([k, v]) => `${k}=${String(v)}`);
    s.output.log(
      changed.length === 0
        ? t("simulation.compare.running", { pack: packLabel(s, pack) })
        : t("simulation.compare.runningWith", { pack: packLabel(s, pack), params: changed.join(", ") }),
    );
    sides.push(await s.simulation.runAndStore(order));
  }
  const [b, c] = await Promise.all(sides.map((r) => s.simulation.loadRun(r.id)));
  if (!b || !c) return;
  try {
    compareRuns(
      { table: b.outcome.table, spec: b.spec, content: b.content },
      { table: c.outcome.table, spec: c.spec, content: c.content },
    );
  } catch (error) {
    if (error instanceof CompareMismatch) {
      s.notifications.notify({
        severity: "error",
        message: t("simulation.compare.mismatch", { reason: error.message }),
      });
      return;
    }
    throw error;
  }
  s.editors.open({ kind: "compare", resource: `${b.summary.id}..${c.summary.id}` }, { preview: false });
}

export const simulationCommands: CommandDefinition[] = [
  {
    id: "simulation.run",
    title: { en: "Run", "zh-CN": "运行" },
    category,
    keybinding: "f5",
    async run(s) {
      const pack = await pickPack(s, s.i18n.t("simulation.pick.pack"));
      if (!pack) return;
      const datasetId = await pickDataset(s);
      if (!datasetId) return;
      const previous = s.simulation.order();
      const order: RunOrder = {
        packRef: pack.ref,
        datasetId,
        params: previous?.packRef === pack.ref ? previous.params : {},
        ...(previous?.asOf ? { asOf: previous.asOf } : {}),
      };
      s.simulation.setOrder(order);
      s.simulation.actor.send({ type: "run", order });
    },
  },
  {
    id: "simulation.cancel",
    title: { en: "Cancel", "zh-CN": "取消" },
    category,
    keybinding: "shift+f5",
    run(s) {
      s.simulation.actor.send({ type: "cancel" });
    },
  },
  {
    id: "simulation.compare",
    title: { en: "Compare with Baseline", "zh-CN": "与基线比较" },
    category,
    run: compare,
  },
  {
    id: "simulation.exportJsonl",
    title: { en: "Export Results as JSONL", "zh-CN": "导出结果为 JSONL" },
    category,
    run: (s) => exportRun(s, "jsonl"),
  },
  {
    id: "simulation.exportCsv",
    title: { en: "Export Results as CSV", "zh-CN": "导出结果为 CSV" },
    category,
    run: (s) => exportRun(s, "csv"),
  },
  {
    id: "simulation.openRun",
    title: { en: "Open Run…", "zh-CN": "打开运行记录…" },
    category,
    async run(s) {
      const r = await pickRun(s);
      if (r) s.editors.open({ kind: "report", resource: r.id }, { preview: false });
    },
  },
  {
    id: "simulation.deleteRun",
    title: { en: "Delete Run…", "zh-CN": "删除运行记录…" },
    category,
    async run(s, id?: unknown) {
      const r = typeof id === "string" ? s.simulation.runs().find((x) => x.id === id) : await pickRun(s);
      if (!r) return;
      const t = s.i18n.t;
      const ok = await s.dialogs.confirm({
        title: t("simulation.commands.deleteRun"),
        message: runLabel(s, r),
        confirm: t("simulation.commands.deleteRun").replace("…", ""),
        destructive: true,
      });
      if (!ok) return;
      await s.simulation.deleteRun(r.id);
      s.notifications.notify({ severity: "info", message: t("simulation.ended.deleted") });
    },
  },
];
