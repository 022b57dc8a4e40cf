import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import type { Pack } from "../../../engine";
import type { StoredRelease } from "../../../platform";
import { useServices, type DraftState, type WorkbenchServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { TreeRowIcon } from "../../widgets/tree/treeIcons";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import { shortIntegrity } from "./packs.commands";
import "./packs.css";

/** The Packs view: every manifest with its draft state, and each pack's released versions. */
export function PacksView() {
  return (
    <WorkspaceGate>
      <PackList />
    </WorkspaceGate>
  );
}

/** The stored releases, re-read when the release service says they changed. */
export function useReleases(): readonly StoredRelease[] {
  const { releases } = useServices();
  useSyncExternalStore(releases.subscribe, releases.snapshot);
  return releases.list();
}

/** Copies an integrity hash to the clipboard and says so (or says it could not). */
export function copyIntegrity(services: WorkbenchServices, integrity: string): void {
  const done = () =>
    services.notifications.notify({
      severity: "info",
      message: services.i18n.t("packs.view.copied", { integrity }),
    });
  const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
  if (!clipboard) {
    services.output.log(integrity);
    done();
    return;
  }
  clipboard.writeText(integrity).then(done, () => {
    // Without clipboard permission the hash still reaches the user, in Output.
    services.output.log(integrity);
    done();
  });
}

function PackList() {
  const { t } = useTranslation();
  const services = useServices();
  const workspace = useWorkspaceActor();
  const manifests = useSelector(workspace, (s) => s.context.lists.manifests);
  const rules = useSelector(workspace, (s) => s.context.lists.rules);
  const visible = useSelector(usePreferencesActor(), (s) => s.context.activeView === "packs");
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const releases = useReleases();
  const [drafts, setDrafts] = useState<Map<string, DraftState> | null>(null);

  useEffect(() => {
    void services.releases.refresh();
  }, [services]);

  // Draft states build every manifest: only while the view is shown, again after each change.
  useEffect(() => {
    if (!visible) return;
    let live = true;
    services.releases.draftStates().then(
      (states) => {
        if (live) setDrafts(new Map(states.map((s) => [s.manifestId, s])));
      },
      (error: unknown) =>
        services.output.log(error instanceof Error ? error.message : String(error), "error"),
    );
    return () => {
      live = false;
    };
  }, [services, visible, manifests, rules, releases]);

  const names = useMemo(() => {
    const all = new Set([...manifests.map((m) => m.manifest.name), ...releases.map((r) => r.name)]);
    return [...all].sort();
  }, [manifests, releases]);

  if (names.length === 0) return <p className="side-bar__empty">{t("packs.view.noManifests")}</p>;
  return (
    <div className="packs">
      {names.map((name) => {
        const ofName = manifests.filter((m) => m.manifest.name === name);
        const released = releases.filter((r) => r.name === name);
        const title = ofName[0]?.manifest.title ?? (released[0]?.pack as Pack | undefined)?.title;
        return (
          <section key={name} className="packs__pack" aria-label={t("packs.view.pack", { name })}>
            <h3 className="packs__name">
              <TreeRowIcon icon="manifest" />
              <span>{name}</span>
              {title && <span className="packs__title">{pickText(title, locale)}</span>}
            </h3>
            <h4 className="packs__heading">{t("packs.view.drafts")}</h4>
            <ul className="packs__list" aria-label={`${name} · ${t("packs.view.drafts")}`}>
              {ofName.map((m) => {
                const state = drafts?.get(m.id);
                return (
                  <li key={m.id} className="packs__row">
                    <button
                      type="button"
                      className="packs__item"
                      aria-label={t("packs.view.openDraft", { name, version: m.manifest.version })}
                      onClick={() => services.editors.open({ kind: "manifest", resource: m.id })}
                    >
                      <span className="packs__version">{m.manifest.version}</span>
                      <DraftBadges state={state} />
                    </button>
                    <button
                      type="button"
                      className="button packs__action"
                      aria-label={t("packs.view.releaseNamed", { name, version: m.manifest.version })}
                      onClick={() => void services.commands.execute("pack.release", m.id)}
                    >
                      {t("packs.view.release")}
                    </button>
                  </li>
                );
              })}
            </ul>
            <h4 className="packs__heading">{t("packs.view.releases")}</h4>
            {released.length === 0 ? (
              <p className="packs__empty">{t("packs.view.noReleases")}</p>
            ) : (
              <ul className="packs__list" aria-label={`${name} · ${t("packs.view.releases")}`}>
                {released.map((r) => (
                  <li key={r.id} className="packs__row packs__row--release">
                    <button
                      type="button"
                      className="packs__item"
                      aria-label={t("packs.view.open", { name, version: r.version })}
                      onClick={() => services.editors.open({ kind: "released-pack", resource: r.id })}
                    >
                      <span className="packs__version">{r.version}</span>
                      <span className="packs__meta">
                        {r.releasedAt.slice(0, 10)}
                        {r.diffedAgainst &&
                          ` · ${t("packs.view.diffedAgainst", { version: r.diffedAgainst.split("@")[1] })}`}
                      </span>
                      {r.notes && <span className="packs__notes">{r.notes}</span>}
                    </button>
                    <button
                      type="button"
                      className="packs__integrity"
                      title={r.integrity}
                      aria-label={t("packs.view.copyIntegrity", { integrity: r.integrity })}
                      onClick={() => copyIntegrity(services, r.integrity)}
                    >
                      <code>{shortIntegrity(r.integrity)}</code>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function DraftBadges({ state }: { state: DraftState | undefined }) {
  const { t } = useTranslation();
  if (!state) return <span className="packs__meta">{t("packs.view.checking")}</span>;
  const total = state.tests.passed + state.tests.failed;
  return (
    <span className="packs__meta">
      <span className={state.valid ? "packs__ok" : "packs__bad"}>
        {state.valid ? t("packs.view.valid") : t("packs.view.invalid", { count: state.errors })}
      </span>
      {" · "}
      <span className={state.tests.failed === 0 ? "packs__ok" : "packs__bad"}>
        {state.tests.failed === 0
          ? t("packs.view.tests", { passed: state.tests.passed })
          : t("packs.view.testsFailing", { failed: state.tests.failed, total })}
      </span>
      {" · "}
      {state.latestRelease === undefined
        ? t("packs.view.neverReleased")
        : state.changedSinceRelease === false
          ? t("packs.view.unchanged", { version: state.latestRelease })
          : t("packs.view.changed", { version: state.latestRelease })}
    </span>
  );
}
