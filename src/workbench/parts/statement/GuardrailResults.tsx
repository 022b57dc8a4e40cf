import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import type { GuardrailResult } from "../../../engine";

/** How many offending records a guardrail names before "and N more". */
const SHOWN = 20;

/**
 * The guardrails of a run (the engine's `evaluateGuardrails` / a run summary's `guardrails`), passed
 * or failed, each with its sentence and the offending records; a record's id opens its statement when
 * `onOpenRecord` is given. Meant for the top of the simulation report.
 */
export function GuardrailResults({
  results,
  locale,
  onOpenRecord,
}: {
  results: readonly GuardrailResult[];
  locale: Locale;
  onOpenRecord?: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (results.length === 0) return null;
  const failed = results.filter((r) => !r.passed).length;
  return (
    <section className="guardrails" aria-labelledby="guardrails-heading">
      <h2 id="guardrails-heading" className="guardrails__title">
        {t("statement.guardrails")}{" "}
        <span className={failed ? "guardrails__bad" : "guardrails__good"}>
          {t("statement.guardrailSummary", { passed: results.length - failed, failed })}
        </span>
      </h2>
      <ul className="guardrails__list">
        {results.map((r) => (
          <li key={r.id} className={`guardrails__item guardrails__item--${r.passed ? "passed" : "failed"}`}>
            <span className="guardrails__status" aria-hidden="true">
              {r.passed ? "✓" : "✗"}
            </span>
            <span className="guardrails__name">{r.title ? pickText(r.title, locale) : r.id}</span>
            <span className="guardrails__verdict">
              {r.passed ? t("statement.guardrailPassed") : t("statement.guardrailFailed")}
            </span>
            <span className="guardrails__message">{pickText(r.message, locale)}</span>
            {!r.passed && r.offending.length > 0 && (
              <span className="guardrails__records">
                {t("statement.offending")}:{" "}
                {r.offending.slice(0, SHOWN).map((o, i) => (
                  <span key={String(o.id) + i}>
                    {i > 0 && ", "}
                    {onOpenRecord ? (
                      <button
                        type="button"
                        className="guardrails__record"
                        onClick={() => onOpenRecord(String(o.id))}
                      >
                        {String(o.id)}
                      </button>
                    ) : (
                      String(o.id)
                    )}
                  </span>
                ))}
                {r.offendingCount > SHOWN && ` ${t("statement.more", { count: r.offendingCount - SHOWN })}`}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
