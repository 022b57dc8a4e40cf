import type { Locale } from "../../base";
import type { PreferencesContext, Theme } from "../../machines";

/**
 * Chooses the starting locale and theme: an explicit `?lang=` / `?theme=` in the URL wins (handy for
 * links and screenshots), then the browser's language and colour-scheme preference.
 */
export function initialPreferences(
  search: string,
  browserLanguages: readonly string[],
  prefersLight: boolean,
): Pick<PreferencesContext, "locale" | "theme"> {
  const params = new URLSearchParams(search);
  const lang = params.get("lang");
  const theme = params.get("theme");
  return {
    locale:
      parseLocale(lang) ?? (browserLanguages.some((l) => l.toLowerCase().startsWith("zh")) ? "zh-CN" : "en"),
    theme:
      theme === "light" || theme === "dark" || theme === "high-contrast"
        ? (theme satisfies Theme)
        : prefersLight
          ? "light"
          : "dark",
  };
}

function parseLocale(value: string | null): Locale | undefined {
  if (value === null) return undefined;
  if (value.toLowerCase().startsWith("zh")) return "zh-CN";
  if (value.toLowerCase().startsWith("en")) return "en";
  return undefined;
}
