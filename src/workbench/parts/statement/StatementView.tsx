import { useMemo, useState } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import { formatValue, type RuleStatement } from "../../../engine";
import type { StatementReply } from "../../../platform";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { pinRecordAsTest } from "./pinTest";
import type { StatementTarget } from "./statementResource";
import { TraceTree } from "./TraceTree";
import { useStatement } from "./useStatement";
import "./statement.css";

function RuleCard({
  rule,
  locale,
  reply,
  target,
}: {
  rule: RuleStatement;
  locale: Locale;
  reply: StatementReply;
  target: StatementTarget;
}) {
  const { t } = useTranslation();
  const services = useServices();
  const title = pickText(rule.title, locale);
  const headingId = `statement-${rule.rule}`;
  return (
    <section className="statement__rule" aria-labelledby={headingId}>
      <header className="statement__ruleHead">
        <h3 id={headingId} className="statement__ruleTitle">
          {title} <span className="statement__ruleId">{rule.rule}</span>
        </h3>
        <span className={`statement__value${rule.error ? " statement__value--error" : ""}`}>
          {rule.error ? pickText(rule.error.message, locale) : formatValue(rule.value, rule.unit, locale)}
        </span>
        <button
          type="button"
          className="statement__pin"
          aria-label={`${t("statement.pin")}: ${title}`}
          onClick={() => void pinRecordAsTest(services, reply, rule.rule, target)}
        >
          {t("statement.pin")}
        </button>
      </header>
      <p className="statement__sentence">{pickText(rule.sentence, locale)}</p>
      {rule.flips.length > 0 && (
        <div className="statement__flips">
          <h4>{t("statement.flips")}</h4>
          <ul>
            {rule.flips.map((f) => (
              <li key={f.pointer + f.op}>{pickText(f.text, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      <details className="statement__details">
        <summary>{t("statement.inputs")}</summary>
        {rule.inputs.length === 0 ? (
          <p>{t("statement.noInputs")}</p>
        ) : (
          <table className="statement__inputs">
            <thead>
              <tr>
                <th scope="col">{t("statement.label")}</th>
                <th scope="col">{t("statement.path")}</th>
                <th scope="col">{t("statement.value")}</th>
              </tr>
            </thead>
            <tbody>
              {rule.inputs.map((input) => (
                <tr key={input.path}>
                  <td>{input.label ? pickText(input.label, locale) : input.path}</td>
                  <td>
                    <code>{input.path}</code>
                  </td>
                  <td className="statement__num">{formatValue(input.value, input.unit, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
      {rule.trace && (
        <details className="statement__details">
          <summary>{t("statement.tree")}</summary>
          <TraceTree root={rule.trace} label={`${t("statement.tree")}: ${title}`} locale={locale} />
        </details>
      )}
    </section>
  );
}

/** A record's statement: every rule in evaluation order with its value, sentence, flips, inputs and tree. */
export function StatementView({ target, compact = false }: { target: StatementTarget; compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const state = useStatement(target);
  const [filter, setFilter] = useState("");
  const rules = useMemo(() => {
    if (state.status !== "done") return [];
    const q = filter.trim().toLowerCase();
    const all = state.reply.statement.rules;
    if (!q) return all;
    return all.filter(
      (r) =>
        r.rule.toLowerCase().includes(q) ||
        pickText(r.title, locale).toLowerCase().includes(q) ||
        r.title.en.toLowerCase().includes(q),
    );
  }, [state, filter, locale]);
  if (state.status === "loading")
    return (
      <div className="statement statement--message" role="status">
        {t("statement.loading")}
      </div>
    );
  if (state.status === "failed")
    return (
      <div className="statement statement--message" role="alert">
        {state.key
          ? t(`statement.${state.key}`, { ref: state.ref })
          : t("statement.failed", { message: state.message })}
      </div>
    );
  const { reply } = state;
  const pack = `${reply.name} ${reply.version}`;
  return (
    <div className={`statement${compact ? " statement--compact" : ""}`}>
      <header className="statement__head">
        <h2 className="statement__title">{t("statement.heading", { record: target.recordId })}</h2>
        <p className="statement__meta">
          {t("statement.meta", { pack, dataset: target.datasetId, asOf: reply.asOf })}
        </p>
        <input
          type="search"
          className="statement__filter"
          aria-label={t("statement.filterRules")}
          placeholder={t("statement.filterRules")}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="statement__count" role="status">
          {t("statement.ruleCount", { shown: rules.length, count: reply.statement.rules.length })}
        </span>
      </header>
      <div
        className="statement__rules"
        tabIndex={0}
        role="region"
        aria-label={t("statement.heading", { record: target.recordId })}
      >
        {rules.map((rule) => (
          <RuleCard key={rule.rule} rule={rule} locale={locale} reply={reply} target={target} />
        ))}
      </div>
    </div>
  );
}
