import { ReportTable } from "./ReportTable";
import { EliminatedTable, ErrorsTable } from "./ReportLists";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import type { Concentration, Histogram } from "../../../engine";
import { useServices } from "../../services";
import type { LoadedRun, Staleness } from "../../services/simulation";
import { usePreferencesActor } from "../../shell/preferencesContext";
import type { EditorProps } from "../contribution";
import { BarChart } from "./charts";
import {
  formatCompactMoney,
  formatCompactNumber,
  formatMoney,
  formatNumber,
  formatPercent,
  formatValue,
} from "./format";
import { pathLabel, unitOf } from "./reportLabels";
import { ResultsGrid, type GridColumn } from "./ResultsGrid";
import { reportSlots } from "./reportSlots";
import { useLoadedRun } from "./useLoadedRun";
import { useStages } from "./useStages";
import { useSimulationHost } from "./SimulationView";
import "./simulation.css";

export function ReportEditor({ input }: EditorProps) {
  const { t } = useTranslation();
  const { run, missing } = useLoadedRun(input.resource);
  const host = useSimulationHost();
  const [stale, setStale] = useState<Staleness | null>(null);
  useEffect(() => {
    if (!run) return;
    let live = true;
    void host.staleness(run.summary).then((s) => live && setStale(s));
    return () => {
      live = false;
    };
  }, [host, run]);
  if (missing) return <p className="report__message">{t("simulation.report.missing")}</p>;
  if (!run) return <p className="report__message">{t("simulation.report.loading")}</p>;
  const Guardrails = reportSlots.guardrails;
  return <ReportView run={run} stale={stale} guardrails={Guardrails ? <Guardrails run={run} /> : null} />;
}

/** A decimal string with its sign flipped. */
const negate = (text: string) => (text.startsWith("-") ? text.slice(1) : `-${text}`);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="report__section" aria-labelledby={`report-${id}`}>
      <h2 id={`report-${id}`} className="report__heading">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function ReportView({
  run,
  stale,
  guardrails,
}: {
  run: LoadedRun;
  stale: Staleness | null;
  /** The guardrail results, mounted first (see {@link reportSlots}). */
  guardrails?: ReactNode;
}) {
  const { t } = useTranslation();
  const services = useServices();
  const locale: Locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const { outcome, content, spec, summary } = run;
  const { report, meta, table } = outcome;
  const label = (path: string) => pathLabel(content, path, locale);
  const money = (v: string | number | null | undefined) => formatMoney(v, locale);
  const compactMoney = (v: number) => formatCompactMoney(v, locale);
  const h = report.headline;

  const columns: GridColumn[] = useMemo(
    () => [
      { path: spec.fields.name, label: label(spec.fields.name) },
      { path: spec.fields.region, label: label(spec.fields.region) },
      { path: spec.fields.tier, label: label(spec.fields.tier) },
      ...table.outKeys.map((k) => ({
        path: `out.${k}`,
        label: label(`out.${k}`),
        unit: unitOf(content, `out.${k}`),
      })),
      ...table.popKeys.map((k) => ({ path: `pop.${k}`, label: label(`pop.${k}`) })),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels follow the locale
    [run, locale],
  );
  // Headline and distribution first; then funnel and classes, elimination and histograms, the grid,
  // errors and metadata, each stage in a task of its own.
  const stage = useStages(5);
  const canOpenStatement = services.editors.canOpen("statement");
  const openStatement = (index: number) =>
    services.editors.open({
      kind: "statement",
      resource: `${meta.packRef}::${meta.dataset.id}::${String(table.ids[index])}`,
    });

  return (
    // The report is its own scroll area: a tab stop lets the keyboard scroll it (axe scrollable-region-focusable).
    <article
      className="report"
      tabIndex={0}
      aria-label={t("simulation.report.title", {
        pack: `${meta.packName} ${meta.packVersion}`,
        dataset: meta.dataset.name,
      })}
    >
      <header className="report__header">
        <h1 className="report__title">
          {pickText(meta.packTitle, locale)} {meta.packVersion} · {meta.dataset.name}
        </h1>
        {stale && stale.pack !== "same" && (
          <p className="report__warning" role="note">
            {t(stale.pack === "gone" ? "simulation.report.goneePack" : "simulation.report.stalePack")}
          </p>
        )}
        {stale && stale.dataset !== "same" && (
          <p className="report__warning" role="note">
            {t(stale.dataset === "gone" ? "simulation.report.goneDataset" : "simulation.report.staleDataset")}
          </p>
        )}
        {outcome.specProblems.length > 0 && (
          <div className="report__warning" role="note">
            {t("simulation.report.specProblems")}
            <ul>
              {outcome.specProblems.map((p) => (
                <li key={p.pointer}>
                  <code>{p.pointer}</code> {pickText(p.text, locale)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </header>

      {guardrails && (
        <section
          className="report__section report__guardrails"
          aria-label={t("simulation.report.guardrails")}
        >
          {guardrails}
        </section>
      )}

      <Section id="headline" title={t("simulation.report.headline")}>
        <dl className="report__kpis">
          <div>
            <dt>{t("simulation.report.totalCost")}</dt>
            <dd>{money(h.totalCost)}</dd>
          </div>
          <div>
            <dt>{t("simulation.report.costOfSales")}</dt>
            <dd>{formatPercent(h.costShareOfSales, locale)}</dd>
          </div>
          <div>
            <dt>{t("simulation.report.costOfCollections")}</dt>
            <dd>{formatPercent(h.costShareOfCollections, locale)}</dd>
          </div>
          <div>
            <dt>{t("simulation.report.payable")}</dt>
            <dd>{money(h.payable)}</dd>
          </div>
          <div>
            <dt>{t("simulation.report.accrued")}</dt>
            <dd>{money(h.accrued)}</dd>
          </div>
          <div>
            <dt>{t("simulation.report.paid")}</dt>
            <dd>
              {formatNumber(h.paid, locale)} / {formatNumber(report.count, locale)}
            </dd>
          </div>
          <div>
            <dt>{t("simulation.report.netSales")}</dt>
            <dd>{money(h.sales)}</dd>
          </div>
          <div>
            <dt>{t("simulation.report.collections")}</dt>
            <dd>{money(h.collections)}</dd>
          </div>
        </dl>
        <BarChart
          label={t("simulation.report.chart", { name: t("simulation.report.totalCost") })}
          categories={h.components.map((c) => label(c.output))}
          series={[
            {
              label: t("simulation.report.amount"),
              values: h.components.map((c) => Number(c.total) * c.sign),
            },
          ]}
          formatAxis={compactMoney}
          signed
        />
        <table
          className="report__table"
          aria-label={t("simulation.report.table", { name: t("simulation.report.totalCost") })}
        >
          <thead>
            <tr>
              <th scope="col">{t("simulation.report.component")}</th>
              <th scope="col">{t("simulation.report.basis")}</th>
              <th scope="col" className="num">
                {t("simulation.report.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {h.components.map((c) => (
              <tr key={c.output}>
                <th scope="row" title={c.output}>
                  {label(c.output)}
                </th>
                <td>{t(`simulation.report.${c.basis}`)}</td>
                <td className="num">{money(c.sign === -1 ? negate(c.total) : c.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("simulation.report.totalCost")}</th>
              <td />
              <td className="num">{money(h.totalCost)}</td>
            </tr>
          </tfoot>
        </table>
      </Section>

      <Section id="distribution" title={t("simulation.report.distribution")}>
        {report.distribution.map((d) => {
          const dim = spec.dimensions.find((x) => x.id === d.id);
          const name = dim?.title ? pickText(dim.title, locale) : label(d.path);
          return (
            <div key={d.id} className="report__block">
              <h3 className="report__subheading">{name}</h3>
              <BarChart
                label={t("simulation.report.chart", { name })}
                categories={d.groups.map((g) => g.key)}
                series={[{ label: t("simulation.report.cost"), values: d.groups.map((g) => Number(g.cost)) }]}
                formatAxis={compactMoney}
              />
              <ReportTable
                label={t("simulation.report.table", { name })}
                columns={[
                  { label: t("simulation.report.group") },
                  { label: t("simulation.report.count"), numeric: true },
                  { label: t("simulation.report.paid"), numeric: true },
                  { label: t("simulation.report.cost"), numeric: true },
                  { label: t("simulation.report.sales"), numeric: true },
                  { label: t("simulation.report.share"), numeric: true },
                ]}
              >
                {d.groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.key || "—"}</th>
                    <td className="num">{formatNumber(g.count, locale)}</td>
                    <td className="num">{formatNumber(g.paid, locale)}</td>
                    <td className="num">{money(g.cost)}</td>
                    <td className="num">{money(g.sales)}</td>
                    <td className="num">{formatPercent(g.costShareOfSales, locale)}</td>
                  </tr>
                ))}
              </ReportTable>
            </div>
          );
        })}
        <ConcentrationBlock concentration={report.concentration} count={report.count} locale={locale} />
      </Section>

      {stage > 1 && (
        <>
          <Section id="funnel" title={t("simulation.report.funnel")}>
            <BarChart
              label={t("simulation.report.chart", { name: t("simulation.report.funnel") })}
              categories={report.funnel.map((f) => {
                const gate = spec.gates.find((g) => g.id === f.id);
                return gate?.title ? pickText(gate.title, locale) : f.id;
              })}
              series={[{ label: t("simulation.report.failed"), values: report.funnel.map((f) => f.failed) }]}
              formatAxis={(v) => formatCompactNumber(v, locale)}
            />
            <ReportTable
              label={t("simulation.report.table", { name: t("simulation.report.funnel") })}
              columns={[
                { label: t("simulation.report.gate") },
                { label: t("simulation.report.failed"), numeric: true },
                { label: t("simulation.report.failedSales"), numeric: true },
                { label: t("simulation.report.heldBack"), numeric: true },
              ]}
            >
              {report.funnel.map((f) => {
                const gate = spec.gates.find((g) => g.id === f.id);
                return (
                  <tr key={f.id}>
                    <th scope="row" title={`${f.path} ${gate?.op ?? ""} ${JSON.stringify(gate?.value)}`}>
                      {gate?.title ? pickText(gate.title, locale) : f.id}
                    </th>
                    <td className="num">{formatNumber(f.failed, locale)}</td>
                    <td className="num">{money(f.failedSales)}</td>
                    <td className="num">{f.heldBack === null ? "—" : money(f.heldBack)}</td>
                  </tr>
                );
              })}
            </ReportTable>
          </Section>

          <Section id="classes" title={t("simulation.report.classes")}>
            <div className="report__grid2">
              {report.classes.map((c) => (
                <div key={c.output} className="report__block">
                  <h3 className="report__subheading" title={c.output}>
                    {label(c.output)}
                  </h3>
                  <BarChart
                    label={t("simulation.report.chart", { name: label(c.output) })}
                    categories={c.counts.map((v) => v.value)}
                    series={[{ label: t("simulation.report.count"), values: c.counts.map((v) => v.count) }]}
                    formatAxis={(v) => formatCompactNumber(v, locale)}
                  />
                  <ReportTable
                    label={t("simulation.report.table", { name: label(c.output) })}
                    columns={[
                      { label: t("simulation.report.value") },
                      { label: t("simulation.report.count"), numeric: true },
                      { label: t("simulation.report.cost"), numeric: true },
                    ]}
                  >
                    {c.counts.map((v) => (
                      <tr key={v.value}>
                        <th scope="row">{v.value}</th>
                        <td className="num">{formatNumber(v.count, locale)}</td>
                        <td className="num">{money(v.cost)}</td>
                      </tr>
                    ))}
                  </ReportTable>
                </div>
              ))}
            </div>
          </Section>
        </>
      )}

      {stage > 2 && (
        <>
          <Section id="elimination" title={t("simulation.report.elimination")}>
            <p>
              {t("simulation.report.eliminatedCount", {
                count: formatNumber(report.elimination.count, locale),
                amount: money(report.elimination.revenueAtRisk),
              })}
            </p>
            {report.elimination.list.length > 0 && (
              <EliminatedTable
                list={report.elimination.list.slice(0, 500)}
                nameLabel={label(spec.fields.name)}
                label={label}
                money={money}
                locale={locale}
              />
            )}
          </Section>

          <Section id="histograms" title={t("simulation.report.histograms")}>
            <div className="report__grid2">
              {report.histograms.map((hg) => (
                <HistogramBlock
                  key={hg.output}
                  histogram={hg}
                  name={label(hg.output)}
                  unit={unitOf(content, hg.output)}
                  locale={locale}
                />
              ))}
            </div>
          </Section>
        </>
      )}

      {stage > 3 && (
        <>
          <Section id="grid" title={t("simulation.report.grid")}>
            <ResultsGrid
              table={table}
              columns={columns}
              filterPaths={[spec.fields.name, spec.fields.region, spec.fields.tier]}
              locale={locale}
              {...(canOpenStatement ? { onOpen: openStatement } : {})}
            />
          </Section>
        </>
      )}

      {stage > 4 && (
        <>
          <Section id="errors" title={t("simulation.report.errors")}>
            {report.errors.list.length === 0 ? (
              <p>{t("simulation.report.noErrors")}</p>
            ) : (
              <ErrorsTable list={report.errors.list} locale={locale} />
            )}
          </Section>

          <Section id="metadata" title={t("simulation.report.metadata")}>
            <dl className="report__meta">
              <dt>{t("simulation.report.packName")}</dt>
              <dd>
                {meta.packName} ({meta.packRef})
              </dd>
              <dt>{t("simulation.report.version")}</dt>
              <dd>{meta.packVersion}</dd>
              <dt>{t("simulation.report.integrity")}</dt>
              <dd>
                <code>{meta.integrity}</code>
              </dd>
              <dt>{t("simulation.report.changedParams")}</dt>
              <dd>
                {meta.changedParams.length === 0
                  ? t("simulation.report.none")
                  : meta.changedParams
                      .map((p) => `${p.name}: ${String(p.default)} → ${String(p.value)}`)
                      .join("; ")}
              </dd>
              <dt>{t("simulation.view.dataset")}</dt>
              <dd>
                {meta.dataset.name} ({formatNumber(meta.records, locale)})
              </dd>
              <dt>{t("simulation.report.datasetHash")}</dt>
              <dd>
                <code>{meta.datasetHash}</code>
              </dd>
              <dt>{t("simulation.report.asOf")}</dt>
              <dd>
                {meta.asOf} ({t(`simulation.report.asOfSource.${meta.asOfSource}`)})
              </dd>
              <dt>{t("simulation.report.duration")}</dt>
              <dd>{(meta.durationMs / 1000).toFixed(2)} s</dd>
              <dt>{t("simulation.report.errors")}</dt>
              <dd>{formatNumber(meta.recordsWithErrors, locale)}</dd>
              <dt>{t("simulation.report.created")}</dt>
              <dd>{new Date(summary.createdAt).toLocaleString(locale)}</dd>
            </dl>
          </Section>
        </>
      )}
    </article>
  );
}

function HistogramBlock({
  histogram,
  name,
  unit,
  locale,
}: {
  histogram: Histogram;
  name: string;
  unit: string | undefined;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const f = (v: number) => formatValue(v, unit, locale);
  // Bin starts under the columns, compact so that twenty of them fit.
  const axis = (v: number) =>
    unit === "CNY" ? formatCompactMoney(v, locale) : formatCompactNumber(v, locale);
  return (
    <div className="report__block">
      <h3 className="report__subheading" title={histogram.output}>
        {name}
      </h3>
      <BarChart
        label={t("simulation.report.chart", { name })}
        categories={histogram.bins.map((b) => axis(b.from))}
        series={[{ label: t("simulation.report.binCount"), values: histogram.bins.map((b) => b.count) }]}
        formatAxis={(v) => formatCompactNumber(v, locale)}
        columns
        height={160}
      />
      <details>
        <summary>{t("simulation.report.table", { name })}</summary>
        <ReportTable
          label={t("simulation.report.table", { name })}
          columns={[
            { label: t("simulation.report.bin") },
            { label: t("simulation.report.count"), numeric: true },
          ]}
        >
          {histogram.bins.map((b, i) => (
            <tr key={i}>
              <th scope="row">{b.from === b.to ? f(b.from) : `${f(b.from)} – ${f(b.to)}`}</th>
              <td className="num">{formatNumber(b.count, locale)}</td>
            </tr>
          ))}
        </ReportTable>
      </details>
    </div>
  );
}

/**
 * Payout concentration: the top 10 % of distributors by payout against the rest, their share of the
 * payouts next to their share of sales, as a chart and its table.
 */
function ConcentrationBlock({
  concentration: c,
  count,
  locale,
}: {
  concentration: Concentration;
  count: number;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const name = t("simulation.report.concentration");
  const rest = (share: number | null) => (share === null ? null : 1 - share);
  const rows = [
    {
      key: t("simulation.report.topShare", { count: formatNumber(c.topCount, locale) }),
      payout: c.payoutShare,
      sales: c.salesShare,
    },
    {
      key: t("simulation.report.restShare", { count: formatNumber(count - c.topCount, locale) }),
      payout: rest(c.payoutShare),
      sales: rest(c.salesShare),
    },
  ];
  return (
    <div className="report__block">
      <h3 className="report__subheading">{name}</h3>
      <p>
        {t("simulation.report.concentrationText", {
          count: formatNumber(c.topCount, locale),
          payout: formatPercent(c.payoutShare, locale),
          sales: formatPercent(c.salesShare, locale),
        })}
      </p>
      <BarChart
        label={t("simulation.report.chart", { name })}
        categories={rows.map((r) => r.key)}
        series={[
          { label: t("simulation.report.payoutShare"), values: rows.map((r) => r.payout ?? 0) },
          { label: t("simulation.report.salesShare"), values: rows.map((r) => r.sales ?? 0) },
        ]}
        formatAxis={(v) => formatPercent(v, locale)}
      />
      <ReportTable
        label={t("simulation.report.table", { name })}
        columns={[
          { label: t("simulation.report.group") },
          { label: t("simulation.report.payoutShare"), numeric: true },
          { label: t("simulation.report.salesShare"), numeric: true },
        ]}
      >
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.key}</th>
            <td className="num">{formatPercent(r.payout, locale)}</td>
            <td className="num">{formatPercent(r.sales, locale)}</td>
          </tr>
        ))}
      </ReportTable>
    </div>
  );
}
