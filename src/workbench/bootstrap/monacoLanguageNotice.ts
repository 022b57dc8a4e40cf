import { monacoLocale } from "../../platform";
import type { WorkbenchServices } from "../services";

/**
 * Monaco reads its own UI strings (context menu, find widget) once, when it loads; the workbench
 * switches language at once. When they part, say so and offer the reload that brings Monaco along,
 * as VS Code asks for a restart after a display language change. Unsaved text is never at risk: it
 * is in IndexedDB as it is typed.
 */
export function announceMonacoLanguage(s: WorkbenchServices, reload: () => void): () => void {
  let shown = s.preferences.getSnapshot().context.locale;
  const subscription = s.preferences.subscribe((snapshot) => {
    const { locale } = snapshot.context;
    if (locale === shown) return;
    shown = locale;
    const loaded = monacoLocale();
    if (loaded === undefined || loaded === locale) return;
    s.notifications.notify({
      severity: "info",
      // In the new language: the i18n instance may switch only after this subscriber runs.
      message: s.i18n.t("documentEditor.menusAfterReload", {
        lng: locale,
        language: s.i18n.t(`languages.${locale}`, { lng: locale }),
      }),
      actions: [{ label: s.i18n.t("documentEditor.reload", { lng: locale }), run: reload }],
    });
  });
  return () => subscription.unsubscribe();
}
