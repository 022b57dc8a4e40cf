import type { LocalizedText } from "../../base";
import { assignPath, type PathSegment } from "../storage/columnar";
import { csvSource, Fatal, jsonlSource, jsonSource, t, throwIfAborted, type Batch } from "./importSources";
import {
  cellKind,
  convertCell,
  headerPath,
  pathLabel,
  schemaField,
  widenKind,
  type CellValue,
  type ColumnKind,
} from "./schemaPaths";
import { NotUtf8Error, readHead, sniffEncoding, type TextEncodingName } from "./textInput";

/**
 * Reading a dataset file into records and checking every one, the work behind `Data: Import
 * Dataset…` (run in a worker, see `workers/datasetImport.worker.ts`). One call reads the file once
 * (a CSV without known column types twice: once to infer them), streaming, so a file of a million
 * rows never sits in memory as records: the check pass keeps only the report, the write pass hands
 * the valid records on in batches. Both passes are the same code, so the rows written are exactly
 * the rows the report called valid.
 */

export const importFormats = ["csv", "json", "jsonl", "xlsx"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The format a file name says, or undefined. */
export function formatOf(name: string): ImportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return undefined;
}

/** Top-level keys a record may not carry: the engine puts its own values there. */
export const RESERVED_KEYS = ["params", "ctx", "pop", "out"] as const;

export interface ImportOptions {
  format: ImportFormat;
  /** Overrides the detected text encoding (CSV, JSON, JSONL). */
  encoding?: TextEncodingName;
  /** The worksheet to read (XLSX); the first when absent. */
  sheet?: string;
  /** Column kinds by header (CSV, XLSX): the inferred ones as confirmed or corrected by the user. */
  kinds?: Record<string, ColumnKind>;
}

export interface ImportColumn {
  /** The header, or the dotted path (JSON). */
  name: string;
  /** `json`: values of several kinds or whole objects (JSON input only). */
  kind: ColumnKind | "json";
  /** True when the kind comes from the dataset schema and cannot be changed. */
  declared: boolean;
  label?: LocalizedText;
}

export interface RowProblem {
  /** The 1-based line of the file (CSV, JSONL, JSON) or row of the sheet (XLSX). */
  line: number;
  /** The column (header or dotted path) the problem is in, when it is in one. */
  column?: string;
  message: LocalizedText;
}

export interface ImportCheck {
  format: ImportFormat;
  /** The text encoding read with, and the one detected. */
  encoding?: TextEncodingName;
  detectedEncoding?: TextEncodingName;
  /** Worksheets of an XLSX file, and the one read. */
  sheets?: string[];
  sheet?: string;
  /** `distributor`: records were checked against samples/distributor.schema.json. */
  schema: "distributor" | "inferred";
  columns: ImportColumn[];
  /** Data rows read (a header row not counted). */
  rows: number;
  valid: number;
  /** Rows with at least one problem. */
  badRows: number;
  /** Every problem, up to {@link MAX_PROBLEMS}. */
  problems: RowProblem[];
  truncated: boolean;
  /** Why nothing at all can be imported (no id column, not a JSON array, …). */
  fatal?: LocalizedText;
}

export const MAX_PROBLEMS = 10_000;

/** What the import needs from outside: the dataset schema and its compiled validator. */
export interface ImportContext {
  schema: unknown;
  validate: (
    record: unknown,
  ) => { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null;
  /** Reads the rows of a worksheet (XLSX, loaded lazily); absent: XLSX is refused. */
  readSheet?: (
    file: Blob,
    sheet: string | undefined,
  ) => Promise<{ sheets: string[]; sheet: string; rows: SheetRow[] }>;
}

export interface SheetRow {
  /** 1-based row number in the sheet. */
  row: number;
  cells: (CellValue | null)[];
}

export interface ImportSink {
  /** Called after every block with the share of the file read. */
  progress?(fraction: number, rows: number): void;
  /** The write pass: valid records, in order, in batches. */
  records?(batch: unknown[]): Promise<void>;
  signal?: AbortSignal;
}

// --- checks ---------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What Ajv says, in both languages. */
function schemaProblem(error: {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}): LocalizedText {
  const p = error.params;
  const en = error.message ?? error.keyword;
  switch (error.keyword) {
    case "required":
      return t(
        `missing required field "${String(p.missingProperty)}"`,
        `缺少必填字段“${String(p.missingProperty)}”`,
      );
    case "type":
      return t(`must be ${String(p.type)}`, `类型应为 ${String(p.type)}`);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return t(
        `must be ${String(p.comparison)} ${String(p.limit)}`,
        `应 ${String(p.comparison)} ${String(p.limit)}`,
      );
    case "enum":
      return t(
        `${en}: ${JSON.stringify(p.allowedValues)}`,
        `应为以下之一：${JSON.stringify(p.allowedValues)}`,
      );
    case "additionalProperties":
      return t(
        `unknown field "${String(p.additionalProperty)}"`,
        `不允许的字段“${String(p.additionalProperty)}”`,
      );
    case "minItems":
    case "maxItems":
      return t(en, `${error.keyword === "minItems" ? "至少" : "至多"} ${String(p.limit)} 项`);
    case "pattern":
    case "format":
      return t(en, `格式不符（${String(p.pattern ?? p.format)}）`);
    case "const":
      return t(en, `应等于 ${JSON.stringify(p.allowedValue)}`);
    default:
      return t(en, `不符合数据集架构：${en}`);
  }
}

function pointerToDotted(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
}

/** The schema's top-level fields besides `id`: a file using two of them is taken for distributor data. */
function looksLikeDistributor(schema: unknown, topKeys: Iterable<string>): boolean {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  let hits = 0;
  for (const key of new Set(topKeys)) if (key !== "id" && Object.hasOwn(properties, key)) hits++;
  return hits >= 2;
}

// --- the import -----------------------------------------------------------------------------------

/** A report with nothing read yet. */
function emptyCheck(format: ImportFormat): ImportCheck {
  return {
    format,
    schema: "inferred",
    columns: [],
    rows: 0,
    valid: 0,
    badRows: 0,
    problems: [],
    truncated: false,
  };
}

interface Header {
  name: string;
  path: PathSegment[];
  kind: ColumnKind;
  nullable: boolean;
  declared: boolean;
  label?: LocalizedText;
}

/**
 * Reads and checks `file`; with `sink.records`, also hands on every valid record. Rejects with an
 * `AbortError` when `sink.signal` aborts; never rejects for bad content (that is `fatal` or a row
 * problem in the result).
 */
export async function importRecords(
  file: Blob,
  options: ImportOptions,
  context: ImportContext,
  sink: ImportSink = {},
): Promise<ImportCheck> {
  const base = emptyCheck(options.format);
  let detected: TextEncodingName | undefined;
  let encoding: TextEncodingName | undefined;
  let sheetInfo: { sheets: string[]; sheet: string } | undefined;
  let sheetRows: SheetRow[] | undefined;
  if (options.format === "xlsx") {
    if (!context.readSheet)
      return { ...base, fatal: t("XLSX files cannot be read here.", "此处无法读取 XLSX 文件。") };
    try {
      const read = await context.readSheet(file, options.sheet);
      sheetInfo = { sheets: read.sheets, sheet: read.sheet };
      sheetRows = read.rows;
    } catch (error) {
      if (error instanceof Fatal) return { ...base, fatal: error.text };
      return {
        ...base,
        fatal: t(
          `Not a readable XLSX file: ${(error as Error).message}`,
          `不是可读取的 XLSX 文件：${(error as Error).message}`,
        ),
      };
    }
  } else {
    detected = sniffEncoding(await readHead(file)).encoding;
    encoding = options.encoding ?? detected;
  }
  const source = (enc: TextEncodingName | undefined): AsyncIterable<Batch> | Iterable<Batch> => {
    switch (options.format) {
      case "csv":
        return csvSource(file, enc!);
      case "jsonl":
        return jsonlSource(file, enc!);
      case "json":
        return jsonSource(file, enc!);
      case "xlsx":
        return (function* () {
          const rows = sheetRows!;
          for (let start = 0; start < rows.length; start += 4096) {
            const slice = rows.slice(start, start + 4096).map((r) => ({ line: r.row, cells: r.cells }));
            yield { rows: slice, fraction: Math.min(1, (start + slice.length) / (rows.length || 1)) };
          }
        })();
    }
  };
  const describe = (check: ImportCheck): ImportCheck => ({
    ...check,
    ...(encoding ? { encoding, detectedEncoding: detected } : {}),
    ...(sheetInfo ?? {}),
  });

  const tabular = options.format === "csv" || options.format === "xlsx";
  let kinds = options.kinds;
  try {
    if (tabular && !kinds) {
      // A first pass only to infer each column's kind; the user confirms or corrects them.
      const inferred = await inferKinds(source(encoding), context.schema, sink.signal);
      if ("fatal" in inferred) return describe({ ...base, fatal: inferred.fatal });
      kinds = inferred.kinds;
    }
    return describe(await checkRows(source(encoding), options, context, kinds, sink));
  } catch (error) {
    if (error instanceof NotUtf8Error && options.encoding === undefined && encoding === "utf-8") {
      // Plain ASCII at the start, GBK further on: read it all again as GB18030.
      return importRecords(file, { ...options, encoding: "gb18030" }, context, sink).then((check) => ({
        ...check,
        detectedEncoding: "gb18030",
      }));
    }
    if (error instanceof NotUtf8Error) {
      return describe({
        ...base,
        fatal: t(
          `${error.message}; choose GB18030 as the encoding.`,
          `文件不是有效的 UTF-8（约第 ${error.offset} 字节）；请选择 GB18030 编码。`,
        ),
      });
    }
    if (error instanceof Fatal) return describe({ ...base, fatal: error.text });
    throw error;
  }
}

function readHeader(cells: readonly (CellValue | null)[]): Header[] | LocalizedText {
  const names = cells.map((c) => (c === null ? "" : String(c).trim()));
  const seen = new Set<string>();
  for (const [i, name] of names.entries()) {
    if (name === "")
      return t(`Column ${i + 1} of the header row has no name.`, `表头第 ${i + 1} 列没有名称。`);
    if (seen.has(name)) return t(`The header names "${name}" twice.`, `表头中“${name}”出现了两次。`);
    seen.add(name);
  }
  if (!seen.has("id")) {
    return t("There is no id column: every record needs an id.", "没有 id 列：每条记录都需要 id。");
  }
  return names.map((name) => ({
    name,
    path: headerPath(name),
    kind: "string",
    nullable: false,
    declared: false,
  }));
}

async function inferKinds(
  batches: AsyncIterable<Batch> | Iterable<Batch>,
  schema: unknown,
  signal: AbortSignal | undefined,
): Promise<{ kinds: Record<string, ColumnKind> } | { fatal: LocalizedText }> {
  let header: Header[] | undefined;
  let found: (ColumnKind | undefined)[] = [];
  for await (const batch of batches) {
    throwIfAborted(signal);
    for (const row of batch.rows) {
      if (!("cells" in row)) continue;
      if (!header) {
        const read = readHeader(row.cells);
        if (!Array.isArray(read)) return { fatal: read };
        header = read;
        found = header.map(() => undefined);
        continue;
      }
      for (let i = 0; i < header.length; i++) {
        const cell = row.cells[i];
        if (cell === undefined || cell === null || cell === "") continue;
        const kind =
          typeof cell === "number"
            ? Number.isInteger(cell)
              ? "integer"
              : "number"
            : typeof cell === "boolean"
              ? "boolean"
              : cellKind(cell);
        if (found[i] !== "string") found[i] = widenKind(found[i], kind);
      }
    }
  }
  if (!header) return { fatal: t("The file is empty: there is no header row.", "文件是空的：没有表头行。") };
  const distributor = looksLikeDistributor(
    schema,
    header.map((h) => String(h.path[0])),
  );
  const kinds: Record<string, ColumnKind> = {};
  header.forEach((h, i) => {
    const declared = distributor ? schemaField(schema, h.path).kind : undefined;
    // The id stays text unless every id is a number.
    kinds[h.name] = declared ?? found[i] ?? "string";
  });
  return { kinds };
}

async function checkRows(
  batches: AsyncIterable<Batch> | Iterable<Batch>,
  options: ImportOptions,
  context: ImportContext,
  kinds: Record<string, ColumnKind> | undefined,
  sink: ImportSink,
): Promise<ImportCheck> {
  const check = emptyCheck(options.format);
  const ids = new Map<string, number>();
  let header: Header[] | undefined;
  let distributor: boolean | undefined;
  /** JSON input: the kind seen at each leaf path, for the confirmation. */
  const jsonColumns = new Map<string, ColumnKind | "json" | "null">();
  let out: unknown[] = [];

  const problem = (line: number, message: LocalizedText, column?: string) => {
    if (check.problems.length < MAX_PROBLEMS)
      check.problems.push({ line, ...(column ? { column } : {}), message });
    else check.truncated = true;
  };
  /**
   * The dotted path of each leaf, found through a trie of keys, so a record costs a map lookup per
   * key instead of building and hashing a path string per leaf (a million records × 40 leaves).
   */
  interface PathNode {
    path: string;
    children?: Map<string, PathNode>;
  }
  const root: PathNode = { path: "" };
  const child = (node: PathNode, key: string): PathNode => {
    node.children ??= new Map();
    let next = node.children.get(key);
    if (!next) node.children.set(key, (next = { path: node.path === "" ? key : `${node.path}.${key}` }));
    return next;
  };
  const noteJson = (value: unknown, node: PathNode) => {
    const path = node.path;
    if (jsonColumns.size >= 2000 && !jsonColumns.has(path)) return;
    if (isPlainObject(value)) {
      let any = false;
      for (const k in value) {
        if (!Object.hasOwn(value, k)) continue;
        any = true;
        noteJson(value[k], child(node, k));
      }
      if (any) return;
    }
    if (Array.isArray(value) && value.length > 0) {
      value.forEach((v, i) => noteJson(v, child(node, String(i))));
      return;
    }
    const kind: ColumnKind | "json" =
      typeof value === "string"
        ? "string"
        : typeof value === "boolean"
          ? "boolean"
          : typeof value === "number"
            ? Number.isInteger(value)
              ? "integer"
              : "number"
            : "json";
    const before = jsonColumns.get(path);
    if (value === null) {
      if (before === undefined) jsonColumns.set(path, "null");
      return;
    }
    if (before === kind) return;
    jsonColumns.set(
      path,
      before === undefined || before === "null"
        ? kind
        : before === "json" || kind === "json"
          ? "json"
          : widenKind(before, kind),
    );
  };

  for await (const batch of batches) {
    throwIfAborted(sink.signal);
    for (const row of batch.rows) {
      if ("problem" in row) {
        check.rows++;
        check.badRows++;
        problem(row.line, row.problem);
        continue;
      }
      let record: unknown;
      let bad = false;
      const fail = (message: LocalizedText, column?: string) => {
        bad = true;
        problem(row.line, message, column);
      };
      if ("cells" in row) {
        if (!header) {
          const read = readHeader(row.cells);
          if (!Array.isArray(read)) throw new Fatal(read);
          distributor = looksLikeDistributor(
            context.schema,
            read.map((h) => String(h.path[0])),
          );
          header = read.map((h) => {
            const field = distributor ? schemaField(context.schema, h.path) : { nullable: false };
            const label = pathLabel(context.schema, h.path);
            return {
              ...h,
              kind: field.kind ?? kinds?.[h.name] ?? "string",
              nullable: field.nullable,
              declared: field.kind !== undefined,
              ...(label ? { label } : {}),
            };
          });
          continue;
        }
        check.rows++;
        if (
          row.cells.length !== header.length &&
          !(row.cells.length < header.length && options.format === "xlsx")
        ) {
          fail(
            t(
              `The row has ${row.cells.length} cells but the header has ${header.length}.`,
              `该行有 ${row.cells.length} 个单元格，而表头有 ${header.length} 列。`,
            ),
          );
        } else {
          let built: unknown = {};
          for (let i = 0; i < header.length; i++) {
            const column = header[i]!;
            const cell = row.cells[i];
            if (cell === undefined || cell === null || cell === "") {
              if (column.nullable) built = assignPath(built, column.path, null);
              continue;
            }
            const converted = convertCell(cell, column.kind);
            if ("problem" in converted) fail(converted.problem, column.name);
            else built = assignPath(built, column.path, converted.value);
          }
          record = built;
        }
      } else {
        check.rows++;
        record = row.record;
        if (distributor === undefined && isPlainObject(record)) {
          distributor = looksLikeDistributor(context.schema, Object.keys(record));
        }
      }
      if (!bad) {
        if (!isPlainObject(record)) {
          fail(t("The record is not an object.", "该记录不是对象。"));
        } else {
          for (const key of RESERVED_KEYS) {
            if (key in record) {
              fail(
                t(
                  `"${key}" is reserved: the engine writes params, ctx, pop and out itself; rename the field.`,
                  `“${key}”是保留字段：引擎自己写入 params、ctx、pop 和 out；请重命名该字段。`,
                ),
                key,
              );
            }
          }
          const id = record.id;
          if ((typeof id !== "string" || id === "") && typeof id !== "number") {
            fail(t("The record has no id (text or number).", "该记录没有 id（文本或数字）。"), "id");
          } else {
            const key = String(id);
            const first = ids.get(key);
            if (first !== undefined) {
              fail(
                t(
                  `Duplicate id "${key}": line ${first} has it already.`,
                  `id“${key}”重复：第 ${first} 行已经使用。`,
                ),
                "id",
              );
            } else ids.set(key, row.line);
          }
          if (distributor) {
            const errors = context.validate(record);
            for (const error of errors ?? []) {
              const at = pointerToDotted(error.instancePath);
              const column =
                error.keyword === "required"
                  ? [at, String(error.params.missingProperty)].filter(Boolean).join(".")
                  : at;
              fail(schemaProblem(error), column || undefined);
            }
          } else if (!("cells" in row) && !sink.records) {
            // The columns are for the confirmation after the check; a write pass does not need them.
            noteJson(record, root);
          }
        }
      }
      if (bad) {
        check.badRows++;
        continue;
      }
      check.valid++;
      if (sink.records) {
        out.push(record);
        if (out.length >= 4096) {
          await sink.records(out);
          out = [];
        }
      }
    }
    sink.progress?.(batch.fraction, check.rows);
  }
  if (sink.records && out.length > 0) await sink.records(out);
  if (!header && options.format !== "json" && options.format !== "jsonl") {
    throw new Fatal(t("The file is empty: there is no header row.", "文件是空的：没有表头行。"));
  }
  check.schema = distributor ? "distributor" : "inferred";
  check.columns = header
    ? header.map((h) => ({
        name: h.name,
        kind: h.kind,
        declared: h.declared,
        ...(h.label ? { label: h.label } : {}),
      }))
    : [...jsonColumns].map(([name, kind]) => {
        const label = pathLabel(context.schema, headerPath(name));
        return {
          name,
          kind: kind === "null" ? ("json" as const) : kind,
          declared: Boolean(distributor),
          ...(label ? { label } : {}),
        };
      });
  return check;
}
