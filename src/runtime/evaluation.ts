import {
  DatasetError,
  resolveParams,
  resolveRunDate,
  resultObject,
  RunCancelled,
  RunDateError,
  runPack,
  type Guardrail,
  type PreparedPack,
  type RunDate,
} from "../engine";
import { RuntimeError } from "./errors";
import { SummaryCollector } from "./summary";
import type { EvaluateOptions, ResultLine, ResultStream, RunSummary, RuntimeProblem } from "./types";

/** A localized engine message as a problem without a place. */
function problem(code: string, text: { en: string; "zh-CN"?: string }): RuntimeProblem {
  return { code, message: text.en, messages: text };
}

/** The run's `params`: the pack's defaults with the caller's overrides, checked against the declarations. */
export function runParams(
  prepared: PreparedPack,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const resolved = resolveParams(prepared.content.params, overrides);
  if (resolved.ok) return resolved.value;
  const problems = resolved.error.map((text) => problem("params/invalid", text));
  throw new RuntimeError("params/invalid", problems.map((p) => p.message).join("\n"), problems);
}

/**
 * One run of a pack over records: the engine's pipeline (runPack), each result turned into its
 * `crw eval` line object, and the summary collected on the way. The date is decided as `crw eval`
 * decides it (resolveRunDate).
 */
export class Evaluation implements ResultStream {
  private started = false;
  private date: RunDate | undefined;
  private readonly collector: SummaryCollector;

  constructor(
    private readonly prepared: PreparedPack,
    private readonly records: Iterable<unknown> | AsyncIterable<unknown>,
    private readonly options: EvaluateOptions,
    guardrails: readonly Guardrail[] = [],
  ) {
    this.collector = new SummaryCollector(prepared, guardrails);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ResultLine> {
    if (this.started)
      throw new RuntimeError(
        "run/iterated",
        "This result stream was iterated already; call evaluateStream again.",
      );
    this.started = true;
    const { options } = this;
    const params = runParams(this.prepared, options.params);
    this.collector.checkGuardrails(params);
    try {
      this.date = await resolveRunDate(options.asOf, this.records);
    } catch (error) {
      if (!(error instanceof RunDateError)) throw error;
      throw new RuntimeError("as-of/invalid", `asOf: ${error.text.en}`, [
        problem("as-of/invalid", error.text),
      ]);
    }
    const run = runPack(this.prepared, this.date.records, {
      params,
      ctx: this.date.ctx,
      ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    try {
      for await (const chunk of run) {
        for (const result of chunk) {
          const line = resultObject(result);
          this.collector.add(line);
          yield line;
        }
      }
    } catch (error) {
      if (error instanceof DatasetError)
        throw new RuntimeError("dataset/invalid", error.text.en, [problem("dataset/invalid", error.text)]);
      if (error instanceof RunCancelled) throw new RuntimeError("run/cancelled", error.message);
      throw error;
    }
  }

  summary(): RunSummary {
    const date = this.date;
    return this.collector.summary(
      date && { date: date.ctx.as_of, source: date.source, mismatches: date.mismatches() },
    );
  }
}
