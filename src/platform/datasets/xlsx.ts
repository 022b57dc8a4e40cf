import { strFromU8, unzipSync } from "fflate";
import { Fatal, t } from "./importSources";
import type { CellValue } from "./schemaPaths";
import type { SheetRow } from "./importRecords";

/**
 * Reads the cell values of one worksheet of an XLSX file (Office Open XML): a zip of XML parts,
 * unzipped with fflate (already in the bundle for backups) and read with a small scanner rather than
 * a spreadsheet library of several hundred kB. It reads what an export from Excel, WPS or an ERP
 * holds: shared and inline strings, numbers, booleans, the cached values of formulas, and dates
 * (number formats that show a date turn the serial number into `YYYY-MM-DD`, with the time when
 * there is one). Loaded lazily (its own chunk) by the import worker, only for .xlsx files.
 */

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, code: string) => {
    if (code.startsWith("#x")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return entities[code] ?? all;
  });
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return match ? decodeXml(match[1]!) : undefined;
}

/** The text of every `<t>` in a fragment (rich text runs joined), phonetic runs left out. */
function textOf(fragment: string): string {
  const cleaned = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  for (const match of cleaned.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) {
    text += decodeXml(match[1] ?? "");
  }
  return text;
}

/** Column letters to a 0-based index (`A` 0, `AA` 26). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const c of reference) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

const builtinDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Whether a custom number format shows a date: a y, d or h outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ydhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel's serial day number (1900 system) as an ISO date, with the time when it has one. */
function serialDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}

export async function readSheet(
  file: Blob,
  wanted: string | undefined,
): Promise<{ sheets: string[]; sheet: string; rows: SheetRow[] }> {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(new Uint8Array(await file.arrayBuffer()));
  } catch {
    throw new Fatal(t("Not an XLSX file (it is not a zip archive).", "不是 XLSX 文件（不是 zip 压缩包）。"));
  }
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const workbook = part("xl/workbook.xml");
  if (!workbook)
    throw new Fatal(t("Not an XLSX file (no workbook inside).", "不是 XLSX 文件（其中没有工作簿）。"));
  const relations = new Map<string, string>();
  for (const match of (part("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attribute(match[1]!, "Id");
    const target = attribute(match[1]!, "Target");
    if (id && target) relations.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((match) => ({
    name: attribute(match[1]!, "name") ?? "",
    path: relations.get(attribute(match[1]!, "r:id") ?? "") ?? "",
  }));
  if (sheets.length === 0) throw new Fatal(t("The workbook has no worksheet.", "工作簿中没有工作表。"));
  const chosen = wanted === undefined ? sheets[0]! : sheets.find((s) => s.name === wanted);
  if (!chosen) {
    throw new Fatal(t(`The workbook has no worksheet "${wanted}".`, `工作簿中没有名为“${wanted}”的工作表。`));
  }
  const xml = part(chosen.path);
  if (xml === undefined)
    throw new Fatal(t(`The worksheet "${chosen.name}" is missing.`, `工作表“${chosen.name}”缺失。`));

  const shared = [...(part("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    textOf(m[1]!),
  );
  const styles = part("xl/styles.xml") ?? "";
  const customFormats = new Map<number, string>();
  for (const match of styles.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    customFormats.set(Number(attribute(match[1]!, "numFmtId")), attribute(match[1]!, "formatCode") ?? "");
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const dateStyles = [...cellXfs.matchAll(/<xf\b([^>]*)/g)].map((match) => {
    const id = Number(attribute(match[1]!, "numFmtId") ?? 0);
    return builtinDateFormats.has(id) || isDateFormat(customFormats.get(id) ?? "");
  });

  const rows: SheetRow[] = [];
  let next = 1;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(attribute(rowMatch[1]!, "r") ?? next);
    next = number + 1;
    const cells: (CellValue | null)[] = [];
    let position = 0;
    for (const cellMatch of (rowMatch[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cellMatch[1]!;
      const body = cellMatch[2] ?? "";
      const reference = attribute(attrs, "r");
      const index = reference ? columnIndex(reference) : position;
      position = index + 1;
      const type = attribute(attrs, "t") ?? "n";
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: CellValue | null = null;
      if (type === "s") value = raw === undefined ? null : (shared[Number(raw)] ?? null);
      else if (type === "inlineStr") value = textOf(body);
      else if (type === "str") value = raw === undefined ? null : decodeXml(raw);
      else if (type === "b") value = raw === undefined ? null : raw === "1";
      else if (type === "e") value = raw === undefined ? null : decodeXml(raw);
      else if (type === "d") value = raw === undefined ? null : decodeXml(raw);
      else if (raw !== undefined && raw !== "") {
        const n = Number(raw);
        const style = Number(attribute(attrs, "s") ?? 0);
        value = dateStyles[style] && Number.isFinite(n) ? serialDate(n) : n;
      }
      while (cells.length < index) cells.push(null);
      cells[index] = value;
    }
    if (cells.some((c) => c !== null && c !== "")) rows.push({ row: number, cells });
  }
  return { sheets: sheets.map((s) => s.name), sheet: chosen.name, rows };
}
