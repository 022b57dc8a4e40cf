import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../base";
import { en } from "./en";
import { zhCN } from "./zh-CN";
import { partMessages } from "./parts";
import type { PartMessages } from "./partMessages";

/** The shared tables with every part's table under its namespace; a namespace may not be taken twice. */
export function mergeMessages(
  base: Record<string, unknown>,
  parts: readonly PartMessages[],
  locale: "en" | "zhCN",
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const part of parts) {
    if (part.namespace in merged)
      throw new Error(`i18n: the namespace "${part.namespace}" of a part's strings is already taken`);
    merged[part.namespace] = part[locale];
  }
  return merged;
}

export const resources = {
  en: { translation: mergeMessages(en, partMessages, "en") },
  "zh-CN": { translation: mergeMessages(zhCN, partMessages, "zhCN") },
} as const;

/**
 * A fresh i18next instance for the workbench. A private instance (not the global default) keeps tests
 * and several mounted workbenches independent. Resources are bundled, so initialisation is synchronous.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: "en",
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
