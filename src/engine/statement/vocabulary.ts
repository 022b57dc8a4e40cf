/**
 * What a statement calls things: the label and unit of every path a rule can read (dataset fields from
 * the dataset's JSON Schema `title` / `x-title-zh-CN` / `x-unit`, parameters and population values
 * from the pack, outputs from the rules), and how values are written in each language.
 */
import type { Locale, LocalizedText } from "../../base";
import type { PackContent } from "../pack/model";

/** The label and unit of one path. */
export interface PathLabel {
  label: LocalizedText;
  unit?: string;
}

/** Looks up the label of a dotted path (`sales.attainment_ytd`, `params.attainment_gate`, `out.x`). */
export type Vocabulary = (path: string) => PathLabel | undefined;

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

function schemaLabel(schema: Schema): PathLabel | undefined {
  const en = typeof schema.title === "string" ? schema.title : undefined;
  const zh = typeof schema["x-title-zh-CN"] === "string" ? schema["x-title-zh-CN"] : undefined;
  if (en === undefined && zh === undefined) return undefined;
  const label: LocalizedText = { en: en ?? zh!, ...(zh ? { "zh-CN": zh } : {}) };
  return typeof schema["x-unit"] === "string" ? { label, unit: schema["x-unit"] } : { label };
}

/** Labels of every field of a dataset schema (one record), arrays' items under `path.<index>`. */
export function schemaVocabulary(schema: unknown): Map<string, PathLabel> {
  const labels = new Map<string, PathLabel>();
  const root = isObject(schema) ? schema : {};
  const resolve = (s: Schema): Schema => {
    let current = s;
    for (let hops = 0; typeof current.$ref === "string" && hops < 16; hops++) {
      const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
      const table = m ? root[m[1]!] : undefined;
      const target = m && isObject(table) ? table[m[2]!] : undefined;
      if (!isObject(target)) return {};
      current = target;
    }
    return current;
  };
  const visit = (raw: Schema, path: string, depth: number) => {
    if (depth > 12) return;
    const s = resolve(raw);
    const label = schemaLabel(s) ?? schemaLabel(raw);
    if (label && path) labels.set(path, label);
    if (isObject(s.properties))
      for (const [key, child] of Object.entries(s.properties))
        if (isObject(child)) visit(child, path ? `${path}.${key}` : key, depth + 1);
    if (isObject(s.items)) visit(s.items, `${path}.*`, depth + 1);
  };
  visit(root, "", 0);
  return labels;
}

const CONTEXT_LABELS: Record<string, PathLabel> = {
  "ctx.as_of": { label: { en: "Evaluation date", "zh-CN": "评估日期" }, unit: "date" },
  "ctx.eval_month": { label: { en: "Evaluation month", "zh-CN": "评估月份" }, unit: "month" },
};

/**
 * The vocabulary of a pack over a dataset: `params.<name>` from the parameter titles and units,
 * `out.<id>` from the rule titles and output units, `pop.<name>` from the population operators'
 * titles, `ctx.*`, and every dataset field from its schema (array elements share their items' label,
 * with the index added: "Quarterly YoY [2]").
 */
export function packVocabulary(content: PackContent, datasetSchema?: unknown): Vocabulary {
  const labels = datasetSchema === undefined ? new Map<string, PathLabel>() : schemaVocabulary(datasetSchema);
  for (const [name, spec] of Object.entries(content.params)) {
    labels.set(`params.${name}`, {
      label: spec.title ?? { en: name },
      ...(spec.unit ? { unit: spec.unit } : {}),
    });
  }
  for (const rule of content.rules) {
    labels.set(`out.${rule.id}`, {
      label: rule.title,
      ...(rule.output.unit ? { unit: rule.output.unit } : {}),
    });
  }
  for (const op of content.population) {
    const unit = op.op === "budget_factor" || op.op === "percentile" || op.op === "cumulative_share";
    labels.set(op.out, { label: op.title ?? { en: op.out }, ...(unit ? { unit: "ratio" } : {}) });
  }
  for (const [path, label] of Object.entries(CONTEXT_LABELS)) labels.set(path, label);
  return (path) => {
    const exact = labels.get(path);
    if (exact) return exact;
    // An array element: sales.q_yoy.2 → the items' label with the index.
    const m = /^(.*)\.(\d+)$/.exec(path);
    const items = m ? (labels.get(`${m[1]}.*`) ?? labels.get(m[1]!)) : undefined;
    if (!m || !items) return undefined;
    const suffix = ` [${m[2]}]`;
    return {
      label: {
        en: items.label.en + suffix,
        ...(items.label["zh-CN"] ? { "zh-CN": items.label["zh-CN"] + suffix } : {}),
      },
      ...(items.unit ? { unit: items.unit } : {}),
    };
  };
}

/** A path's label in a language, or the path itself when nothing names it. */
export function labelOf(vocabulary: Vocabulary, path: string, locale: Locale): string {
  const found = vocabulary(path);
  return found ? (found.label[locale] ?? found.label.en) : path;
}

const UNIT_WORDS: Record<string, { en: string; "zh-CN": string }> = {
  days: { en: "days", "zh-CN": "天" },
  months: { en: "months", "zh-CN": "个月" },
  quarters: { en: "quarters", "zh-CN": "个季度" },
  years: { en: "years", "zh-CN": "年" },
  points: { en: "points", "zh-CN": "积分" },
  outlets: { en: "outlets", "zh-CN": "个网点" },
  cases: { en: "cases", "zh-CN": "箱" },
  vehicles: { en: "vehicles", "zh-CN": "辆" },
  people: { en: "people", "zh-CN": "人" },
  sessions: { en: "sessions", "zh-CN": "次" },
  "m²": { en: "m²", "zh-CN": "平方米" },
};

/** Digits with thousands separators, at most `decimals` fraction digits, trailing zeros dropped. */
export function groupDigits(x: number, decimals: number): string {
  const fixed = Math.abs(x).toFixed(decimals);
  const [whole, fraction = ""] = fixed.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = x < 0 && /[1-9]/.test(fixed) ? "-" : "";
  return sign + grouped + (trimmed ? "." + trimmed : "");
}

/**
 * A value as a statement writes it: CNY as `¥3,750,085` or `¥56,251.28`, ratios as percentages
 * (`96 %` in English, `96%` in Chinese), counted units with their word, booleans as yes/no (是/否).
 */
export function formatValue(value: unknown, unit: string | undefined, locale: Locale): string {
  const zh = locale === "zh-CN";
  if (value === null || value === undefined) return zh ? "空" : "none";
  if (typeof value === "boolean") return zh ? (value ? "是" : "否") : value ? "yes" : "no";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    if (unit === "CNY") {
      // Yuan and fen: whole amounts without decimals, anything else with both fen digits (¥54,589,127.80).
      const abs = Math.abs(value);
      const cents = Math.round(abs * 100);
      const whole = groupDigits(Math.floor(cents / 100), 0);
      const digits = cents % 100 === 0 ? whole : `${whole}.${String(cents % 100).padStart(2, "0")}`;
      return (value < 0 && cents > 0 ? "-¥" : "¥") + digits;
    }
    if (unit === "ratio") return groupDigits(value * 100, 2) + (zh ? "%" : " %");
    const digits = groupDigits(value, Math.abs(value) < 1 && value !== 0 ? 4 : 2);
    const word = unit ? UNIT_WORDS[unit] : undefined;
    if (word) return zh ? `${digits} ${word["zh-CN"]}` : `${digits} ${word.en}`;
    return digits;
  }
  if (typeof value === "string") return value;
  const text = JSON.stringify(value);
  return text.length > 60 ? text.slice(0, 57) + "…" : text;
}
