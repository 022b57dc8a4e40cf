import { useEffect, useRef } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import { packFileText, type Pack } from "../../../engine";
import type { MonacoPlatform, StoredRelease } from "../../../platform";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import type { EditorProps } from "../contribution";
import { useMonacoPlatform } from "../editor/useMonacoPlatform";
import { IntegrityButton, notesIn, useReleases } from "./PacksView";
import { offerNewDraft } from "./newDraft";

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
            <IntegrityButton integrity={release.integrity} />
          </dd>
          <dt>{t("packs.released.notes")}</dt>
          <dd className="released__notes">{notesIn(release, locale)}</dd>
          {release.diffedAgainst && (
            <>
              <dt>{t("packs.released.diffedAgainst")}</dt>
              <dd>{release.diffedAgainst.replace("@", " ")}</dd>
            </>
          )}
        </dl>
        <div className="release__actions">
          <button
            type="button"
            className="button"
            onClick={() => void services.commands.execute("pack.newDraft", release.id)}
          >
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
                onClick={() =>
                  void services.commands.execute("pack.newDraft", { release: release.id, rule: rule.id })
                }
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
    let offered = false;
    const editor = platform.createCodeEditor(host, {
      model,
      theme,
      fontSize,
      readOnly: true,
      ariaLabel: t("packs.released.ariaLabel", { name: release.name, version: release.version }),
      // Typing into a released version offers a new draft, once per editor: the text never changes.
      onReadOnlyEdit: () => {
        if (offered) return;
        offered = true;
        offerNewDraft(services, release);
      },
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
