import {
  declaredGuardrails,
  GuardrailCollector,
  resolveParams,
  resolveRunDate,
  runPack,
  type GuardrailResult,
  type Pack,
} from "../../engine";
import { preparedPackOf } from "./releaseEvidence";

/**
 * Runs a candidate pack over the reference dataset with its default parameters, as `crw eval` does
 * with the same pack and file, and evaluates the pack's `x-guardrails` on the results (the same
 * GuardrailCollector as `crw eval`). Returns every guardrail's result; the failed ones block a release.
 */
export async function referenceGuardrails(
  pack: Pack,
  records: readonly unknown[],
): Promise<GuardrailResult[]> {
  const guardrails = declaredGuardrails(pack);
  if (guardrails.length === 0) return [];
  const params = resolveParams(pack.params, {});
  if (!params.ok) throw new Error(params.error.map((e) => e.en).join("; "));
  const date = await resolveRunDate(undefined, records);
  const collector = new GuardrailCollector(guardrails, params.value);
  const prepared = await preparedPackOf(pack);
  for await (const chunk of runPack(prepared, records, { params: params.value, ctx: date.ctx }))
    for (const result of chunk) collector.add(result);
  return collector.results();
}
