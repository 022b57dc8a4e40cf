import type { Locale } from "../../../base";

const money = new Map<string, Intl.NumberFormat>();
const numbers = new Map<string, Intl.NumberFormat>();
const percents = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, key: string, make: () => Intl.NumberFormat) {
  let f = map.get(key);
  if (!f) map.set(key, (f = make()));
  return f;
}

/** An amount in CNY for the locale (¥1,234.56); exact decimal strings keep their digits. */
export function formatMoney(value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  const f = cached(
    money,
    locale,
    () =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "CNY",
        currencyDisplay: "narrowSymbol",
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
  );
  // Intl formats decimal strings exactly (no float rounding) where supported.
  return f.format(value as unknown as number);
}

export function formatNumber(value: unknown, locale: Locale): string {
  if (typeof value !== "number" || !Number.isFinite(value))
    return value === undefined || value === null ? "—" : text(value);
  return cached(numbers, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })).format(
    value,
  );
}

export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return cached(
    percents,
    locale,
    () =>
      new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 2 }),
  ).format(value);
}

/** An output's value for a grid cell: money for CNY outputs, numbers grouped, others as text. */
export function formatValue(value: unknown, unit: string | undefined, locale: Locale): string {
  if (typeof value === "number" && unit === "CNY") return formatMoney(value, locale);
  if (typeof value === "number") return formatNumber(value, locale);
  if (value === undefined || value === null) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Any value as display text: primitives as they are, objects and arrays as JSON, nothing as "". */
export function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return `${value}`;
  return JSON.stringify(value) ?? "";
}

const compactMoney = new Map<string, Intl.NumberFormat>();
const compactNumbers = new Map<string, Intl.NumberFormat>();

/** An axis label for an amount: ¥58.6M in English, ¥5857万 in Chinese (Intl's compact notation). */
export function formatCompactMoney(value: number, locale: Locale): string {
  return cached(
    compactMoney,
    locale,
    () =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "CNY",
        currencyDisplay: "narrowSymbol",
        notation: "compact",
        maximumFractionDigits: 1,
      }),
  ).format(value);
}

/** An axis label for a count or a plain number: 1.2K, 1.2万. */
export function formatCompactNumber(value: number, locale: Locale): string {
  return cached(
    compactNumbers,
    locale,
    () => new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }),
  ).format(value);
}
