import { useId, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import type { MoverGroup, OutputImpact } from "../../../engine";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { versionImpact, type CompareSideRef, type VersionImpact } from "./versionImpact";

/** A decimal string with thousands separators (money totals are exact decimal strings). */
export const grouped = (decimal: string | null | undefined): string => {
  if (decimal === null || decimal === undefined) return "–";
  const [whole = "", fraction] = decimal.split(".");
  const text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? text : `${text}.${fraction}`;
};

/** A record's id or name as a cell shows it. */
const shown = (value: unknown): string =>
  typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);

function impactCells(i: OutputImpact): [string, string] {
  switch (i.kind) {
    case "total":
      return [grouped(i.oldTotal), grouped(i.newTotal)];
    case "counts":
      return [
        i.counts.map((c) => `${c.value} ${c.old}`).join(", "),
        i.counts.map((c) => `${c.value} ${c.new}`).join(", "),
      ];
    case "stats": {
      const s = (x?: { mean: number }) => (x ? `mean ${Number(x.mean.toPrecision(6))}` : "–");
      return [s(i.old), s(i.new)];
    }
  }
}

type Status =
  | { status: "running"; side: 0 | 1; done: number; total: number }
  | { status: "done"; impact: VersionImpact; name: string }
  | { status: "failed"; error: string }
  | null;

/** Why a run failed, in the UI's language when the simulation said it in both. */
function failure(error: unknown, locale: Locale): string {
  if (error && typeof error === "object" && "text" in error)
    return pickText((error as { text: { en: string } }).text, locale);
  return error instanceof Error ? error.message : String(error);
}

/**
 * The impact of going from the older to the newer version on a chosen dataset: both run as
 * `Simulation: Compare with Baseline` runs them and compared with the same `compareRuns`, so the
 * totals, winners and losers and movements here are the simulation comparison's.
 */
export function CompareImpact(props: {
  sides: readonly [CompareSideRef, CompareSideRef];
  oldLabel: string;
  newLabel: string;
}) {
  const { t } = useTranslation();
  const services = useServices();
  const workspace = useWorkspaceActor();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const datasets = useSelector(workspace, (s) => s.context.lists.datasets);
  const activeId = useSelector(workspace, (s) => s.context.activeDatasetId);
  const [datasetId, setDatasetId] = useState(activeId ?? datasets[0]?.id ?? "");
  const [result, setResult] = useState<Status>(null);
  const selectId = useId();
  const dataset = datasets.find((d) => d.id === datasetId);
  const labels = [props.oldLabel, props.newLabel] as const;
  const run = async () => {
    if (!dataset) return;
    setResult({ status: "running", side: 0, done: 0, total: dataset.rowCount });
    try {
      const impact = await versionImpact(services.simulation, props.sides, dataset.id, (side, done, total) =>
        setResult({ status: "running", side, done, total }),
      );
      setResult({ status: "done", impact, name: dataset.name });
    } catch (error) {
      setResult({ status: "failed", error: failure(error, locale) });
    }
  };
  return (
    <section className="compare__impact" aria-label={t("packs.compare.impact")}>
      <h3 className="released__heading">{t("packs.compare.impact")}</h3>
      <div className="release__version">
        <label htmlFor={selectId}>{t("packs.compare.dataset")}</label>
        <select
          id={selectId}
          className="release__input"
          value={datasetId}
          onChange={(e) => setDatasetId(e.target.value)}
        >
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.rowCount})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!dataset || result?.status === "running"}
          onClick={() => void run()}
        >
          {t("packs.compare.runImpact")}
        </button>
      </div>
      <p role="status" className="release__help">
        {result?.status === "running" && dataset
          ? t("packs.compare.runningSide", {
              label: labels[result.side],
              name: dataset.name,
              done: result.done,
              total: result.total,
            })
          : ""}
        {result?.status === "done"
          ? t("packs.compare.impactOn", {
              name: result.name,
              records: result.impact.comparison.count,
              asOf: result.impact.candidate.outcome.meta.asOf,
            })
          : ""}
      </p>
      {result?.status === "failed" && (
        <p role="alert" className="release__error">
          {t("packs.compare.failed", { error: result.error })}
        </p>
      )}
      {result?.status === "done" && <ImpactTables impact={result.impact} labels={labels} />}
    </section>
  );
}

function ImpactTables({ impact, labels }: { impact: VersionImpact; labels: readonly [string, string] }) {
  const { t } = useTranslation();
  const services = useServices();
  const c = impact.comparison;
  const movers = (group: MoverGroup, name: string, text: string) => (
    <div className="compare__block">
      <h5 className="compare__subheading">{name}</h5>
      <p>{text}</p>
      {group.top.length > 0 && (
        <table className="compare__table" aria-label={`${name}: ${t("packs.compare.top")}`}>
          <thead>
            <tr>
              <th scope="col">{t("packs.compare.record")}</th>
              <th scope="col">{labels[0]}</th>
              <th scope="col">{labels[1]}</th>
              <th scope="col">{t("packs.compare.delta")}</th>
            </tr>
          </thead>
          <tbody>
            {group.top.slice(0, 5).map((m) => (
              <tr key={m.index}>
                <th scope="row">
                  {shown(m.id)}
                  {m.name === undefined || m.name === null ? "" : ` · ${shown(m.name)}`}
                </th>
                <td className="num">{grouped(m.base)}</td>
                <td className="num">{grouped(m.candidate)}</td>
                <td className="num">{grouped(m.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
  const moved = c.movements.filter((m) => m.changed > 0);
  return (
    <>
      <h4 className="compare__heading">{t("packs.compare.totals")}</h4>
      <table className="compare__table" aria-label={t("packs.compare.totals")}>
        <thead>
          <tr>
            <th scope="col">{t("packs.compare.component")}</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
            <th scope="col">{t("packs.compare.delta")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="compare__changed">
            <th scope="row">{t("packs.compare.totalCost")}</th>
            <td className="num">{grouped(c.cost.base)}</td>
            <td className="num">{grouped(c.cost.candidate)}</td>
            <td className="num">{grouped(c.cost.delta)}</td>
          </tr>
          {c.components.map((x) => (
            <tr key={x.output}>
              <th scope="row">
                <code>{x.output}</code>
              </th>
              <td className="num">{grouped(x.base)}</td>
              <td className="num">{grouped(x.candidate)}</td>
              <td className="num">{grouped(x.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="compare__heading">
        {t("packs.compare.winners")} / {t("packs.compare.losers")}
      </h4>
      <div className="compare__grid">
        {movers(
          c.winners,
          t("packs.compare.winners"),
          t("packs.compare.winnersText", { count: c.winners.count, total: grouped(c.winners.total) }),
        )}
        {movers(
          c.losers,
          t("packs.compare.losers"),
          t("packs.compare.losersText", { count: c.losers.count, total: grouped(c.losers.total) }),
        )}
      </div>
      <p>{t("packs.compare.unchanged", { count: c.unchanged })}</p>
      <h4 className="compare__heading">{t("packs.compare.movements")}</h4>
      {moved.length === 0 && <p>{t("packs.compare.noMovement")}</p>}
      <div className="compare__grid">
        {moved.map((m) => {
          const name = m.output === "elimination" ? t("packs.compare.elimination") : m.output;
          return (
            <div key={m.output} className="compare__block">
              <h5 className="compare__subheading">
                <code>{name}</code>
              </h5>
              <p>{t("packs.compare.movedText", { count: m.changed })}</p>
              <table className="compare__table" aria-label={`${t("packs.compare.movements")}: ${name}`}>
                <thead>
                  <tr>
                    <th scope="col">{t("packs.compare.from")}</th>
                    <th scope="col">{t("packs.compare.to")}</th>
                    <th scope="col">{t("packs.compare.records")}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.cells
                    .filter((cell) => cell.from !== cell.to)
                    .map((cell) => (
                      <tr key={`${cell.from}→${cell.to}`}>
                        <td>{cell.from}</td>
                        <td>{cell.to}</td>
                        <td className="num">{cell.count}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </div>
      <h4 className="compare__heading">{t("packs.compare.outputs")}</h4>
      <table className="compare__table" aria-label={t("packs.compare.outputs")}>
        <thead>
          <tr>
            <th scope="col">{t("packs.compare.output")}</th>
            <th scope="col">{labels[0]}</th>
            <th scope="col">{labels[1]}</th>
            <th scope="col">{t("packs.compare.changedRecords")}</th>
          </tr>
        </thead>
        <tbody>
          {c.impacts
            .filter((i) => i.changed > 0 || i.output.startsWith("out."))
            .map((i) => {
              const [before, after] = impactCells(i);
              return (
                <tr key={i.output} className={i.changed > 0 ? "compare__changed" : undefined}>
                  <th scope="row">
                    <code>{i.output}</code>
                  </th>
                  <td>{before}</td>
                  <td>{after}</td>
                  <td>{i.changed}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          services.editors.open(
            { kind: "compare", resource: `${impact.base.summary.id}..${impact.candidate.summary.id}` },
            { preview: false },
          )
        }
      >
        {t("packs.compare.openFull")}
      </button>
    </>
  );
}
