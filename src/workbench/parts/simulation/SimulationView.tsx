import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../base";
import type { RunOrder } from "../../../machines";
import { useServices } from "../../services";
import type { PackChoice } from "../../services/simulation";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { WorkspaceGate } from "../workspace/WorkspaceGate";
import { packLabel, runLabel } from "./simulation.commands";
import "./simulation.css";

/** The Simulation view: pack, dataset, parameter overrides and as_of; Run/Cancel; progress; stored runs. */
export function SimulationView() {
  return (
    <WorkspaceGate>
      <SimulationForm />
      <RunList />
    </WorkspaceGate>
  );
}

export function useSimulationHost() {
  const services = useServices();
  const host = services.simulation;
  useSyncExternalStore(
    (listener) => host.subscribe(listener),
    () => host.snapshot(),
  );
  return host;
}

function SimulationForm() {
  const { t } = useTranslation();
  const services = useServices();
  const host = useSimulationHost();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const workspace = useWorkspaceActor();
  const datasets = useSelector(workspace, (s) => s.context.lists.datasets);
  const manifests = useSelector(workspace, (s) => s.context.lists.manifests);
  const activeDatasetId = useSelector(workspace, (s) => s.context.activeDatasetId);
  const state = useSelector(host.actor, (s) => s);
  const [packs, setPacks] = useState<PackChoice[]>([]);
  useEffect(() => {
    let live = true;
    void host.packChoices().then((p) => live && setPacks(p));
    return () => {
      live = false;
    };
  }, [host, manifests]);

  const stored = host.order();
  const order: RunOrder = {
    packRef: stored?.packRef ?? packs[packs.length > 1 ? packs.length - 1 : 0]?.ref ?? "",
    datasetId: stored?.datasetId ?? activeDatasetId ?? datasets[0]?.id ?? "",
    params: stored?.params ?? {},
    ...(stored?.asOf ? { asOf: stored.asOf } : {}),
  };
  const pack = packs.find((p) => p.ref === order.packRef);
  const set = (patch: Partial<RunOrder>) => host.setOrder({ ...order, ...patch });
  const running = state.matches("running") || state.matches("loading");
  const progress = state.context.progress;
  const params = useMemo(() => Object.entries(pack?.params ?? {}), [pack]);

  let status: string;
  if (state.matches("loading")) status = t("simulation.view.loading");
  else if (state.matches("running") && progress)
    status = t("simulation.view.progress", {
      stage: t(`simulation.view.stage.${progress.stage}`),
      done: progress.done.toLocaleString(locale),
      total: progress.total.toLocaleString(locale),
    });
  else if (state.matches("running")) status = t("simulation.view.loading");
  else if (state.matches("done") && state.context.last)
    status = t("simulation.view.done", {
      records: state.context.last.records.toLocaleString(locale),
      seconds: (state.context.last.durationMs / 1000).toFixed(2),
    });
  else if (state.matches("failed"))
    status = t("simulation.view.failed", {
      reason: state.context.error ? pickText(state.context.error, locale) : "",
    });
  else if (state.matches("cancelled")) status = t("simulation.view.cancelled");
  else status = t("simulation.view.idle");

  return (
    <form
      className="simulation-form"
      aria-label={t("simulation.category")}
      onSubmit={(e) => {
        e.preventDefault();
        if (!running && order.packRef && order.datasetId) host.actor.send({ type: "run", order });
      }}
    >
      <label className="simulation-form__field">
        <span>{t("simulation.view.pack")}</span>
        <select value={order.packRef} onChange={(e) => set({ packRef: e.target.value, params: {} })}>
          {packs.map((p) => (
            <option key={p.ref} value={p.ref}>
              {packLabel(services, p)}
            </option>
          ))}
        </select>
      </label>
      <label className="simulation-form__field">
        <span>{t("simulation.view.dataset")}</span>
        <select value={order.datasetId} onChange={(e) => set({ datasetId: e.target.value })}>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} · {t("simulation.pick.rows", { count: d.rowCount })}
            </option>
          ))}
        </select>
      </label>
      <label className="simulation-form__field">
        <span>{t("simulation.view.asOf")}</span>
        <input
          type="text"
          inputMode="numeric"
          placeholder={t("simulation.view.asOfHint")}
          value={order.asOf ?? ""}
          pattern="\d{4}-\d{2}-\d{2}"
          onChange={(e) => {
            const { asOf: _drop, ...rest } = order;
            host.setOrder(e.target.value ? { ...rest, asOf: e.target.value } : rest);
          }}
        />
      </label>
      <div className="simulation-form__actions">
        <button type="submit" className="button button--primary" disabled={running || !order.packRef}>
          {t("simulation.view.run")}
        </button>
        <button
          type="button"
          className="button"
          disabled={!running}
          onClick={() => host.actor.send({ type: "cancel" })}
        >
          {t("simulation.view.cancel")}
        </button>
      </div>
      <div className="simulation-form__status" role="status" aria-live="polite">
        {running && (
          <div
            className="simulation-progress"
            role="progressbar"
            aria-label={t("simulation.category")}
            aria-valuemin={0}
            aria-valuemax={progress?.total ?? 0}
            aria-valuenow={progress?.done ?? 0}
          >
            <div
              className="simulation-progress__bar"
              style={{
                width: `${progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}%`,
              }}
            />
          </div>
        )}
        <span>{status}</span>
      </div>
      {params.length > 0 && (
        <details className="simulation-params">
          <summary>
            {t("simulation.view.params")}
            {Object.keys(order.params).length > 0 && ` (${Object.keys(order.params).length})`}
          </summary>
          <p className="simulation-params__hint">{t("simulation.view.paramsHint")}</p>
          {params.map(([name, spec]) => (
            <label key={name} className="simulation-params__row">
              <span title={name}>{spec.title ? pickText(spec.title, locale) : name}</span>
              <input
                type="text"
                aria-label={name}
                placeholder={String(spec.default)}
                value={order.params[name] ?? ""}
                onChange={(e) => {
                  const next = { ...order.params };
                  if (e.target.value === "") delete next[name];
                  else next[name] = e.target.value;
                  set({ params: next });
                }}
              />
            </label>
          ))}
          <button type="button" className="button" onClick={() => set({ params: {} })}>
            {t("simulation.view.resetParams")}
          </button>
        </details>
      )}
    </form>
  );
}

function RunList() {
  const { t } = useTranslation();
  const services = useServices();
  const host = useSimulationHost();
  const runs = host.runs();
  return (
    <section className="simulation-runs" aria-labelledby="simulation-runs-heading">
      <h3 id="simulation-runs-heading" className="simulation-runs__heading">
        {t("simulation.view.runs")}
      </h3>
      {runs.length === 0 ? (
        <p className="side-bar__empty">{t("simulation.view.noRuns")}</p>
      ) : (
        <ul className="simulation-runs__list">
          {runs.map((r) => {
            const name = runLabel(services, r);
            return (
              <li key={r.id} className="simulation-runs__item">
                <button
                  type="button"
                  className="simulation-runs__open"
                  aria-label={t("simulation.view.open", { name })}
                  title={name}
                  onClick={() =>
                    services.editors.open({ kind: "report", resource: r.id }, { preview: false })
                  }
                >
                  <span className="simulation-runs__name">
                    {r.meta.packName} {r.meta.packVersion}
                  </span>
                  <span className="simulation-runs__meta">
                    {r.meta.dataset.name} ·{" "}
                    {new Date(r.createdAt).toLocaleString(services.preferences.getSnapshot().context.locale)}
                  </span>
                </button>
                <button
                  type="button"
                  className="icon-button simulation-runs__delete"
                  aria-label={t("simulation.view.delete", { name })}
                  title={t("simulation.view.delete", { name })}
                  onClick={() => void services.commands.execute("simulation.deleteRun", r.id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
