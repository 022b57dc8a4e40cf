import { stat } from "node:fs/promises";
import {
  DatasetError,
  GuardrailCollector,
  RecordBatches,
  runPackLines,
  type GuardrailResult,
} from "../../engine";
import { resolveRunDate, runDateNote } from "../io/asOf";
import { CliError, displayName, readTextFile } from "../io/files";
import { readRecords } from "../io/records";
import { writeChunk } from "../io/report";
import { loadTarget } from "../io/target";
import { runParams } from "./params";

export interface EvalOptions {
  data: string;
  param?: Record<string, string>;
  asOf?: string;
  schema?: string;
  chunkSize?: string;
  stats?: boolean;
}

export async function loadDatasetSchema(path: string | undefined): Promise<unknown> {
  if (path === undefined) return undefined;
  const file = await readTextFile(path);
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    throw new CliError(
      `${file.file}:1:1: the dataset schema is not valid JSON (${(error as Error).message}).`,
    );
  }
}

/** `crw eval`: runs a rule, manifest or pack over a dataset, one JSON line per record to stdout. */
export async function evalCommand(targetPath: string, options: EvalOptions): Promise<number> {
  const started = performance.now();
  const target = await loadTarget(targetPath, options.param ?? {});
  const params = runParams(target.prepared.content.params, options.param ?? {});
  // A bad --as-of is bad usage before any data is read.
  if (options.asOf !== undefined) await resolveRunDate(options.asOf, new RecordBatches([]));
  await stat(options.data).catch(() => {
    throw new CliError(`${options.data}:1:1: cannot read the data (no such file); check the --data path.`);
  });
  const schema = await loadDatasetSchema(options.schema);
  let count = 0;
  let withErrors = 0;
  const errorCodes = new Map<string, number>();
  let note: string | undefined;
  const guardrails = new GuardrailCollector(target.guardrails, params);
  try {
    const date = await resolveRunDate(options.asOf, readRecords(options.data, schema));
    const chunkSize = options.chunkSize === undefined ? undefined : Number(options.chunkSize);
    for await (const chunk of runPackLines(target.prepared, date.records, {
      params,
      ctx: date.ctx,
      reuseRecords: true,
      // Result objects only when guardrails read them; the lines need none.
      withResults: target.guardrails.length > 0,
      ...(chunkSize ? { chunkSize } : {}),
    })) {
      count += chunk.count;
      withErrors += chunk.errors.length;
      for (const errors of chunk.errors)
        for (const e of errors) errorCodes.set(e.code, (errorCodes.get(e.code) ?? 0) + 1);
      for (const result of chunk.results ?? []) guardrails.add(result);
      await writeChunk(process.stdout, chunk.text);
    }
    note = runDateNote("crw eval", date);
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new CliError(`${displayName(options.data)}: ${error.message}`);
    }
    throw error;
  }
  if (note !== undefined) process.stderr.write(`${note}\n`);
  const checked = guardrails.results();
  for (const g of checked) process.stderr.write(guardrailLine(g));
  const failed = checked.filter((g) => !g.passed).length;
  const seconds = (performance.now() - started) / 1000;
  const codes = [...errorCodes].map(([code, n]) => `${code} ×${n}`).join(", ");
  const guardrailSummary =
    checked.length > 0 ? `guardrails ${checked.length - failed} passed, ${failed} failed; ` : "";
  process.stderr.write(
    `crw eval: ${count} records, ${withErrors} with errors${codes ? ` (${codes})` : ""}; ` +
      `${target.prepared.steps.length} steps; ${guardrailSummary}${seconds.toFixed(2)} s\n`,
  );
  if (options.stats) {
    // maxRSS is in kilobytes; read by the benchmark (tests/bench/cli.bench.ts).
    process.stderr.write(
      `crw-stats ${JSON.stringify({ records: count, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
    );
  }
  return withErrors > 0 || failed > 0 ? 1 : 0;
}

/** Offending record ids named on a failed guardrail's line. */
const NAMED_OFFENDERS = 10;

/** One guardrail's outcome on stderr: `crw eval: guardrail <id> passed|FAILED: <message>`. */
function guardrailLine(g: GuardrailResult): string {
  const head = `crw eval: guardrail ${g.id} ${g.passed ? "passed" : "FAILED"}: ${g.message.en}`;
  if (g.passed || g.offending.length === 0) return head + "\n";
  const named = g.offending.slice(0, NAMED_OFFENDERS).map((r) => String(r.id));
  const more = g.offendingCount - named.length;
  return `${head} Records: ${named.join(", ")}${more > 0 ? ` and ${more} more` : ""}.\n`;
}
