import {
  buildReport,
  DatasetError,
  parseParamText,
  RecordBatches,
  readReportSpec,
  resolveParams,
  resolveRunDate,
  RunDateError,
  runPack,
  GuardrailCollector,
  type GuardrailResult,
  RunTableBuilder,
  tableFieldPaths,
  jsonEqual,
  holdsInColumns,
  type HeldData,
  type RunContext,
  type CancelSignal,
  type ParamSpec,
  type PackContent,
  type ReportSpecProblem,
  type RunTable,
  type SimulationReport,
} from "../../engine";
import type { LocalizedText } from "../../base";
import { resolvePackSource, type PackSource } from "./packSource";
import type { RecordSource } from "./recordSource";
import { ContentHash } from "./contentHash";
import { runInputPaths } from "./inputPaths";

export { ContentHash };

/** The dataset a run reads, as the workspace lists it. */
export interface DatasetRef {
  id: string;
  name: string;
  rowCount: number;
  /** Datasets never change once stored; a re-created one has a new `createdAt`. */
  createdAt: string;
}

export interface SimulationRequest {
  pack: PackSource;
  dataset: DatasetRef;
  /** Parameter overrides as text, typed by each parameter's declaration (as `crw eval --param`). */
  params: Record<string, string>;
  /** `ctx.as_of`; without it the first record's `as_of`, as `crw eval` does. */
  asOf?: string;
  chunkSize?: number;
}

export type SimulationStage = "loading" | "read" | "population" | "rules";

export interface SimulationProgress {
  stage: SimulationStage;
  done: number;
  total: number;
  pass: number;
  passes: number;
}

/** What a run was: everything the report's metadata and a staleness check need. */
export interface RunMeta {
  packRef: string;
  packName: string;
  packVersion: string;
  packTitle: LocalizedText;
  integrity: string;
  params: Record<string, unknown>;
  /** Parameters whose value differs from the pack's default: [name, default, value]. */
  changedParams: { name: string; default: unknown; value: unknown }[];
  dataset: DatasetRef;
  /**
   * FNV-1a 64-bit hash of what the run read, in order: of each stored chunk's columns the run read
   * (combined in chunk order), or of the records' JSON when the run read whole records.
   */
  datasetHash: string;
  asOf: string;
  asOfSource: "option" | "records" | "today";
  /** Records whose own `as_of` differs from the run's. */
  asOfMismatches: number;
  records: number;
  recordsWithErrors: number;
  startedAt: string;
  durationMs: number;
}

export interface SimulationOutcome {
  meta: RunMeta;
  table: RunTable;
  report: SimulationReport;
  /** Problems of the pack's `x-report` (the report used the defaults for those entries). */
  specProblems: ReportSpecProblem[];
  /** The pack's params, population and rules as run, and its `x-report`, so a kept run needs no pack. */
  content: PackContent;
  reportExtension: unknown;
  /** The pack's guardrails over this run, passed or failed with the offending records. */
  guardrails: GuardrailResult[];
}

/** A run that could not start or stopped for the whole dataset, with a message in both languages. */
export class SimulationError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "SimulationError";
  }
}

function typedParams(
  specs: Record<string, ParamSpec>,
  texts: Record<string, string>,
): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(texts)) {
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec)
      throw new SimulationError({
        en: `The pack has no parameter ${name}.`,
        "zh-CN": `规则包没有参数 ${name}。`,
      });
    overrides[name] = parseParamText(spec, text);
  }
  const resolved = resolveParams(specs, overrides);
  if (!resolved.ok)
    throw new SimulationError({
      en: resolved.error.map((e) => e.en).join(" "),
      "zh-CN": resolved.error.map((e) => e["zh-CN"]).join(" "),
    });
  return resolved.value;
}

/** The rows after a run's local part, read on other threads into the pack's held columns. */
export interface RestParts {
  /** Each part's held records, in row order. */
  data: HeldData[];
  /** The content hash of each stored chunk of the parts, in order (see `projectionHash`). */
  hashes: string[];
  /** Records whose own `as_of` differs from the run's (counted when the date came from records). */
  mismatches: number;
}

/** What the readers of a run's other parts need to know of it. */
export interface PartRun {
  ctx: RunContext;
  params: Record<string, unknown>;
  /** Count records whose own `as_of` differs (the run's date came from the records). */
  countMismatches: boolean;
}

/** What a run reads, opened once the run knows the paths it reads. */
export interface RunSource {
  /** The first rows, read in this thread. */
  local: RecordSource;
  /** Every row (local and rest). */
  total: number;
  /** The rows after `local`, read elsewhere; only offered when `open` was told `parallel`. */
  rest?: (run: PartRun) => Promise<RestParts>;
  /** The report's fields of every row, read from columns (else kept from the local records). */
  fields?: (paths: readonly string[]) => Promise<Record<string, unknown[]>>;
}

/**
 * Opens a run's records: `paths` are the only record paths the run reads (undefined: it needs whole
 * records); `parallel` says rows after the first part may be read on other threads ({@link RestParts}).
 */
export type OpenRunSource = (plan: {
  paths: string[] | undefined;
  parallel: boolean;
}) => RunSource | Promise<RunSource>;

/**
 * Runs a pack over a dataset exactly as `crw eval` does (the same `runPack`, parameters typed the
 * same way, the same `as_of` rule) and builds the run's table and report. Progress is reported per
 * chunk; `signal` cancels between chunks.
 */
export async function runSimulation(
  request: SimulationRequest,
  source: RecordSource | OpenRunSource,
  options: {
    signal?: CancelSignal;
    onProgress?: (progress: SimulationProgress) => void;
    yieldControl?: () => Promise<void>;
    now?: () => number;
  } = {},
): Promise<SimulationOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const startedAt = new Date().toISOString();
  const pack = await resolvePackSource(request.pack, true);
  const prepared = pack.prepared!;
  const params = typedParams(pack.content.params, request.params);
  const { spec, problems: specProblems } = readReportSpec(pack.content, pack.report);
  const fieldPaths = tableFieldPaths(spec, pack.content);
  const paths = runInputPaths(prepared, fieldPaths);
  const opened: RunSource =
    typeof source === "function"
      ? await source({ paths, parallel: paths !== undefined && holdsInColumns(prepared) })
      : { local: source, total: source.count };
  const local = opened.local;
  // Fields read from columns are set on the finished table; else they are kept as records arrive.
  const fieldsRead = opened.fields?.(fieldPaths);
  fieldsRead?.catch(() => undefined);
  const builder = new RunTableBuilder(fieldsRead ? [] : fieldPaths);
  const hash = new ContentHash();
  const hashRecords = !local.chunkHashes;
  const total = opened.total;
  let read = 0;
  const chunkSize = request.chunkSize ?? 4096;
  const report = (progress: SimulationProgress) => options.onProgress?.(progress);
  report({ stage: "loading", done: 0, total, pass: 0, passes: 0 });

  async function* batches(): AsyncGenerator<unknown[]> {
    for await (const records of local.chunks(chunkSize)) {
      if (hashRecords) for (const record of records) hash.add(JSON.stringify(record));
      if (!fieldsRead) builder.addFields(records);
      read += records.length;
      yield records;
    }
  }
  let date;
  try {
    date = await resolveRunDate(request.asOf, new RecordBatches(batches()));
  } catch (error) {
    if (error instanceof RunDateError) throw new SimulationError(error.text);
    throw error;
  }
  // The other threads start as soon as the run's date is known, while this one reads its part.
  const rest = opened.rest?.({ ctx: date.ctx, params, countMismatches: date.source === "records" });
  rest?.catch(() => undefined);
  // The pack's guardrails, over the results as they come, as `crw eval` checks them.
  const guardrails = new GuardrailCollector(pack.guardrails, params);
  try {
    for await (const chunk of runPack(prepared, date.records, {
      params,
      ctx: date.ctx,
      total,
      chunkSize,
      reuseRecords: local.fresh,
      ...(rest ? { append: async () => (await rest).data, expectedRecords: total } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.yieldControl ? { yieldControl: options.yieldControl } : {}),
      onProgress: (p) =>
        report({
          stage: p.phase,
          done: p.phase === "read" ? read : p.done,
          total,
          pass: p.pass,
          passes: p.passes,
        }),
    })) {
      builder.addResults(chunk);
      for (const result of chunk) guardrails.add(result);
    }
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new SimulationError({
        en: `${request.dataset.name}, record ${error.index + 1}: ${error.text.en}`,
        "zh-CN": `${request.dataset.name}，第 ${error.index + 1} 条记录：${error.text["zh-CN"]}`,
      });
    }
    throw error;
  }
  const table = builder.finish();
  if (fieldsRead) table.fields = await fieldsRead;
  const restParts = rest ? await rest : undefined;
  if (!hashRecords) {
    for (const chunk of [...local.chunkHashes!(), ...(restParts?.hashes ?? [])]) hash.add(chunk);
  }
  const simulationReport = buildReport(table, spec, pack.content, params);
  const changedParams = Object.entries(pack.content.params)
    .filter(([name, p]) => !jsonEqual(p.default, params[name]))
    .map(([name, p]) => ({ name, default: p.default, value: params[name] }));
  const meta: RunMeta = {
    packRef: pack.ref,
    packName: pack.name,
    packVersion: pack.version,
    packTitle: pack.title,
    integrity: pack.integrity,
    params,
    changedParams,
    dataset: request.dataset,
    datasetHash: hash.hex(),
    asOf: date.ctx.as_of,
    asOfSource: date.source,
    asOfMismatches: date.mismatches() + (restParts?.mismatches ?? 0),
    records: table.count,
    recordsWithErrors: table.errors.length,
    startedAt,
    durationMs: Math.round(now() - started),
  };
  return {
    meta,
    table,
    report: simulationReport,
    specProblems,
    content: pack.content,
    reportExtension: pack.report,
    guardrails: guardrails.results(),
  };
}

/** A stored run's summary: what lists show (the `runs` store's indexed entry). */
export interface RunSummary {
  id: string;
  createdAt: string;
  meta: RunMeta;
  [field: string]: unknown;
}

/** A stored run's results entry (see runRepository.ts). */
export interface StoredResults {
  outcome: SimulationOutcome;
}

/** `<pack>@<version>|<dataset>|<time>`: unique, and readable as a tab title. */
export function newRunId(meta: RunMeta, now = new Date()): string {
  const time = now.toISOString().replace(/[-:]/g, "");
  return `${meta.packName}@${meta.packVersion}|${meta.dataset.id}|${time}${Math.random().toString(36).slice(2, 6)}`;
}

/** Stores a finished run (summary and results) and returns its summary. */
export async function storeRun(
  runs: { put(summary: RunSummary, results: unknown): Promise<void> },
  outcome: SimulationOutcome,
): Promise<RunSummary> {
  const now = new Date();
  const summary: RunSummary = {
    id: newRunId(outcome.meta, now),
    createdAt: now.toISOString(),
    meta: outcome.meta,
  };
  const results: StoredResults = { outcome };
  await runs.put(summary, results);
  return summary;
}
