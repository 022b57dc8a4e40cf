import { useMemo } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { useWorkspaceActor } from "../../shell/workspaceContext";
import { problemRows } from "./problems.selectors";
import "./problems.css";

/** The Problems panel: every problem the workspace knows of, with where it is. */
export function ProblemsView() {
  const { t } = useTranslation();
  const problems = useSelector(useWorkspaceActor(), (s) => s.context.problems);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const rows = useMemo(() => problemRows(problems, locale), [problems, locale]);
  if (rows.length === 0) return <p className="panel__empty">{t("panel.noProblems")}</p>;
  return (
    <ul className="problems" aria-label={t("panel.problemsList")}>
      {rows.map((row) => (
        <li key={row.key} className={`problems__item problems__item--${row.severity}`}>
          <span className="problems__severity">{t(`panel.severity.${row.severity}`)}</span>
          <span className="problems__message">{row.message}</span>
          <span className="problems__location">
            {row.location} [{row.code}]
          </span>
        </li>
      ))}
    </ul>
  );
}
