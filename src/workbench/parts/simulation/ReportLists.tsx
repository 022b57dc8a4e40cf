import { useTranslation } from "react-i18next";
import { pickText, type Locale } from "../../../base";
import type { Eliminated, ErrorSummary } from "../../../engine";
import { formatValue, text } from "./format";
import { usePagedRows } from "./PagedRows";
import { ReportTable } from "./ReportTable";

/**
 * The eliminated distributors with the rule and inputs that decided it: the first page of them,
 * more on request (see {@link usePagedRows}).
 */
export function EliminatedTable({
  list,
  nameLabel,
  label,
  money,
  locale,
}: {
  list: readonly Eliminated[];
  nameLabel: string;
  label: (path: string) => string;
  money: (v: string | number | null | undefined) => string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const { shown, more } = usePagedRows(list);
  return (
    <>
      {/* Scrolls sideways on its own when narrow: a tab stop lets the keyboard scroll it. */}
      <div
        className="report__scroll"
        tabIndex={0}
        role="group"
        aria-label={t("simulation.report.elimination")}
      >
        <ReportTable
          label={t("simulation.report.elimination")}
          columns={[
            { label: t("simulation.report.record") },
            { label: nameLabel },
            { label: t("simulation.report.decidedBy") },
            { label: t("simulation.report.inputs") },
            { label: t("simulation.report.sales"), numeric: true },
          ]}
        >
          {shown.map((e) => (
            <tr key={e.index}>
              <th scope="row">{String(e.id)}</th>
              <td>{text(e.name)}</td>
              <td>
                {label(e.output)} = {String(e.value)}
              </td>
              <td className="report__inputs">
                {e.inputs.map((i) => `${i.path} = ${formatValue(i.value, undefined, locale)}`).join("; ")}
              </td>
              <td className="num">{money(e.sales)}</td>
            </tr>
          ))}
        </ReportTable>
      </div>
      {more(locale)}
    </>
  );
}

/** The record errors (record, rule, reason), a page at a time. */
export function ErrorsTable({ list, locale }: { list: ErrorSummary["list"]; locale: Locale }) {
  const { t } = useTranslation();
  const { shown, more } = usePagedRows(list);
  return (
    <>
      <div className="report__scroll" tabIndex={0} role="group" aria-label={t("simulation.report.errors")}>
        <ReportTable
          label={t("simulation.report.errors")}
          columns={[
            { label: t("simulation.report.record") },
            { label: t("simulation.report.rule") },
            { label: t("simulation.report.reason") },
          ]}
        >
          {shown.map((e, k) => (
            <tr key={k}>
              <th scope="row">{String(e.id)}</th>
              <td>{e.error.rule ?? "—"}</td>
              <td>{pickText(e.error.message, locale)}</td>
            </tr>
          ))}
        </ReportTable>
      </div>
      {more(locale)}
    </>
  );
}
