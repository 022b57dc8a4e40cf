import { isSemver, nextDraftVersion, type StoredRelease } from "../../../platform";
import type { CommandDefinition } from "../../commands/command";
import type { WorkbenchServices } from "../../services";
import { targetRelease } from "./packs.commands";

/** What `pack.newDraft` is given: a release id, or a release and the rule the user tried to edit. */
type DraftTarget = string | { release: string; rule?: string } | undefined;

function targetOf(arg: unknown): { release?: string; rule?: string } {
  const target = arg as DraftTarget;
  if (typeof target === "string") return { release: target };
  if (target && typeof target === "object" && typeof target.release === "string")
    return { release: target.release, ...(typeof target.rule === "string" ? { rule: target.rule } : {}) };
  return {};
}

/** The version of a new draft of `release`, asked with the next patch suggested; undefined when cancelled. */
function askVersion(s: WorkbenchServices, release: StoredRelease): Promise<string | undefined> {
  const t = s.i18n.t;
  const { lists } = s.workspace.getSnapshot().context;
  const released = new Set(
    s.releases
      .list()
      .filter((r) => r.name === release.name)
      .map((r) => r.version),
  );
  const drafts = new Set(
    lists.manifests.filter((m) => m.manifest.name === release.name).map((m) => m.manifest.version),
  );
  const values = { name: release.name, version: release.version };
  return s.quickInput.input({
    title: t("packs.draft.title", values),
    prompt: t("packs.draft.prompt", values),
    value: nextDraftVersion(release.name, s.releases.list(), lists.manifests),
    validate: (v) => {
      if (!isSemver(v)) return t("packs.draft.invalid");
      if (released.has(v)) return t("packs.draft.released", { name: release.name, version: v });
      if (drafts.has(v)) return t("packs.draft.exists", { name: release.name, version: v });
      return undefined;
    },
  });
}

/**
 * `Pack: New Draft from Released Version…`, and what every attempt to edit a released version runs:
 * a released version never changes, so editing it offers a new draft (its manifest at the next
 * version, the released rules the workspace lacks) and opens it, with the rule the user was editing.
 */
export async function newDraftFromRelease(s: WorkbenchServices, arg: unknown): Promise<void> {
  const target = targetOf(arg);
  const release = await targetRelease(s, target.release);
  if (!release) return;
  const version = await askVersion(s, release);
  if (version === undefined) return;
  const t = s.i18n.t;
  let started;
  try {
    started = await s.releases.startDraft(release.id, version);
  } catch (error) {
    const message = t("packs.draft.failed", {
      error: error instanceof Error ? error.message : String(error),
    });
    s.notifications.notify({ severity: "error", message });
    s.output.log(message, "error");
    return;
  }
  s.editors.open({ kind: "manifest", resource: started.manifestId }, { preview: false });
  if (target.rule !== undefined) s.editors.open({ kind: "rule", resource: target.rule }, { preview: false });
  const parts = [
    t("packs.draft.started", {
      name: release.name,
      version,
      from: release.version,
      manifest: started.manifestFile,
    }),
  ];
  if (started.created.length > 0) parts.push(t("packs.draft.created", { count: started.created.length }));
  if (started.diverged.length > 0)
    parts.push(t("packs.draft.diverged", { ids: started.diverged.join(", "), from: release.version }));
  const message = parts.join(" ");
  s.notifications.notify({ severity: "info", message });
  s.output.log(message);
}

/** Offers a new draft after an edit attempt on a released version (typing in its read-only text). */
export function offerNewDraft(s: WorkbenchServices, release: StoredRelease): void {
  s.notifications.notify({
    severity: "info",
    message: s.i18n.t("packs.draft.readOnlyEdit", { name: release.name, version: release.version }),
    actions: [
      {
        label: s.i18n.t("packs.draft.start"),
        run: () => void s.commands.execute("pack.newDraft", release.id),
      },
    ],
  });
}

export const newDraftCommand: CommandDefinition = {
  id: "pack.newDraft",
  title: { en: "New Draft from Released Version…", "zh-CN": "从已发布版本新建草稿…" },
  category: { en: "Pack", "zh-CN": "规则包" },
  run: (s, arg) => newDraftFromRelease(s, arg),
};
