// Pure helpers of the template form: how a value is shown in an input and read back from it.
import type { Locale } from "../../../base";
import type { ScalarFieldKind } from "../../../engine";

/** A number without binary noise: 0.07 × 100 shows as 7, not 7.000000000000001. */
const clean = (x: number) => Number.parseFloat(x.toPrecision(12));

/** The text an input shows for a value: ratios as percentages, everything else as typed. */
export function inputText(kind: ScalarFieldKind, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value !== "number") return "";
  return kind === "ratio" ? String(clean(value * 100)) : String(value);
}

/**
 * The value of what was typed: a number for numeric kinds (percent divided by 100 for ratios; grouping
 * commas and a ¥ sign allowed), the text itself when it is not a number, so the check names it.
 */
export function parseInput(kind: ScalarFieldKind, text: string): unknown {
  if (kind === "id" || kind === "text" || kind === "path" || kind === "choice") return text.trim();
  const plain = text.replace(/[,\s¥%]/g, "");
  if (plain === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return text;
  const n = Number(plain);
  return kind === "ratio" ? clean(n / 100) : n;
}

/** ¥1,234,567.5 in both languages (Intl's en-US currency style writes "CN¥"). */
const money = (value: number, locale: Locale) =>
  `${value < 0 ? "-" : ""}¥${Math.abs(value).toLocaleString(locale === "zh-CN" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 })}`;

/** How a value reads beside its input: ¥1,000,000 for money, 1.5 % for ratios. */
export function readable(kind: ScalarFieldKind, value: unknown, locale: Locale): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  if (kind === "money") return money(value, locale);
  if (kind === "ratio") return `${clean(value * 100).toLocaleString(locale)} %`;
  return "";
}
