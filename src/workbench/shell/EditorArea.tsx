import { useTranslation } from "react-i18next";

/** The editor area. With no editor open it shows the welcome text, as VS Code shows its watermark. */
export function EditorArea() {
  const { t } = useTranslation();
  return (
    <main className="editor-area" aria-label={t("parts.editor")}>
      <div className="editor-area__welcome">
        <h1>{t("editor.welcomeTitle")}</h1>
        <p>{t("editor.welcomeBody")}</p>
        <p className="editor-area__hint">{t("editor.noEditor")}</p>
      </div>
    </main>
  );
}
