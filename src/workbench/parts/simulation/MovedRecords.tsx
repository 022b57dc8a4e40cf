import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import { formatValue, type DecidingReason, type Movement, type MoverReasons } from "../../../engine";
import { ReportTable } from "./ReportTable";
import { text } from "./format";
import { REASONS_LISTED, type ReasonsState } from "./useMoverReasons";

/** One side's reasons: the deciding rule and its value, the sentence, the inputs read, the flips. */
function Reasons({ reasons, locale }: { reasons: DecidingReason[] | undefined; locale: Locale }) {
  const { t } = useTranslation();
  if (!reasons || reasons.length === 0) return <>{t("simulation.compare.noReason")}</>;
  return (
    <>
      {reasons.map((r) => (
        <div key={r.source} className="report__reason">
          <p className="report__reason-sentence">{pickText(r.sentence, locale)}</p>
          {r.inputs.length > 0 && (
            <p className="report__reason-detail">
              {t("simulation.compare.inputsRead")}:{" "}
              {r.inputs
                .map(
                  (i) =>
                    `${i.label ? pickText(i.label, locale) : i.path} = ${formatValue(i.value, i.unit, locale)}`,
                )
                .join("; ")}
            </p>
          )}
          {r.flips.length > 0 && (
            <p className="report__reason-detail">
              {t("simulation.compare.wouldFlip")}: {r.flips.map((f) => pickText(f.text, locale)).join("; ")}
            </p>
          )}
        </div>
      ))}
    </>
  );
}

/**
 * The records a movement lists, from → to, with the reason from each side's trace (the rule and
 * inputs that decided the output there, its sentence and what would flip it).
 */
export function MovedRecords({
  movement,
  name,
  reasons,
  locale,
}: {
  movement: Movement;
  /** The movement's title (the output's label, or Elimination). */
  name: string;
  reasons: ReasonsState;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const listed = movement.moved.slice(0, REASONS_LISTED);
  if (listed.length === 0) return null;
  const byIndex: Map<number, MoverReasons> | undefined =
    reasons.status === "done" ? reasons.reasons.get(movement.output) : undefined;
  // The elimination movement's values are the engine's `eliminated` / `kept`, shown in the language.
  const statusLabel = (value: string) =>
    movement.output === "elimination" ? t(`simulation.compare.status.${value}`) : value;
  const base = t("simulation.compare.base");
  const candidate = t("simulation.compare.candidate");
  return (
    <div className="report__moved">
      <p>{t("simulation.compare.movedShown", { shown: listed.length, count: movement.changed })}</p>
      {reasons.status === "loading" && <p role="status">{t("simulation.compare.reasonsLoading")}</p>}
      {reasons.status === "failed" && (
        <p role="alert">{t("simulation.compare.reasonsFailed", { message: reasons.message })}</p>
      )}
      {/* Focusable, so the keyboard scrolls it too when it is wider or taller than the editor. */}
      <div className="report__scroll report__moved-scroll" tabIndex={0} role="group" aria-label={name}>
        <ReportTable
          label={`${t("simulation.compare.moved")}: ${name}`}
          columns={[
            { label: t("simulation.report.record") },
            { label: t("simulation.compare.name") },
            { label: t("simulation.compare.from") },
            { label: t("simulation.compare.to") },
            { label: t("simulation.compare.why", { side: base }) },
            { label: t("simulation.compare.why", { side: candidate }) },
          ]}
        >
          {listed.map((m) => {
            const r = byIndex?.get(m.index);
            return (
              <tr key={m.index}>
                <th scope="row">{text(m.id)}</th>
                <td>{text(m.name)}</td>
                <td>{statusLabel(m.from)}</td>
                <td>{statusLabel(m.to)}</td>
                <td className="report__reason-cell">
                  {reasons.status === "done" && <Reasons reasons={r?.base} locale={locale} />}
                </td>
                <td className="report__reason-cell">
                  {reasons.status === "done" && <Reasons reasons={r?.candidate} locale={locale} />}
                </td>
              </tr>
            );
          })}
        </ReportTable>
      </div>
    </div>
  );
}
