/**
 * What the statement worker does: a record's statement (the pack run over the whole dataset first, so
 * population values are the run's) and parameter sweeps (the records held once, one run per value).
 * The in-thread service and the worker share {@link handleStatement}.
 */
import {
  declaredGuardrails,
  loadManifest,
  makeRunContext,
  moverReasons,
  packVocabulary,
  prepareForReasons,
  preparePack,
  recordStatement,
  resolveParams,
  resolveRunDate,
  resultOf,
  runPack,
  sweepModel,
  SweepTally,
  type Guardrail,
  type LoadedFile,
  type MovedRecord,
  type MoverReasons,
  type PackContent,
  type ReasonSide,
  type ReportSpec,
  type PreparedPack,
  type RecordStatement,
  type RunContext,
  type SweepModel,
  type SweepRow,
} from "../../engine";
import { resolvePath } from "../documents/paths";
import { resolvePackSource } from "../simulation/packSource";

/**
 * A pack as the workspace stores it: a draft (the manifest's text and the stored rules it may name),
 * or a released version (its pack JSON, run only while it matches its integrity, as a run does).
 */
export type PackSource = { manifest: LoadedFile; rules: LoadedFile[] } | { release: LoadedFile; ref: string };

export interface StatementRequest {
  type: "statement";
  pack: PackSource;
  records: unknown[];
  recordId: string;
  schema?: unknown;
  params?: Record<string, unknown>;
  asOf?: string;
}

export interface StatementReply {
  name: string;
  version: string;
  asOf: string;
  params: Record<string, unknown>;
  index: number;
  statement: RecordStatement;
  /** The record's full evaluation context (for pinning tests). */
  context: Record<string, unknown>;
}

export interface SweepRequest {
  type: "sweep";
  pack: PackSource;
  records: unknown[];
  param: string;
  values: number[];
  cost?: string[];
  params?: Record<string, unknown>;
  asOf?: string;
}

export interface SweepReply {
  param: string;
  asOf: string;
  model: SweepModel;
  rows: SweepRow[];
}

/** One side of a comparison as its run kept it: the pack content, the report spec, params and date. */
export interface ReasonSideInput {
  content: PackContent;
  spec: ReportSpec;
  params: Record<string, unknown>;
  asOf: string;
}

/** The reasons of moved records (Compare with Baseline), each side explained with its own run. */
export interface ReasonsRequest {
  type: "reasons";
  base: ReasonSideInput;
  candidate: ReasonSideInput;
  movers: MovedRecord[];
  schema?: unknown;
}

export interface ReasonsReply {
  reasons: MoverReasons[];
}

export type StatementWorkerRequest = StatementRequest | SweepRequest | ReasonsRequest;

export interface StatementEnvelope {
  id: number;
  request: StatementWorkerRequest;
}

export type StatementWorkerReply =
  | { id: number; ok: true; value: StatementReply | SweepReply | ReasonsReply }
  | { id: number; ok: false; error: string };

/**
 * Loads and prepares a stored manifest with the workspace's rules, or a released pack after checking
 * its integrity (closures: no eval under CSP).
 */
export async function preparePackSource(
  source: PackSource,
): Promise<{ prepared: PreparedPack; name: string; version: string; guardrails: Guardrail[] }> {
  if ("release" in source) {
    const resolved = await resolvePackSource(
      { kind: "release", ref: source.ref, pack: source.release },
      true,
    );
    return {
      prepared: resolved.prepared!,
      name: resolved.name,
      version: resolved.version,
      guardrails: resolved.guardrails,
    };
  }
  const byFile = new Map(source.rules.map((r) => [r.file, r] as const));
  const loaded = await loadManifest(source.manifest, (path) => {
    const rule = byFile.get(resolvePath(source.manifest.file, path));
    return Promise.resolve(rule ?? { error: "no rule of the workspace is stored at that path" });
  });
  const errors = loaded.problems.filter((p) => p.severity === "error");
  if (!loaded.content || !loaded.manifest || errors.length > 0)
    throw new Error(
      errors.map((p) => `${p.file}: ${p.message.en}`).join("\n") || "The manifest cannot be loaded.",
    );
  const prepared = preparePack(loaded.content, loaded.locate, { codegen: false });
  if (!prepared.pack) throw new Error(prepared.problems.map((p) => p.message.en).join("\n"));
  return {
    prepared: prepared.pack,
    name: loaded.manifest.name,
    version: loaded.manifest.version,
    guardrails: declaredGuardrails(loaded.manifest),
  };
}

async function runSetup(
  prepared: PreparedPack,
  records: unknown[],
  overrides: Record<string, unknown> | undefined,
  asOf: string | undefined,
): Promise<{ params: Record<string, unknown>; ctx: RunContext }> {
  const params = resolveParams(prepared.content.params, overrides ?? {});
  if (!params.ok) throw new Error(params.error.map((e) => e.en).join("\n"));
  if (asOf !== undefined) {
    const ctx = makeRunContext(asOf);
    if (!ctx.ok) throw new Error(ctx.error.en);
    return { params: params.value, ctx: ctx.value };
  }
  const date = await resolveRunDate(undefined, records);
  return { params: params.value, ctx: date.ctx };
}

/** Lets a cancel or another message in between chunks. */
const yieldControl = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function statement(request: StatementRequest): Promise<StatementReply> {
  const { prepared, name, version } = await preparePackSource(request.pack);
  const index = request.records.findIndex(
    (r) => typeof r === "object" && r !== null && String((r as { id?: unknown }).id) === request.recordId,
  );
  if (index < 0) throw new Error(`No record with id "${request.recordId}" in the dataset.`);
  const { params, ctx } = await runSetup(prepared, request.records, request.params, request.asOf);
  const result = await resultOf(prepared, request.records, index, { params, ctx, yieldControl });
  if (!result) throw new Error(`No result for record "${request.recordId}".`);
  const record = request.records[index] as Record<string, unknown>;
  const vocabulary = packVocabulary(prepared.content, request.schema);
  return {
    name,
    version,
    asOf: ctx.as_of,
    params,
    index,
    statement: recordStatement(prepared, record, result, { params, ctx, vocabulary }),
    context: { ...record, params, ctx, pop: result.pop, out: result.out },
  };
}

async function sweep(request: SweepRequest): Promise<SweepReply> {
  const { prepared, guardrails } = await preparePackSource(request.pack);
  const model = sweepModel(prepared, request.cost, guardrails);
  const rows: SweepRow[] = [];
  let asOf = "";
  for (const value of request.values) {
    const { params, ctx } = await runSetup(
      prepared,
      request.records,
      { ...request.params, [request.param]: value },
      request.asOf,
    );
    asOf = ctx.as_of;
    const tally = new SweepTally(model);
    for await (const chunk of runPack(prepared, request.records, { params, ctx, yieldControl }))
      for (const result of chunk) tally.add(result);
    rows.push(tally.row(value));
  }
  return { param: request.param, asOf, model, rows };
}

function reasonSide(input: ReasonSideInput, schema: unknown): ReasonSide {
  const ctx = makeRunContext(input.asOf);
  if (!ctx.ok) throw new Error(ctx.error.en);
  return {
    prepared: prepareForReasons(input.content),
    spec: input.spec,
    params: input.params,
    ctx: ctx.value,
    vocabulary: packVocabulary(input.content, schema),
  };
}

function reasons(request: ReasonsRequest): Promise<ReasonsReply> {
  const base = reasonSide(request.base, request.schema);
  const candidate = reasonSide(request.candidate, request.schema);
  return Promise.resolve({ reasons: request.movers.map((m) => moverReasons(m, base, candidate)) });
}

/** Answers one request. */
export function handleStatement(
  request: StatementWorkerRequest,
): Promise<StatementReply | SweepReply | ReasonsReply> {
  if (request.type === "statement") return statement(request);
  if (request.type === "sweep") return sweep(request);
  return reasons(request);
}
