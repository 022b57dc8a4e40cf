import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { useServices } from "../../services";
import { usePreferencesActor } from "../../shell/preferencesContext";
import "./output.css";

/** The Output panel: what the workbench did (saves, imports, test runs, errors), with timestamps. */
export function OutputView() {
  const { t } = useTranslation();
  const { ui } = useServices();
  const entries = useSelector(ui.output, (s) => s.context.entries);
  const locale = useSelector(usePreferencesActor(), (s) => s.context.locale);
  const time = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  });
  return (
    <ol className="output" aria-label={t("panel.output")}>
      {entries.map((entry, index) => (
        <li key={index} className={`output__entry output__entry--${entry.level}`}>
          <time dateTime={entry.time}>[{time.format(new Date(entry.time))}]</time>{" "}
          <span className="output__level">{t(`output.levels.${entry.level}`)}</span> {entry.message}
        </li>
      ))}
    </ol>
  );
}

/** The Output tab is shown once something has been logged. */
export function useOutputHasContent(): boolean {
  const { ui } = useServices();
  return useSelector(ui.output, (s) => s.context.entries.length > 0);
}
