import { pickText } from "../../../base";
import { sweepRangeProblem } from "../../../engine";
import type { CommandDefinition } from "../../commands/command";
import type { QuickPickItem, WorkbenchServices } from "../../services";
import type { PackChoice } from "../../services/simulation";
import { pinRecordAsTest } from "./pinTest";
import { loadStatement, traceSelection } from "./statementClient";
import { statementResource, sweepResource, type StatementTarget } from "./statementResource";

const simulation = { en: "Simulation", "zh-CN": "模拟" };

const localeOf = (s: WorkbenchServices) => s.preferences.getSnapshot().context.locale;
const tr = (s: WorkbenchServices, key: string, options?: Record<string, unknown>) =>
  s.i18n.t(`statement.${key}`, options ?? {});

/** A pack to explain or sweep with: a draft or a released version, with its parameters. */
type PackPick = Pick<PackChoice, "ref" | "params">;

/**
 * Asks for a pack: the workspace's manifests as `<name> <version> (draft)` and the released versions
 * as `<name> <version> (released)`, the most recent first, the last explained one selected.
 */
async function pickPack(s: WorkbenchServices): Promise<PackPick | undefined> {
  const choices = await s.simulation.packChoices();
  if (choices.length === 0) {
    s.notifications.notify({ severity: "warning", message: tr(s, "noManifest") });
    return undefined;
  }
  const locale = localeOf(s);
  const items: QuickPickItem<PackPick>[] = [...choices]
    .sort(
      (a, b) =>
        b.name.localeCompare(a.name, "en") ||
        b.version.localeCompare(a.version, "en", { numeric: true }) ||
        Number(a.released) - Number(b.released),
    )
    .map((p) => ({
      label: tr(s, p.released ? "released" : "draft", { name: p.name, version: p.version }),
      description: pickText(p.title, locale),
      searchText: `${p.ref} ${p.title.en} ${p.title["zh-CN"] ?? ""}`,
      value: { ref: p.ref, params: p.params },
    }));
  const selected = traceSelection.get()?.packRef;
  const active = Math.max(
    0,
    items.findIndex((i) => i.value.ref === selected),
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
  const pack = await pickPack(s);
  if (!pack) return undefined;
  const packRef = pack.ref;
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
      const pack = await pickPack(s);
      if (!pack) return;
      const packRef = pack.ref;
      const locale = localeOf(s);
      const numeric = Object.entries(pack.params).filter(
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
      const spec = pack.params[param]!;
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      const base = typeof spec.default === "number" ? spec.default : 0;
      const span = base === 0 ? 1 : Math.abs(base) * 0.2;
      const problem = (a: number, b: number, n: number) => {
        const text = sweepRangeProblem(param, spec, a, b, n);
        return text ? pickText(text, locale) : undefined;
      };
      const lowBound = (n: number) => problem(n, Math.max(n, max === Infinity ? n + 1 : max), 2);
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
        (n) => problem(from, n, 2),
      );
      if (to === undefined) return;
      const steps = await askNumber(s, tr(s, "sweep.steps"), 11, (n) => problem(from, to, n));
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
