import { useEffect, useRef } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import { packFileText, type Pack } from "../../../engine";
import { compareSemver, type MonacoPlatform, type StoredRelease } from "../../../platform";
import { useServices, type WorkbenchServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import type { EditorProps } from "../contribution";
import { useMonacoPlatform } from "../editor/useMonacoPlatform";
import { shortIntegrity } from "./packs.commands";
import { copyIntegrity, useReleases } from "./PacksView";

/**
 * "Edit as a new draft": a released version never changes, so editing starts from the workspace's
 * manifest of that name (the draft the next version is released from), newest version first; a
 * released rule opens the workspace's rule of the same id. Says so in a notification.
 */
export function editAsDraft(services: WorkbenchServices, release: StoredRelease, ruleId?: string): void {
  const { lists } = services.workspace.getSnapshot().context;
  const drafts = lists.manifests
    .filter((m) => m.manifest.name === release.name)
    .sort((a, b) => compareSemver(b.manifest.version, a.manifest.version));
  const manifest = drafts[0];
  const rule = ruleId === undefined ? undefined : lists.rules.find((r) => r.id === ruleId);
  if (rule) services.editors.open({ kind: "rule", resource: rule.id }, { preview: false });
  else if (manifest) services.editors.open({ kind: "manifest", resource: manifest.id }, { preview: false });
  if (!manifest && !rule) {
    void services.commands.execute("pack.newManifest");
    return;
  }
  services.notifications.notify({
    severity: "info",
    message: services.i18n.t("packs.released.draftOpened", {
      name: release.name,
      version: release.version,
      manifest: rule ? rule.file : (manifest?.file ?? ""),
    }),
  });
}

/** A released version, read-only: its facts, its rules, and the pack file in a read-only editor. */
export function ReleasedPackEditor({ input }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const releases = useReleases();
  const release = releases.find((r) => r.id === input.resource);
  const monaco = useMonacoPlatform();
  useEffect(() => {
    if (releases.length === 0) void services.releases.refresh();
  }, [services, releases.length]);
  if (!release)
    return <p className="released__missing">{t("packs.released.missing", { id: input.resource })}</p>;
  const pack = release.pack as Pack;
  return (
    <section
      className="released"
      aria-label={t("packs.released.ariaLabel", { name: release.name, version: release.version })}
    >
      <header className="released__header">
        <h2 className="released__title">
          {release.name} {release.version}{" "}
          <span className="released__subtitle">{pickText(pack.title, locale)}</span>
        </h2>
        <p className="released__readonly" role="note">
          {t("packs.released.readOnly")}
        </p>
        <dl className="released__facts">
          <dt>{t("packs.released.date")}</dt>
          <dd>{release.releasedAt.replace("T", " ").slice(0, 19)} UTC</dd>
          <dt>{t("packs.released.integrity")}</dt>
          <dd>
            <button
              type="button"
              className="packs__integrity"
              title={release.integrity}
              aria-label={t("packs.view.copyIntegrity", { integrity: release.integrity })}
              onClick={() => copyIntegrity(services, release.integrity)}
            >
              <code>{shortIntegrity(release.integrity)}</code>
            </button>
          </dd>
          <dt>{t("packs.released.notes")}</dt>
          <dd className="released__notes">{release.notes}</dd>
          {release.diffedAgainst && (
            <>
              <dt>{t("packs.released.diffedAgainst")}</dt>
              <dd>{release.diffedAgainst.replace("@", " ")}</dd>
            </>
          )}
        </dl>
        <div className="release__actions">
          <button type="button" className="button" onClick={() => editAsDraft(services, release)}>
            {t("packs.released.editAsDraft")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void services.commands.execute("pack.export", release.id)}
          >
            {t("packs.released.export")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void services.commands.execute("pack.compareVersions")}
          >
            {t("packs.released.compare")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void services.commands.execute("pack.deleteRelease", release.id)}
          >
            {t("packs.released.delete")}
          </button>
        </div>
        <h3 className="released__heading">{t("packs.released.rules", { count: pack.rules.length })}</h3>
        <ul className="released__rules">
          {pack.rules.map((rule) => (
            <li key={rule.id}>
              <button
                type="button"
                className="release__link"
                title={t("packs.released.editAsDraft")}
                onClick={() => editAsDraft(services, release, rule.id)}
              >
                <code>{rule.id}</code> {rule.version} · {pickText(rule.title, locale)}
              </button>
            </li>
          ))}
        </ul>
        <h3 className="released__heading">{t("packs.released.pack")}</h3>
      </header>
      {monaco.status === "ready" ? (
        <ReadOnlyPackText platform={monaco.platform} release={release} />
      ) : (
        <p className="released__loading">
          {monaco.status === "failed" ? monaco.reason : t("packs.released.loading")}
        </p>
      )}
    </section>
  );
}

function ReadOnlyPackText({ platform, release }: { platform: MonacoPlatform; release: StoredRelease }) {
  const { t } = useTranslation();
  const services = useServices();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = container.current;
    if (!host) return;
    const model = platform.getOrCreateModel(
      `release:${release.name}/${release.version}`,
      packFileText(release.pack as object),
    );
    const { theme, fontSize } = services.preferences.getSnapshot().context;
    const editor = platform.createCodeEditor(host, {
      model,
      theme,
      fontSize,
      readOnly: true,
      ariaLabel: t("packs.released.ariaLabel", { name: release.name, version: release.version }),
    });
    return () => {
      editor.dispose();
      model.dispose();
    };
    // One read-only editor per release; a release never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platform, release.id]);
  return <div ref={container} className="released__editor" />;
}
