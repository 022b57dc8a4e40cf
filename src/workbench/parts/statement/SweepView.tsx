import { useEffect, useMemo, useRef, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import { formatValue, groupDigits, sweepValues, type ParamSpec, type SweepRow } from "../../../engine";
import type { SweepReply } from "../../../platform";
import type { EditorProps } from "../contribution";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { loadSweep, RELEASE_REF } from "./statementClient";
import { usePackInfo } from "./usePackInfo";
import { parseSweepResource } from "./statementResource";
import "./statement.css";

type State =
  { status: "loading" } | { status: "failed"; message: string } | { status: "done"; reply: SweepReply };

/** An axis label for an amount: ¥58.6M in English, ¥5,856万 in Chinese. */
function compactYuan(n: number, locale: string): string {
  const abs = Math.abs(n);
  const sign = n < 0 ? "-" : "";
  if (locale === "zh-CN") {
    if (abs >= 1e8) return `${sign}¥${groupDigits(abs / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${sign}¥${groupDigits(abs / 1e4, 0)}万`;
  } else {
    if (abs >= 1e9) return `${sign}¥${groupDigits(abs / 1e9, 2)}B`;
    if (abs >= 1e6) return `${sign}¥${groupDigits(abs / 1e6, 1)}M`;
    if (abs >= 1e3) return `${sign}¥${groupDigits(abs / 1e3, 1)}K`;
  }
  return `${sign}¥${groupDigits(abs, 0)}`;
}

function Chart({
  rows,
  param,
  locale,
  unit,
}: {
  rows: SweepRow[];
  param: string;
  locale: Locale;
  unit: string | undefined;
}) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const theme = useSelector(usePreferencesActor(), (s) => s.context.theme);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let live = true;
    void import("./sweepChart").then(({ drawSweepChart }) => {
      if (!live || !host.current) return;
      host.current.replaceChildren();
      dispose = drawSweepChart(host.current, rows, {
        value: param,
        cost: t("statement.sweep.cost"),
        paid: t("statement.sweep.paid"),
        eliminated: t("statement.sweep.eliminated"),
        aClass: t("statement.sweep.aClass"),
        gateFailures: t("statement.sweep.gateFailures"),
        formatCost: (n) => compactYuan(n, locale),
        formatValue: (n) => (unit === "CNY" ? compactYuan(n, locale) : formatValue(n, unit, locale)),
      });
      setReady(true);
    });
    return () => {
      live = false;
      dispose?.();
    };
  }, [rows, param, t, theme, locale, unit]);
  return (
    <figure className="sweep__figure">
      <div
        ref={host}
        className="sweep__chart"
        role="img"
        aria-label={t("statement.sweep.chart", { param })}
      />
      {!ready && <p role="status">{t("statement.sweep.chartLoading")}</p>}
      <figcaption className="sweep__caption">{t("statement.sweep.chart", { param })}</figcaption>
    </figure>
  );
}

/** `Simulation: Sweep Parameter`: the pack run at each value of one parameter, a chart and its table. */
export function SweepView({ input }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const target = useMemo(() => parseSweepResource(input.resource), [input.resource]);
  const pack = usePackInfo(target?.packRef);
  useEffect(() => {
    // A released pack is read from storage when the releases were not read yet on this page.
    if (target?.packRef.startsWith(RELEASE_REF) && !pack) void services.releases.refresh();
  }, [services, target, pack]);
  const spec: ParamSpec | undefined = target ? pack?.params[target.param] : undefined;
  const [settled, setState] = useState<{ key: string; value: State }>({
    key: "",
    value: { status: "loading" },
  });
  const values = useMemo(
    () => (target && spec ? sweepValues(spec, target.from, target.to, target.steps) : []),
    [target, spec],
  );
  useEffect(() => {
    if (!target || !spec) return;
    let live = true;
    const key = input.resource;
    const settle = (value: State) => live && setState({ key, value });
    loadSweep(services, target, values).then(
      (reply) => settle({ status: "done", reply }),
      (error: unknown) =>
        settle({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [services, target, spec, values, input.resource]);
  const state: State = settled.key === input.resource ? settled.value : { status: "loading" };
  if (!target || !spec)
    return (
      <div className="statement statement--message" role="alert">
        {t("statement.failed", { message: input.resource })}
      </div>
    );
  const label = spec.title ? pickText(spec.title, locale) : target.param;
  if (state.status === "loading")
    return (
      <div className="statement statement--message" role="status">
        {t("statement.sweep.running", { count: values.length, param: label })}
      </div>
    );
  if (state.status === "failed")
    return (
      <div className="statement statement--message" role="alert">
        {t("statement.failed", { message: state.message })}
      </div>
    );
  const { rows, model } = state.reply;
  const fmt = (v: number) => formatValue(v, spec.unit, locale);
  return (
    <div className="statement sweep">
      <header className="statement__head">
        <h2 className="statement__title">{t("statement.sweep.heading", { param: label })}</h2>
        <p className="statement__meta">
          {t("statement.sweep.meta", {
            pack: pack ? `${pack.name} ${pack.version}` : target.packRef,
            dataset: target.datasetId,
            count: rows.length,
            cost: model.cost.join(" + "),
          })}
        </p>
      </header>
      <div
        className="statement__rules"
        tabIndex={0}
        role="region"
        aria-label={t("statement.sweep.heading", { param: label })}
      >
        <Chart rows={rows} param={label} locale={locale} unit={spec.unit} />
        <table className="statement__inputs sweep__table">
          <caption className="sweep__caption">{t("statement.sweep.heading", { param: label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("statement.sweep.value")}</th>
              <th scope="col">{t("statement.sweep.cost")}</th>
              <th scope="col">{t("statement.sweep.paid")}</th>
              <th scope="col">{t("statement.sweep.eliminated")}</th>
              <th scope="col">{t("statement.sweep.aClass")}</th>
              <th scope="col">{t("statement.sweep.gateFailures")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.value} className={r.value === spec.default ? "sweep__default" : undefined}>
                <th scope="row" className="statement__num">
                  {r.value === spec.default
                    ? t("statement.sweep.current", { value: fmt(r.value) })
                    : fmt(r.value)}
                </th>
                <td className="statement__num">{formatValue(Number(r.cost), "CNY", locale)}</td>
                <td className="statement__num">{r.paid}</td>
                <td className="statement__num">{r.eliminated}</td>
                <td className="statement__num">{r.aClass}</td>
                <td className="statement__num">{r.gateFailures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
