import { pickText, type Locale } from "../../../base";
import { pathLabel, pathUnit, type DatasetColumn } from "../../../platform";

/** A column of the viewer: its stored path and type, its label, unit and section. */
export interface ViewerColumn extends DatasetColumn {
  /** The schema's label in the UI language, when the schema has one. */
  label?: string;
  /** The schema's `x-unit` (`CNY`, `ratio`, …). */
  unit?: string;
  /** The first path segment of a nested path (`sales` of `sales.net_ytd`); empty for a top-level one. */
  section: string;
}

/** The viewer's columns, each section's together in the order sections first appear. */
export function viewerColumns(
  columns: readonly DatasetColumn[],
  schema: unknown,
  locale: Locale,
): ViewerColumn[] {
  const sections = new Map<string, ViewerColumn[]>();
  for (const column of columns) {
    if (column.path.length === 0) continue;
    const section = column.path.length > 1 ? String(column.path[0]) : "";
    const label = pathLabel(schema, column.path);
    const unit = pathUnit(schema, column.path);
    const viewer: ViewerColumn = {
      ...column,
      section,
      ...(label ? { label: pickText(label, locale) } : {}),
      ...(unit ? { unit } : {}),
    };
    const list = sections.get(section);
    if (list) list.push(viewer);
    else sections.set(section, [viewer]);
  }
  return [...sections.values()].flat();
}

/** Runs of neighbouring columns in one section: where each starts and how many columns it spans. */
export function sectionSpans(
  columns: readonly ViewerColumn[],
): { section: string; first: number; span: number }[] {
  const spans: { section: string; first: number; span: number }[] = [];
  columns.forEach((column, i) => {
    const last = spans.at(-1);
    if (last && last.section === column.section) last.span++;
    else spans.push({ section: column.section, first: i, span: 1 });
  });
  return spans;
}

/** The section's label from the schema (`Sales` for `sales`), else its key. */
export function sectionLabel(schema: unknown, section: string, locale: Locale): string {
  const label = pathLabel(schema, [section]);
  return label ? pickText(label, locale) : section;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, kind: "CNY" | "ratio"): Intl.NumberFormat {
  const key = `${locale}:${kind}`;
  let format = formats.get(key);
  if (!format) {
    format =
      kind === "CNY"
        ? new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", currencyDisplay: "symbol" })
        : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format;
}

/**
 * A cell as the grid shows it: money (`x-unit: CNY`) as yuan and ratios as percentages in the UI
 * language's number format; other numbers as stored (ids, years and codes must not gain separators);
 * missing is empty, `null` is `null`, objects and arrays as JSON.
 */
export function cellText(value: unknown, unit?: string, locale: Locale = "en"): string {
  if (value === undefined) return "";
  if (value === null) return "null";
  if (typeof value === "number") {
    if (unit === "CNY" && Number.isFinite(value)) return numberFormat(locale, "CNY").format(value);
    if (unit === "ratio" && Number.isFinite(value)) return numberFormat(locale, "ratio").format(value);
    return String(value);
  }
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  return typeof value;
}
