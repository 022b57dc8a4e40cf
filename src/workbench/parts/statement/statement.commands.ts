import { pickText } from "../../../base";
import type { CommandDefinition } from "../../commands/command";
import type { QuickPickItem, WorkbenchServices } from "../../services";
import { pinRecordAsTest } from "./pinTest";
import { loadStatement, traceSelection } from "./statementClient";
import { statementResource, sweepResource, type StatementTarget } from "./statementResource";

const simulation = { en: "Simulation", "zh-CN": "模拟" };

const localeOf = (s: WorkbenchServices) => s.preferences.getSnapshot().context.locale;
const tr = (s: WorkbenchServices, key: string, options?: Record<string, unknown>) =>
  s.i18n.t(`statement.${key}`, options ?? {});

/** Asks for a pack: the workspace's manifests as `<name> <version> (draft)`, the most recent first. */
async function pickPack(s: WorkbenchServices): Promise<string | undefined> {
  const { manifests } = s.workspace.getSnapshot().context.lists;
  if (manifests.length === 0) {
    s.notifications.notify({ severity: "warning", message: tr(s, "noManifest") });
    return undefined;
  }
  const locale = localeOf(s);
  const items: QuickPickItem<string>[] = [...manifests]
    .sort((a, b) => b.id.localeCompare(a.id, "en", { numeric: true }))
    .map((m) => ({
      label: tr(s, "draft", { name: m.manifest.name, version: m.manifest.version }),
      description: pickText(m.manifest.title, locale),
      searchText: `${m.id} ${m.manifest.title.en} ${m.manifest.title["zh-CN"] ?? ""}`,
      value: m.id,
    }));
  const selected = traceSelection.get()?.packRef;
  const active = Math.max(
    0,
    items.findIndex((i) => i.value === selected),
  );
  return s.quickInput.pick(items, { title: tr(s, "pickPack"), activeIndex: active });
}

/** Asks for a dataset by name with its row count, the active one first. */
async function pickDataset(s: WorkbenchServices): Promise<string | undefined> {
  const { lists, activeDatasetId } = s.workspace.getSnapshot().context;
  if (lists.datasets.length === 0) {
    s.notifications.notify({ severity: "warning", message: tr(s, "noDataset") });
    return undefined;
  }
  const items = lists.datasets.map((d) => ({
    label: d.name,
    description: tr(s, "rows", { count: d.rowCount }),
    value: d.id,
  }));
  const active = Math.max(
    0,
    items.findIndex((i) => i.value === activeDatasetId),
  );
  return s.quickInput.pick(items, { title: tr(s, "pickDataset"), activeIndex: active });
}

/** Asks pack, dataset and record id; the id is checked against the dataset before the input closes. */
async function askTarget(s: WorkbenchServices): Promise<StatementTarget | undefined> {
  const packRef = await pickPack(s);
  if (!packRef) return undefined;
  const datasetId = await pickDataset(s);
  if (!datasetId) return undefined;
  const records = await s.datasets.records(datasetId);
  const ids = new Set(
    records.map((r) => JSON.stringify((r as { id?: unknown }).id ?? null).replace(/^"|"$/g, "")),
  );
  const firstId = (records[0] as { id?: unknown } | undefined)?.id;
  const first = typeof firstId === "string" || typeof firstId === "number" ? String(firstId) : "";
  const previous = traceSelection.get()?.recordId;
  const recordId = await s.quickInput.input({
    title: tr(s, "recordId"),
    prompt: tr(s, "recordPrompt"),
    value: previous && ids.has(previous) ? previous : first,
    validate: (v) =>
      ids.has(v.trim()) ? undefined : tr(s, "noRecord", { id: v.trim(), dataset: datasetId }),
  });
  if (recordId === undefined) return undefined;
  return { packRef, datasetId, recordId: recordId.trim() };
}

/** Opens a statement editor and makes it the Trace panel's record. */
export function openStatement(s: WorkbenchServices, target: StatementTarget): void {
  traceSelection.set(target);
  s.editors.open({ kind: "statement", resource: statementResource(target) }, { preview: false });
}

async function askNumber(
  s: WorkbenchServices,
  title: string,
  value: number,
  check: (n: number) => string | undefined,
): Promise<number | undefined> {
  const text = await s.quickInput.input({
    title,
    value: String(value),
    validate: (v) => {
      const n = Number(v.trim());
      if (v.trim() === "" || !Number.isFinite(n)) return tr(s, "sweep.invalidNumber");
      return check(n);
    },
  });
  return text === undefined ? undefined : Number(text.trim());
}

export const statementCommands: CommandDefinition[] = [
  {
    id: "simulation.explainRecord",
    title: { en: "Explain Record", "zh-CN": "解释记录" },
    category: simulation,
    async run(s, arg) {
      const given = arg as StatementTarget | undefined;
      const target = given?.packRef && given.datasetId && given.recordId ? given : await askTarget(s);
      if (target) openStatement(s, target);
    },
  },
  {
    id: "simulation.pinRecordAsTest",
    title: { en: "Pin Record as Test", "zh-CN": "将记录固定为测试" },
    category: simulation,
    async run(s) {
      const target = traceSelection.get() ?? (await askTarget(s));
      if (!target) return;
      traceSelection.set(target);
      const reply = await loadStatement(s, target).catch((error: unknown) => {
        s.notifications.notify({
          severity: "error",
          message: tr(s, "failed", { message: error instanceof Error ? error.message : String(error) }),
        });
        return undefined;
      });
      if (!reply) return;
      const locale = localeOf(s);
      const items = reply.statement.rules.map((r) => ({
        label: pickText(r.title, locale),
        description: r.rule,
        searchText: `${r.rule} ${r.title.en}`,
        value: r.rule,
      }));
      const ruleId = await s.quickInput.pick(items, { title: tr(s, "pickRule") });
      if (ruleId) await pinRecordAsTest(s, reply, ruleId, target);
    },
  },
  {
    id: "simulation.sweepParameter",
    title: { en: "Sweep Parameter", "zh-CN": "参数扫描" },
    category: simulation,
    async run(s) {
      const packRef = await pickPack(s);
      if (!packRef) return;
      const manifest = s.workspace.getSnapshot().context.lists.manifests.find((m) => m.id === packRef);
      if (!manifest) return;
      const locale = localeOf(s);
      const numeric = Object.entries(manifest.manifest.params).filter(
        ([, p]) => p.type === "number" || p.type === "integer",
      );
      const param = await s.quickInput.pick(
        numeric.map(([name, p]) => ({
          label: p.title ? pickText(p.title, locale) : name,
          description: `${name} = ${String(p.default)}`,
          searchText: `${name} ${p.title?.en ?? ""}`,
          value: name,
        })),
        { title: tr(s, "sweep.pickParam") },
      );
      if (!param) return;
      const spec = manifest.manifest.params[param]!;
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      const base = typeof spec.default === "number" ? spec.default : 0;
      const span = base === 0 ? 1 : Math.abs(base) * 0.2;
      const lowBound = (n: number) => (n < min ? tr(s, "sweep.from", { min }) : undefined);
      const from = await askNumber(
        s,
        tr(s, "sweep.from", { min: spec.min ?? "−∞" }),
        Math.max(min, Number((base - span).toPrecision(6))),
        lowBound,
      );
      if (from === undefined) return;
      const to = await askNumber(
        s,
        tr(s, "sweep.to", { max: spec.max ?? "∞" }),
        Math.min(max, Number((base + span).toPrecision(6))),
        (n) => (n > max || n <= from ? tr(s, "sweep.to", { max: spec.max ?? "∞" }) : undefined),
      );
      if (to === undefined) return;
      const steps = await askNumber(s, tr(s, "sweep.steps"), 11, (n) =>
        Number.isInteger(n) && n >= 2 && n <= 101 ? undefined : tr(s, "sweep.steps"),
      );
      if (steps === undefined) return;
      const datasetId = await pickDataset(s);
      if (!datasetId) return;
      s.editors.open(
        { kind: "sweep", resource: sweepResource({ packRef, datasetId, param, from, to, steps }) },
        { preview: false },
      );
    },
  },
];
