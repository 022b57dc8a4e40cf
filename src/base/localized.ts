/** Locales the product ships. `en` is the fallback and is always present in user-visible texts. */
export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

/** A text in several languages, as rule titles, descriptions and engine messages carry it. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, "en">, string>>;

/** The text in `locale`, falling back to English when that translation is missing. */
export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}
