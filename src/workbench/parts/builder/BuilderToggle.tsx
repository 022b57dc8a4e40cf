import { useTranslation } from "react-i18next";
import { editorKey } from "../../../machines";
import { useServices } from "../../services";
import type { EditorProps } from "../contribution";
import { toggleBuilder, useBuilderMode } from "./builderMode";

/** The toggle at the end of the tab bar (Rules: Toggle Visual Builder, Ctrl+K V): pressed while the builder shows. */
export function BuilderToggle({ input }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const key = editorKey(input);
  const on = useBuilderMode(key);
  return (
    <button
      type="button"
      className="builder-toggle"
      aria-pressed={on}
      aria-label={t("builder.toggle")}
      title={t("builder.toggleHint")}
      onClick={() => toggleBuilder(services, key)}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <rect x="1.5" y="2" width="13" height="3" rx="0.5" fill="none" stroke="currentColor" />
        <rect x="1.5" y="7" width="6" height="3" rx="0.5" fill="none" stroke="currentColor" />
        <rect x="8.5" y="11" width="6" height="3" rx="0.5" fill="none" stroke="currentColor" />
        <path d="M4.5 5v2M11.5 10v1" stroke="currentColor" />
      </svg>
      <span className="builder-toggle__text">{t("builder.toggle")}</span>
    </button>
  );
}
