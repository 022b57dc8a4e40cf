import { useId } from "react";
import { useSelector } from "@xstate/react";
import { useTranslation } from "react-i18next";
import { locales, type Locale } from "../../../base";
import { numberFormats, preferenceLimits, themes, type NumberFormat, type Theme } from "../../../machines";
import { usePreferencesActor } from "../../shell/preferencesContext";
import { formatMoney } from "../../i18n/format";
import "./settings.css";

function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint: string;
  children: (id: string, hintId: string) => React.ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="settings__field">
      <label htmlFor={id} className="settings__label">
        {label}
      </label>
      <p id={hintId} className="settings__hint">
        {hint}
      </p>
      {children(id, hintId)}
    </div>
  );
}

/** A numeric setting; an emptied box changes nothing until a number is typed. */
function NumberField(props: {
  label: string;
  hint: string;
  limits: { min: number; max: number };
  step: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint}>
      {(id, hintId) => (
        <input
          id={id}
          aria-describedby={hintId}
          type="number"
          min={props.limits.min}
          max={props.limits.max}
          step={props.step}
          value={props.value}
          onChange={(e) => e.target.value !== "" && props.onChange(Number(e.target.value))}
        />
      )}
    </Field>
  );
}

/** The Settings view: theme, language, autosave delay, editor font size and the number format. */
export function SettingsView() {
  const { t } = useTranslation();
  const actor = usePreferencesActor();
  const prefs = useSelector(actor, (s) => s.context);
  return (
    <form className="settings" aria-label={t("settings.title")} onSubmit={(e) => e.preventDefault()}>
      <Field label={t("settings.theme")} hint={t("settings.themeHint")}>
        {(id, hintId) => (
          <select
            id={id}
            aria-describedby={hintId}
            value={prefs.theme}
            onChange={(e) => actor.send({ type: "theme.set", theme: e.target.value as Theme })}
          >
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {t(`themes.${theme}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("settings.language")} hint={t("settings.languageHint")}>
        {(id, hintId) => (
          <select
            id={id}
            aria-describedby={hintId}
            value={prefs.locale}
            onChange={(e) => actor.send({ type: "locale.set", locale: e.target.value as Locale })}
          >
            {locales.map((locale) => (
              <option key={locale} value={locale}>
                {t(`languages.${locale}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NumberField
        label={t("settings.autosave")}
        hint={t("settings.autosaveHint")}
        limits={preferenceLimits.autosaveDelay}
        step={100}
        value={prefs.autosaveDelay}
        onChange={(autosaveDelay) => actor.send({ type: "settings.set", autosaveDelay })}
      />
      <NumberField
        label={t("settings.fontSize")}
        hint={t("settings.fontSizeHint")}
        limits={preferenceLimits.fontSize}
        step={1}
        value={prefs.fontSize}
        onChange={(fontSize) => actor.send({ type: "settings.set", fontSize })}
      />
      <Field label={t("settings.numberFormat")} hint={t("settings.numberFormatHint")}>
        {(id, hintId) => (
          <select
            id={id}
            aria-describedby={hintId}
            value={prefs.numberFormat}
            onChange={(e) =>
              actor.send({ type: "settings.set", numberFormat: e.target.value as NumberFormat })
            }
          >
            {numberFormats.map((format) => (
              <option key={format} value={format}>
                {t(`settings.numberFormats.${format}`, {
                  example: formatMoney(12345678.9, prefs.locale, format),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </form>
  );
}
