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
  RunTableBuilder,
  tableFieldPaths,
  jsonEqual,
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
  /** FNV-1a 64-bit hash of the records' JSON, in order. */
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
}

/** A run that could not start or stopped for the whole dataset, with a message in both languages. */
export class SimulationError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "SimulationError";
  }
}

/** An incremental 64-bit FNV-1a over UTF-16 code units, as two 32-bit halves (no BigInt per char). */
export class ContentHash {
  private h1 = 0x811c9dc5;
  private h2 = 0x050c5d1f;

  add(text: string): void {
    let { h1, h2 } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  hex(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, "0") + (this.h2 >>> 0).toString(16).padStart(8, "0");
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

/**
 * Runs a pack over a dataset exactly as `crw eval` does (the same `runPack`, parameters typed the
 * same way, the same `as_of` rule) and builds the run's table and report. Progress is reported per
 * chunk; `signal` cancels between chunks.
 */
export async function runSimulation(
  request: SimulationRequest,
  source: RecordSource,
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
  const builder = new RunTableBuilder(tableFieldPaths(spec, pack.content));
  const hash = new ContentHash();
  const total = source.count;
  let read = 0;
  const chunkSize = request.chunkSize ?? 4096;
  const report = (progress: SimulationProgress) => options.onProgress?.(progress);
  report({ stage: "loading", done: 0, total, pass: 0, passes: 0 });

  async function* batches(): AsyncGenerator<unknown[]> {
    for await (const records of source.chunks(chunkSize)) {
      for (const record of records) hash.add(JSON.stringify(record));
      builder.addFields(records);
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
  try {
    for await (const chunk of runPack(prepared, date.records, {
      params,
      ctx: date.ctx,
      total,
      chunkSize,
      reuseRecords: source.fresh,
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
    asOfMismatches: date.mismatches(),
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
  };
}
