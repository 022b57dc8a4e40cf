import { pickText, type Locale, type LocalizedText } from "../../../base";

/** The language services' own user-facing words, in every shipped locale. */
const strings = {
  type: { en: "Type", "zh-CN": "类型" },
  unit: { en: "Unit", "zh-CN": "单位" },
  path: { en: "Path", "zh-CN": "路径" },
  values: { en: "Values", "zh-CN": "取值" },
  share: { en: "Records with a value", "zh-CN": "有值的记录占比" },
  sampleValue: { en: "In the selected record", "zh-CN": "所选记录中的值" },
  noSampleValue: { en: "missing", "zh-CN": "缺失" },
  default: { en: "Default", "zh-CN": "默认值" },
  range: { en: "Range", "zh-CN": "范围" },
  declaredIn: { en: "Declared in", "zh-CN": "声明于" },
  producedIn: { en: "Produced in", "zh-CN": "产生于" },
  operator: { en: "Operator", "zh-CN": "运算符" },
  example: { en: "Example", "zh-CN": "示例" },
  params: { en: "Pack parameters", "zh-CN": "规则包参数" },
  out: { en: "Results of other rules", "zh-CN": "其他规则的结果" },
  pop: { en: "Population operator results", "zh-CN": "总体运算结果" },
  ctx: { en: "Run context", "zh-CN": "运行上下文" },
  parameter: { en: "Parameter", "zh-CN": "参数" },
  ruleOutput: { en: "Rule output", "zh-CN": "规则输出" },
  population: { en: "Population result", "zh-CN": "总体运算结果" },
  contextValue: { en: "Run context value", "zh-CN": "运行上下文值" },
  field: { en: "Record field", "zh-CN": "记录字段" },
  notInSchema: { en: "Not in the dataset schema", "zh-CN": "数据集结构中没有此字段" },
  element: { en: "Array element", "zh-CN": "数组元素" },
  current: { en: "The element being folded", "zh-CN": "当前元素" },
  accumulator: { en: "The value folded so far", "zh-CN": "累计值" },
  runTests: { en: "Run tests", "zh-CN": "运行测试" },
  notRun: { en: "not run yet", "zh-CN": "尚未运行" },
  readBy: { en: "Read by", "zh-CN": "读取者" },
  undeclaredParam: { en: "Read by the pack's rules but not declared", "zh-CN": "规则读取但尚未声明" },
} satisfies Record<string, LocalizedText>;

export type StringKey = keyof typeof strings;

/** The separator after a label (`Type: number`, `类型：number`). */
export function colon(locale: Locale): string {
  return locale === "zh-CN" ? "：" : ": ";
}

/** One of the services' words in `locale`, followed by the separator after a label. */
export function labelled(key: StringKey, locale: Locale): string {
  return word(key, locale) + colon(locale);
}

/** One of the services' words in `locale`. */
export function word(key: StringKey, locale: Locale): string {
  return pickText(strings[key], locale);
}

/** A share as a percentage in the locale's style (`98.3 %` in English, `98.3%` in Chinese). */
export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A JSON value for a hover or a list, shortened past `max` characters. */
export function showValue(value: unknown, max = 80): string {
  if (value === undefined) return "—";
  // JSON.stringify gives undefined for functions and symbols, which JSON data never holds.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Escapes text for Markdown, so field names with `_` or `*` show as written. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** Inline code for Markdown. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text}${fence}`;
}

/** Both languages of a label, the user's first: `Net sales YTD · 年初至今净销售额`. */
export function bothLabels(label: LocalizedText | undefined, locale: Locale): string | undefined {
  if (!label) return undefined;
  const first = pickText(label, locale);
  const other = locale === "en" ? label["zh-CN"] : label.en;
  return other && other !== first ? `${first} · ${other}` : first;
}
