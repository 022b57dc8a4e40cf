import type { Locale } from "../../base";

const counts = new Map<Locale, Intl.NumberFormat>();

/** A whole number with the locale's thousands separators (100,000). */
export function formatCount(value: number, locale: Locale): string {
  let format = counts.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    counts.set(locale, format);
  }
  return format.format(value);
}

/** Compares two semver strings by precedence (1.9.0 < 1.10.0, 1.0.0-rc.1 < 1.0.0). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = "", pre] = v.split("+")[0]!.split(/-(.*)/s);
    return { core: core.split(".").map(Number), pre: pre === undefined ? [] : pre.split(".") };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return Math.sign(d);
  }
  if (x.pre.length === 0 || y.pre.length === 0) return Math.sign(y.pre.length - x.pre.length);
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Math.sign(Number(p) - Number(q));
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

const money = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: Locale, options: Intl.NumberFormatOptions, key: string): Intl.NumberFormat {
  let format = money.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    money.set(key, format);
  }
  return format;
}

/**
 * An amount of CNY as the user's number format setting writes it: `locale` is the language's own
 * currency style (¥12,345,678.90 / CN¥12,345,678.90), `grouped` always ¥ with thousands separators,
 * and `wan` the Chinese 万/亿 units (¥1,234.57万) that finance readers in China scan fastest.
 */
export function formatMoney(
  value: number,
  locale: Locale,
  format: "locale" | "grouped" | "wan" = "locale",
): string {
  if (!Number.isFinite(value)) return String(value);
  if (format === "locale") {
    return moneyFormat(
      locale,
      { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol" },
      `c:${locale}`,
    ).format(value);
  }
  if (format === "grouped") {
    const digits = moneyFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 }, "g");
    return `${value < 0 ? "-" : ""}¥${digits.format(Math.abs(value))}`;
  }
  const abs = Math.abs(value);
  const [unit, divisor] = abs >= 1e8 ? ["亿", 1e8] : abs >= 1e4 ? ["万", 1e4] : ["", 1];
  const digits = moneyFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 }, "g");
  return `${value < 0 ? "-" : ""}¥${digits.format(abs / divisor)}${unit}`;
}
