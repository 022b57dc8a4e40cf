import type { LastRun } from "../../../engine";
import { resultsCsv, type StoredRelease } from "../../../platform";
import type { SimulationHost } from "../../services/simulation";

/**
 * The engineers' zip's last simulation: the newest stored run of exactly this release (name,
 * version and integrity, so a run of a same-numbered draft with other content does not count), as
 * its summary and its results CSV. Undefined when the release was never simulated.
 */
export async function lastRunOf(
  simulation: Pick<SimulationHost, "runs" | "loadRun" | "refreshRuns">,
  release: Pick<StoredRelease, "name" | "version" | "integrity">,
): Promise<LastRun | undefined> {
  await simulation.refreshRuns();
  const summary = simulation
    .runs()
    .find(
      (r) =>
        r.meta.packName === release.name &&
        r.meta.packVersion === release.version &&
        r.meta.integrity === release.integrity,
    );
  if (!summary) return undefined;
  const run = await simulation.loadRun(summary.id);
  if (!run) return undefined;
  const { meta, report, guardrails } = run.outcome;
  return {
    summary: {
      run: summary.id,
      createdAt: summary.createdAt,
      pack: { name: meta.packName, version: meta.packVersion, integrity: meta.integrity },
      dataset: meta.dataset.name,
      datasetId: meta.dataset.id,
      datasetHash: meta.datasetHash,
      records: meta.records,
      recordsWithErrors: meta.recordsWithErrors,
      asOf: meta.asOf,
      params: meta.params,
      changedParams: meta.changedParams,
      headline: report.headline,
      guardrails: guardrails.map((g) => ({ ...g })),
    },
    resultsCsv: resultsCsv(run.outcome.table, run.fieldPaths).join(""),
  };
}
