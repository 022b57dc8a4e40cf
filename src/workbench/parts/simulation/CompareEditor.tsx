import { ReportTable } from "./ReportTable";
import { useMemo } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import { compareRuns, CompareMismatch, type GroupChange, type MoverGroup } from "../../../engine";
import { usePreferencesActor } from "../../shell/preferencesContext";
import type { EditorProps } from "../contribution";
import { BarChart } from "./charts";
import { formatCompactMoney, formatMoney, formatNumber, formatPercent, text } from "./format";
import { pathLabel } from "./reportLabels";
import { MovedRecords } from "./MovedRecords";
import { useLoadedRun } from "./useLoadedRun";
import { useMoverReasons } from "./useMoverReasons";
import { useServices } from "../../services";
import "./simulation.css";

/** The compare report: a baseline run and a candidate run over the same dataset (`<base>..<candidate>`). */
export function CompareEditor({ input }: EditorProps) {
  const { t } = useTranslation();
  const [baseId = "", candidateId = ""] = input.resource.split("..");
  const base = useLoadedRun(baseId);
  const candidate = useLoadedRun(candidateId);
  const locale: Locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const result = useMemo(() => {
    if (!base.run || !candidate.run) return undefined;
    try {
      return {
        comparison: compareRuns(
          { table: base.run.outcome.table, spec: base.run.spec, content: base.run.content },
          { table: candidate.run.outcome.table, spec: candidate.run.spec, content: candidate.run.content },
        ),
      };
    } catch (error) {
      if (error instanceof CompareMismatch) return { error: error.message };
      throw error;
    }
  }, [base.run, candidate.run]);
  const services = useServices();
  const reasons = useMoverReasons(
    services,
    base.run,
    candidate.run,
    result && "comparison" in result ? result.comparison : undefined,
  );
  if (base.missing || candidate.missing)
    return <p className="report__message">{t("simulation.report.missing")}</p>;
  if (!base.run || !candidate.run || !result)
    return <p className="report__message">{t("simulation.report.loading")}</p>;
  if ("error" in result)
    return <p className="report__message">{t("simulation.compare.mismatch", { reason: result.error })}</p>;
  const c = result.comparison;
  const money = (v: string | number | null | undefined) => formatMoney(v, locale);
  const content = candidate.run.content;
  const label = (path: string) =>
    path === "elimination" ? t("simulation.report.elimination") : pathLabel(content, path, locale);
  // A field's column heading: the x-report dimension's title over that path, else a plain word.
  const fieldTitle = (field: "region" | "tier") => {
    const spec = candidate.run!.spec;
    const dimension = spec.dimensions.find((d) => d.path === spec.fields[field]);
    return dimension?.title ? pickText(dimension.title, locale) : t(`simulation.compare.${field}`);
  };
  const status = (output: string, value: string) =>
    output === "elimination" ? t(`simulation.compare.status.${value}`) : value;
  const bm = base.run.outcome.meta;
  const cm = candidate.run.outcome.meta;
  const title = t("simulation.report.compareTitle", {
    base: `${bm.packName} ${bm.packVersion}`,
    candidate: `${cm.packName} ${cm.packVersion}`,
  });

  const movers = (group: MoverGroup, name: string) => (
    <div className="report__block">
      <h3 className="report__subheading">{name}</h3>
      <p>
        {t("simulation.compare.moversText", {
          count: formatNumber(group.count, locale),
          total: money(group.total),
        })}
      </p>
      {group.count > 0 && (
        <ReportTable
          label={`${name}: ${t("simulation.compare.top")}`}
          columns={[
            { label: t("simulation.report.record") },
            { label: t("simulation.compare.name") },
            { label: fieldTitle("region") },
            { label: fieldTitle("tier") },
            { label: t("simulation.compare.base"), numeric: true },
            { label: t("simulation.compare.candidate"), numeric: true },
            { label: t("simulation.compare.delta"), numeric: true },
            { label: t("simulation.compare.deltaOfSales"), numeric: true },
          ]}
        >
          {group.top.map((m) => (
            <tr key={m.index}>
              <th scope="row">{String(m.id)}</th>
              <td>{text(m.name)}</td>
              <td>{text(m.region)}</td>
              <td>{text(m.tier)}</td>
              <td className="num">{money(m.base)}</td>
              <td className="num">{money(m.candidate)}</td>
              <td className="num">{money(m.delta)}</td>
              <td className="num">{formatPercent(m.deltaShareOfSales, locale)}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </div>
  );

  const groups = (rows: GroupChange[], name: string) => (
    <div className="report__block">
      <h3 className="report__subheading">{name}</h3>
      <BarChart
        label={t("simulation.report.chart", { name })}
        categories={rows.map((g) => g.key)}
        series={[{ label: t("simulation.compare.delta"), values: rows.map((g) => Number(g.delta)) }]}
        formatAxis={(v) => formatCompactMoney(v, locale)}
        signed
      />
      <ReportTable
        label={t("simulation.report.table", { name })}
        columns={[
          { label: t("simulation.report.group") },
          { label: t("simulation.report.count"), numeric: true },
          { label: t("simulation.compare.base"), numeric: true },
          { label: t("simulation.compare.candidate"), numeric: true },
          { label: t("simulation.compare.delta"), numeric: true },
          { label: t("simulation.compare.winners"), numeric: true },
          { label: t("simulation.compare.losers"), numeric: true },
        ]}
      >
        {rows.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.key || "—"}</th>
            <td className="num">{formatNumber(g.count, locale)}</td>
            <td className="num">{money(g.base)}</td>
            <td className="num">{money(g.candidate)}</td>
            <td className="num">{money(g.delta)}</td>
            <td className="num">{formatNumber(g.winners, locale)}</td>
            <td className="num">{formatNumber(g.losers, locale)}</td>
          </tr>
        ))}
      </ReportTable>
    </div>
  );

  return (
    // The report is its own scroll area: a tab stop lets the keyboard scroll it (axe scrollable-region-focusable).
    <article className="report" aria-label={title} tabIndex={0}>
      <header className="report__header">
        <h1 className="report__title">{title}</h1>
        <p>
          {pickText(bm.packTitle, locale)} · {bm.dataset.name} · {formatNumber(c.count, locale)}
        </p>
      </header>
      <section className="report__section" aria-labelledby="compare-cost">
        <h2 id="compare-cost" className="report__heading">
          {t("simulation.compare.costChange")}
        </h2>
        <dl className="report__kpis">
          <div>
            <dt>{t("simulation.compare.base")}</dt>
            <dd>{money(c.cost.base)}</dd>
          </div>
          <div>
            <dt>{t("simulation.compare.candidate")}</dt>
            <dd>{money(c.cost.candidate)}</dd>
          </div>
          <div>
            <dt>{t("simulation.compare.delta")}</dt>
            <dd>{money(c.cost.delta)}</dd>
          </div>
          <div>
            <dt>{t("simulation.compare.winners")}</dt>
            <dd>{formatNumber(c.winners.count, locale)}</dd>
          </div>
          <div>
            <dt>{t("simulation.compare.losers")}</dt>
            <dd>{formatNumber(c.losers.count, locale)}</dd>
          </div>
          <div>
            <dt>{t("simulation.compare.unchanged")}</dt>
            <dd>{formatNumber(c.unchanged, locale)}</dd>
          </div>
          <div>
            <dt>{t("simulation.compare.cushion")}</dt>
            <dd>{money(c.cushion)}</dd>
          </div>
        </dl>
        <ReportTable
          label={t("simulation.report.table", { name: t("simulation.compare.costChange") })}
          columns={[
            { label: t("simulation.report.component") },
            { label: t("simulation.compare.base"), numeric: true },
            { label: t("simulation.compare.candidate"), numeric: true },
            { label: t("simulation.compare.delta"), numeric: true },
          ]}
        >
          {c.components.map((x) => (
            <tr key={x.output}>
              <th scope="row" title={x.output}>
                {label(x.output)}
              </th>
              <td className="num">{money(x.base)}</td>
              <td className="num">{money(x.candidate)}</td>
              <td className="num">{money(x.delta)}</td>
            </tr>
          ))}
        </ReportTable>
      </section>
      <section className="report__section" aria-labelledby="compare-movers">
        <h2 id="compare-movers" className="report__heading">
          {t("simulation.compare.winners")} / {t("simulation.compare.losers")}
        </h2>
        {movers(c.winners, t("simulation.compare.winners"))}
        {movers(c.losers, t("simulation.compare.losers"))}
      </section>
      <section className="report__section" aria-labelledby="compare-groups">
        <h2 id="compare-groups" className="report__heading">
          {t("simulation.compare.byRegion")} / {t("simulation.compare.byTier")}
        </h2>
        {groups(c.byRegion, t("simulation.compare.byRegion"))}
        {groups(c.byTier, t("simulation.compare.byTier"))}
      </section>
      <section className="report__section" aria-labelledby="compare-movement">
        <h2 id="compare-movement" className="report__heading">
          {t("simulation.compare.movement")}
        </h2>
        {c.movements.map((m) => (
          <div key={m.output} className="report__block">
            <h3 className="report__subheading" title={m.output}>
              {label(m.output)}
            </h3>
            <p>{t("simulation.compare.movedText", { count: formatNumber(m.changed, locale) })}</p>
            {m.changed > 0 && (
              <ReportTable
                label={`${t("simulation.compare.movement")}: ${label(m.output)}`}
                columns={[
                  { label: t("simulation.compare.from") },
                  { label: t("simulation.compare.to") },
                  { label: t("simulation.report.count"), numeric: true },
                ]}
              >
                {m.cells
                  .filter((cell) => cell.from !== cell.to)
                  .map((cell) => (
                    <tr key={`${cell.from}→${cell.to}`}>
                      <td>{status(m.output, cell.from)}</td>
                      <td>{status(m.output, cell.to)}</td>
                      <td className="num">{formatNumber(cell.count, locale)}</td>
                    </tr>
                  ))}
              </ReportTable>
            )}
            <MovedRecords movement={m} name={label(m.output)} reasons={reasons} locale={locale} />
          </div>
        ))}
      </section>
    </article>
  );
}
