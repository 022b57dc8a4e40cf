import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../base";
import { contributedStatusItems } from "../parts";
import { usePreferencesActor } from "./preferencesContext";

/** The status bar: contributed items on the left (active dataset), panel, language and theme on the right. */
export function StatusBar({ chord }: { chord: string | null }) {
  const { t } = useTranslation();
  const actor = usePreferencesActor();
  const { locale, theme, panelVisible } = useSelector(actor, (s) => s.context);
  const otherLocale: Locale = locale === "en" ? "zh-CN" : "en";
  const nextTheme = theme === "dark" ? "light" : "dark";
  return (
    <footer className="status-bar" aria-label={t("parts.statusBar")}>
      {contributedStatusItems.map(({ id, component: Item }) => (
        <Item key={id} />
      ))}
      <span className="status-bar__spacer" role="status" aria-live="polite">
        {chord !== null && t("status.chordPending", { chord })}
      </span>
      {!panelVisible && (
        <button
          type="button"
          className="status-bar__item"
          onClick={() => actor.send({ type: "panel.toggle" })}
        >
          {t("panel.show")}
        </button>
      )}
      <button
        type="button"
        className="status-bar__item"
        aria-label={t("status.switchLanguage", { language: t(`languages.${otherLocale}`) })}
        onClick={() => actor.send({ type: "locale.set", locale: otherLocale })}
      >
        {t(`languages.${locale}`)}
      </button>
      <button
        type="button"
        className="status-bar__item"
        aria-label={t("status.switchTheme", { theme: t(`themes.${nextTheme}`) })}
        onClick={() => actor.send({ type: "theme.set", theme: nextTheme })}
      >
        {t(`themes.${theme}`)}
      </button>
    </footer>
  );
}
