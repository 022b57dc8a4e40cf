import { pickText } from "../../../base";
import type { BackupProblem, ResetPlan, RestoreChoices } from "../../../platform";
import type { CommandDefinition } from "../../commands/command";
import { formatCount } from "../../i18n";
import type { WorkbenchServices } from "../../services";
import { writeErrorText } from "../data/storageText";
import { conflictQuestionFor } from "./restoreConflicts";
import { planCounts } from "./restoreText";

const workspace = { en: "Workspace", "zh-CN": "工作区" };

/** At most this many ids are named in the reset confirmation; the count says how many in all. */
const NAMED = 5;

const localeOf = (s: WorkbenchServices) => s.preferences.getSnapshot().context.locale;

/**
 * Starts the workbench again over what is now stored: every open document, editor and list was
 * read from the workspace a restore or reset just replaced.
 */
function reloadWorkbench(): void {
  globalThis.location?.reload();
}

function ids(list: readonly string[]): string {
  return list.length > NAMED ? `${list.slice(0, NAMED).join(", ")}, …` : list.join(", ");
}

/** The reset confirmation: what is lost, what is put back, what is kept. */
export function resetMessage(s: WorkbenchServices, plan: ResetPlan): string {
  const t = s.i18n.t;
  const count = (n: number) => formatCount(n, localeOf(s));
  const added = [...plan.added.rules, ...plan.added.manifests];
  const changed = [...plan.changed.rules, ...plan.changed.manifests];
  const restored = plan.restored.rules.length + plan.restored.manifests.length;
  return [
    added.length > 0 && t("backup.reset.added", { count: count(added.length), ids: ids(added) }),
    changed.length > 0 && t("backup.reset.changed", { count: count(changed.length), ids: ids(changed) }),
    restored > 0 && t("backup.reset.restored", { count: count(restored) }),
    plan.drafts.length > 0 && t("backup.reset.drafts", { count: count(plan.drafts.length) }),
    plan.samples.length > 0 && t("backup.reset.samples", { ids: plan.samples.join(", ") }),
    t("backup.reset.kept", {
      datasets: count(plan.kept.datasets),
      releases: count(plan.kept.releases),
      runs: count(plan.kept.runs),
    }),
    t("backup.reset.reload"),
  ]
    .filter(Boolean)
    .join(" ");
}

/** A refused backup, said with its entry and line. */
export function backupProblemText(s: WorkbenchServices, file: string, problem: BackupProblem): string {
  const t = s.i18n.t;
  const where =
    problem.file === ""
      ? ""
      : problem.line === undefined
        ? t("backup.restore.whereEntry", { entry: problem.file })
        : t("backup.restore.where", { entry: problem.file, line: problem.line });
  return t("backup.restore.bad", { file, where, problem: pickText(problem.message, localeOf(s)) });
}

export const workspaceCommands: CommandDefinition[] = [
  {
    id: "workspace.resetToSamples",
    title: { en: "Reset to Samples", "zh-CN": "重置为示例" },
    category: workspace,
    run: async (s) => {
      const plan = await s.workspaceData.planReset();
      const confirmed = await s.dialogs.confirm({
        title: s.i18n.t("backup.reset.title"),
        message: resetMessage(s, plan),
        confirm: s.i18n.t("backup.reset.confirm"),
        destructive: !plan.noop,
      });
      if (!confirmed) return;
      await s.workspaceData.reset(plan);
      s.notifications.notify({ severity: "info", message: s.i18n.t("backup.reset.done") });
      reloadWorkbench();
    },
  },
  {
    id: "workspace.backUp",
    title: { en: "Back Up…", "zh-CN": "备份…" },
    category: workspace,
    run: async (s) => {
      s.output.log(s.i18n.t("backup.backup.working"));
      const { blob, name, header } = await s.workspaceData.backUp();
      s.files.download(name, blob);
      const count = (n: number) => formatCount(n, localeOf(s));
      const { counts } = header;
      s.notifications.notify({
        severity: "info",
        message: s.i18n.t("backup.backup.done", {
          rules: count(counts.rules),
          manifests: count(counts.manifests),
          datasets: count(counts.datasets),
          records: count(counts.records),
          releases: count(counts.releases),
          runs: count(counts.runs),
          file: name,
        }),
      });
    },
  },
  {
    id: "workspace.restore",
    title: { en: "Restore from Backup…", "zh-CN": "从备份恢复…" },
    category: workspace,
    run: async (s) => {
      const [file] = await s.files.choose({ accept: ".zip,application/zip" });
      if (!file) return;
      const check = await s.workspaceData.check(file);
      if (!check.ok) {
        s.notifications.notify({
          severity: "error",
          message: backupProblemText(s, file.name, check.problem),
        });
        return;
      }
      const { header } = check.backup;
      const plan = await s.workspaceData.plan(check.backup);
      const locale = localeOf(s);
      let choices: RestoreChoices | undefined = {};
      if (plan.conflicts.length > 0) {
        choices = await conflictQuestionFor(s).ask(file.name, header.createdAt, plan);
      } else if (!plan.empty) {
        // Nothing to choose and nothing replaced, but say what comes in before the reload.
        const confirmed = await s.dialogs.confirm({
          title: s.i18n.t("backup.restore.addTitle", { file: file.name }),
          message: s.i18n.t("backup.restore.addMessage", {
            date: new Date(header.createdAt).toLocaleString(locale),
            ...planCounts(s.i18n.t, plan, locale),
          }),
          confirm: s.i18n.t("backup.restore.confirm"),
        });
        if (!confirmed) choices = undefined;
      }
      if (!choices) return;
      s.output.log(s.i18n.t("backup.restore.working", { file: file.name }));
      try {
        await s.workspaceData.restore(check.backup, choices);
      } catch (error) {
        s.notifications.notify({
          severity: "error",
          message: s.i18n.t("backup.restore.failed", { error: writeErrorText(s.i18n.t, error, locale) }),
        });
        return;
      }
      reloadWorkbench();
    },
  },
];
