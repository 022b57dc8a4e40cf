import { compareRuns, type Comparison } from "../../../engine";
import type { LoadedRun, SimulationHost } from "../../services/simulation";

/** One side of `Pack: Compare Versions`: a released version (`name@version`) or a draft (manifest id). */
export interface CompareSideRef {
  kind: string;
  id: string;
}

/** The impact of going from one version to another on a dataset, as the simulation compares runs. */
export interface VersionImpact {
  comparison: Comparison;
  base: LoadedRun;
  candidate: LoadedRun;
}

type ImpactHost = Pick<SimulationHost, "packChoices" | "runAndStore" | "loadRun">;

/** The simulation's pack reference of a compare side (what `Simulation: Run` would run). */
async function simulationRef(host: ImpactHost, side: CompareSideRef): Promise<string> {
  const choices = await host.packChoices();
  const found =
    side.kind === "release"
      ? choices.find((c) => c.released && `${c.name}@${c.version}` === side.id)
      : choices.find((c) => !c.released && c.ref === side.id);
  if (!found) throw new Error(`${side.id.replace("@", " ")} is not a pack the simulation can run.`);
  return found.ref;
}

/**
 * Runs both versions over the dataset and compares the runs exactly as `Simulation: Compare with
 * Baseline` does: the same worker runs (stored, so the full comparison report can open them), the
 * same `compareRuns`, so totals, winners and losers and movements are the simulation's own.
 */
export async function versionImpact(
  host: ImpactHost,
  sides: readonly [CompareSideRef, CompareSideRef],
  datasetId: string,
  onProgress?: (side: 0 | 1, done: number, total: number) => void,
): Promise<VersionImpact> {
  const refs = [await simulationRef(host, sides[0]), await simulationRef(host, sides[1])] as const;
  const base = await host.runAndStore({ packRef: refs[0], datasetId, params: {} }, (done, total) =>
    onProgress?.(0, done, total),
  );
  const candidate = await host.runAndStore({ packRef: refs[1], datasetId, params: {} }, (done, total) =>
    onProgress?.(1, done, total),
  );
  const [b, c] = await Promise.all([host.loadRun(base.id), host.loadRun(candidate.id)]);
  if (!b || !c) throw new Error("The runs of the comparison were not stored.");
  const comparison = compareRuns(
    { table: b.outcome.table, spec: b.spec, content: b.content },
    { table: c.outcome.table, spec: c.spec, content: c.content },
  );
  return { comparison, base: b, candidate: c };
}
