import { pickText } from "../../../base";
import { packFileText, type LastRun, type Pack, type PackDiff } from "../../../engine";
import { engineersZip, REFERENCE_DATASET_KEY, SAMPLE_RECORDS, type StoredRelease } from "../../../platform";
import type { CommandDefinition } from "../../commands/command";
import type { QuickPickItem, WorkbenchServices } from "../../services";
import { lastRunOf } from "./lastRun";

const pack = { en: "Pack", "zh-CN": "规则包" };
const view = { en: "View", "zh-CN": "查看" };

/** The shortened integrity shown in lists: `sha256-` and the first 12 hex digits. */
export const shortIntegrity = (integrity: string): string => integrity.slice(0, 19);

/** The file name of an exported pack: `<name>-<version>.pack.json`. */
export const packFileName = (release: Pick<StoredRelease, "name" | "version">): string =>
  `${release.name}-${release.version}.pack.json`;

function releaseItems(
  s: WorkbenchServices,
  releases: readonly StoredRelease[],
): QuickPickItem<StoredRelease>[] {
  const locale = s.preferences.getSnapshot().context.locale;
  return releases.map((r) => ({
    label: `${r.name} ${r.version}`,
    description: `${shortIntegrity(r.integrity)} · ${r.releasedAt.slice(0, 10)}`,
    detail: r.notes,
    searchText: pickText((r.pack as Pack).title, locale),
    value: r,
  }));
}

/** The release a command acts on: the one it was given (`name@version`), or one the user picks. */
export async function targetRelease(
  s: WorkbenchServices,
  arg: unknown,
  title = s.i18n.t("packs.cmd.pickRelease"),
): Promise<StoredRelease | undefined> {
  await s.releases.refresh();
  const releases = s.releases.list();
  if (typeof arg === "string") {
    const found = releases.find((r) => r.id === arg);
    if (found) return found;
  }
  if (releases.length === 0) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("packs.cmd.noReleases") });
    return undefined;
  }
  const active = s.editors.active();
  const activeIndex =
    active?.kind === "released-pack" ? releases.findIndex((r) => r.id === active.resource) : -1;
  return s.quickInput.pick(releaseItems(s, releases), {
    title,
    ...(activeIndex >= 0 ? { activeIndex } : {}),
  });
}

/**
 * The zip `Pack: Export for Engineers` downloads: the engine's `engineersZip` (the one
 * `crw pack export --engineers` writes) with the first records of the reference dataset the pack
 * names (`x-reference-dataset`; else the active dataset, else the first) as its sample.
 */
export async function releaseEngineersZip(
  release: Pick<StoredRelease, "pack">,
  datasets: readonly { id: string; name: string }[],
  activeDatasetId: string | null,
  records: (datasetId: string, count: number) => Promise<unknown[]>,
  lastRun?: LastRun,
): Promise<{ name: string; bytes: Uint8Array }> {
  const pack = release.pack as Pack;
  const named = (pack as unknown as Record<string, unknown>)[REFERENCE_DATASET_KEY];
  const dataset =
    datasets.find((d) => d.id === named) ?? datasets.find((d) => d.id === activeDatasetId) ?? datasets[0];
  const reference = dataset
    ? { name: dataset.name, records: await records(dataset.id, SAMPLE_RECORDS) }
    : undefined;
  return engineersZip(pack, reference, lastRun ? { lastRun } : {});
}

/** The differences of a refused import, in one sentence (the `crw pack diff` lines). */
export function differenceList(diff: PackDiff): string {
  const parts: string[] = [];
  const list = (label: string, items: string[]) => {
    if (items.length > 0) parts.push(`${label} ${items.join(", ")}`);
  };
  list("rules added:", diff.rules.added);
  list("rules removed:", diff.rules.removed);
  for (const c of diff.rules.changed) parts.push(`${c.id} changed (${c.parts.join(", ")})`);
  list("params added:", diff.params.added);
  list("params removed:", diff.params.removed);
  list("params changed:", diff.params.changed);
  list("population added:", diff.population.added);
  list("population removed:", diff.population.removed);
  for (const c of diff.population.changed) parts.push(`population ${c.id} changed (${c.parts.join(", ")})`);
  if (parts.length === 0) parts.push("title, description or changelog");
  return parts.join("; ");
}

async function importPacks(s: WorkbenchServices): Promise<void> {
  const files = await s.files.choose({ accept: ".json,application/json", multiple: true });
  for (const file of files) {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      s.notifications.notify({
        severity: "error",
        message: s.i18n.t("packs.cmd.importUnreadable", { file: file.name, error: message }),
      });
      continue;
    }
    const outcome = await s.releases.importText(file.name, text);
    const locale = s.preferences.getSnapshot().context.locale;
    switch (outcome.kind) {
      case "imported": {
        const { name, version, integrity } = outcome.release;
        s.notifications.notify({
          severity: "info",
          message: s.i18n.t("packs.cmd.imported", { name, version, integrity: shortIntegrity(integrity) }),
        });
        s.output.log(s.i18n.t("packs.cmd.imported", { name, version, integrity }));
        break;
      }
      case "same": {
        const { name, version } = outcome.existing;
        s.notifications.notify({
          severity: "info",
          message: s.i18n.t("packs.cmd.importSame", { name, version }),
        });
        break;
      }
      case "conflict": {
        const { name, version, integrity } = outcome.existing;
        const message = s.i18n.t("packs.cmd.importConflict", {
          name,
          version,
          integrity: shortIntegrity(integrity),
          differences: differenceList(outcome.diff),
        });
        s.notifications.notify({ severity: "error", message });
        s.output.log(message, "error");
        break;
      }
      case "invalid": {
        const reasons: string[] = [];
        if (!outcome.integrityOk && outcome.problems.some((p) => p.code === "pack/integrity-mismatch"))
          reasons.push(s.i18n.t("packs.cmd.importIntegrity"));
        for (const p of outcome.problems.filter((p) => p.code !== "pack/integrity-mismatch").slice(0, 3))
          reasons.push(
            `${p.line === undefined ? "" : `${p.line}:${p.column ?? 1} `}${pickText(p.message, locale)}`,
          );
        if (outcome.failedTests.length > 0)
          reasons.push(s.i18n.t("packs.cmd.importTests", { count: outcome.failedTests.length }));
        const message = s.i18n.t("packs.cmd.importInvalid", { file: file.name, reason: reasons.join("; ") });
        s.notifications.notify({ severity: "error", message });
        for (const p of outcome.problems)
          s.output.log(`${file.name}: ${pickText(p.message, locale)}`, "error");
        break;
      }
    }
  }
}

/** Asks twice, then deletes the release and records the deletion in the audit log. */
async function deleteRelease(s: WorkbenchServices, arg: unknown): Promise<void> {
  const release = await targetRelease(s, arg);
  if (!release) return;
  const values = {
    name: release.name,
    version: release.version,
    integrity: shortIntegrity(release.integrity),
  };
  const first = await s.dialogs.confirm({
    title: s.i18n.t("packs.cmd.deleteTitle", values),
    message: s.i18n.t("packs.cmd.deleteMessage", values),
    confirm: s.i18n.t("packs.cmd.deleteConfirm"),
    destructive: true,
  });
  if (!first) return;
  const second = await s.dialogs.confirm({
    title: s.i18n.t("packs.cmd.deleteAgainTitle", values),
    message: s.i18n.t("packs.cmd.deleteAgainMessage", values),
    confirm: s.i18n.t("packs.cmd.deleteAgainConfirm"),
    destructive: true,
  });
  if (!second) return;
  await s.releases.delete(release.name, release.version);
  s.editors.actor.send({
    type: "editor.closeResource",
    input: { kind: "released-pack", resource: release.id },
  });
  s.notifications.notify({ severity: "info", message: s.i18n.t("packs.cmd.deleted", values) });
}

/** Picks the manifest to release: the given one, the active manifest editor's, or one the user picks. */
async function pickManifest(s: WorkbenchServices, arg: unknown): Promise<string | undefined> {
  const { lists } = s.workspace.getSnapshot().context;
  if (typeof arg === "string" && lists.manifests.some((m) => m.id === arg)) return arg;
  if (lists.manifests.length === 0) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("packs.cmd.noManifests") });
    return undefined;
  }
  const locale = s.preferences.getSnapshot().context.locale;
  const active = s.editors.active();
  const activeIndex =
    active?.kind === "manifest" ? lists.manifests.findIndex((m) => m.id === active.resource) : -1;
  return s.quickInput.pick(
    lists.manifests.map((m) => ({
      label: `${m.manifest.name} ${m.manifest.version}`,
      description: pickText(m.manifest.title, locale),
      detail: m.file,
      value: m.id,
    })),
    { title: s.i18n.t("packs.cmd.pickManifest"), ...(activeIndex >= 0 ? { activeIndex } : {}) },
  );
}

/** What `Pack: Compare Versions` can compare: released versions and drafts (manifests). */
type Side = { kind: "release"; id: string } | { kind: "draft"; id: string };
export const sideKey = (side: Side): string => `${side.kind}:${side.id}`;

async function compareVersions(s: WorkbenchServices): Promise<void> {
  await s.releases.refresh();
  const releases = s.releases.list();
  const { lists } = s.workspace.getSnapshot().context;
  const draftLabel = s.i18n.t("packs.cmd.draft");
  const items: QuickPickItem<Side>[] = [
    ...releases.map((r): QuickPickItem<Side> => ({
      label: `${r.name} ${r.version}`,
      description: `${shortIntegrity(r.integrity)} · ${r.releasedAt.slice(0, 10)}`,
      value: { kind: "release", id: r.id },
    })),
    ...lists.manifests.map((m): QuickPickItem<Side> => ({
      label: `${m.manifest.name} ${m.manifest.version} (${draftLabel})`,
      description: m.file,
      value: { kind: "draft", id: m.id },
    })),
  ];
  if (items.length < 2) {
    s.notifications.notify({ severity: "info", message: s.i18n.t("packs.cmd.noReleases") });
    return;
  }
  const older = await s.quickInput.pick(items, { title: s.i18n.t("packs.cmd.pickOld") });
  if (!older) return;
  // The newer side: a draft of the same name first (a draft against its last release), else the rest.
  const name = older.kind === "release" ? releases.find((r) => r.id === older.id)?.name : undefined;
  const rest = items.filter((i) => sideKey(i.value) !== sideKey(older));
  const preferred = rest.findIndex((i) => i.value.kind === "draft" && i.label.startsWith(`${name ?? ""} `));
  const newer = await s.quickInput.pick(rest, {
    title: s.i18n.t("packs.cmd.pickNew"),
    ...(preferred >= 0 ? { activeIndex: preferred } : {}),
  });
  if (!newer) return;
  s.editors.open(
    { kind: "pack-compare", resource: `${sideKey(older)}|${sideKey(newer)}` },
    { preview: false },
  );
}

export const packsCommands: CommandDefinition[] = [
  {
    id: "workbench.showPacks",
    title: { en: "Show Packs", "zh-CN": "显示规则包" },
    category: view,
    run: (s) => s.preferences.send({ type: "view.show", view: "packs" }),
  },
  {
    id: "pack.release",
    title: { en: "Release…", "zh-CN": "发布…" },
    category: pack,
    run: async (s, arg) => {
      const manifestId = await pickManifest(s, arg);
      if (manifestId !== undefined)
        s.editors.open({ kind: "release", resource: manifestId }, { preview: false });
    },
  },
  {
    id: "pack.openRelease",
    title: { en: "Open Released Version…", "zh-CN": "打开已发布版本…" },
    category: pack,
    run: async (s, arg) => {
      const release = await targetRelease(s, arg);
      if (release) s.editors.open({ kind: "released-pack", resource: release.id }, { preview: false });
    },
  },
  {
    id: "pack.export",
    title: { en: "Export", "zh-CN": "导出" },
    category: pack,
    run: async (s, arg) => {
      const release = await targetRelease(s, arg);
      if (!release) return;
      const file = packFileName(release);
      s.files.download(file, packFileText(release.pack as object), "application/json");
      s.notifications.notify({ severity: "info", message: s.i18n.t("packs.cmd.exported", { file }) });
    },
  },
  {
    id: "pack.exportForEngineers",
    title: { en: "Export for Engineers", "zh-CN": "导出给工程师" },
    category: pack,
    run: async (s, arg) => {
      const release = await targetRelease(s, arg);
      if (!release) return;
      const { lists, activeDatasetId } = s.workspace.getSnapshot().context;
      const zip = await releaseEngineersZip(
        release,
        lists.datasets,
        activeDatasetId,
        (id, count) => s.datasets.records(id, { start: 0, count }),
        await lastRunOf(s.simulation, release),
      );
      s.files.download(
        zip.name,
        new Blob([zip.bytes as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
      );
      s.notifications.notify({
        severity: "info",
        message: s.i18n.t("packs.cmd.exported", { file: zip.name }),
      });
    },
  },
  {
    id: "pack.import",
    title: { en: "Import…", "zh-CN": "导入…" },
    category: pack,
    run: (s) => importPacks(s),
  },
  {
    id: "pack.deleteRelease",
    title: { en: "Delete Released Version…", "zh-CN": "删除已发布版本…" },
    category: pack,
    run: (s, arg) => deleteRelease(s, arg),
  },
  {
    id: "pack.compareVersions",
    title: { en: "Compare Versions", "zh-CN": "比较版本" },
    category: pack,
    run: (s) => compareVersions(s),
  },
];
