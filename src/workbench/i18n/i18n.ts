import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../base";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export const resources = {
  en: { translation: en },
  "zh-CN": { translation: zhCN },
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
