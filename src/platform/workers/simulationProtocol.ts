import type { LocalizedText } from "../../base";
import type { RunSummary, SimulationProgress, SimulationRequest } from "../simulation/runSimulation";

/** Main thread → simulation worker: run one request over a dataset of the named database. */
export interface SimulationStart {
  type: "run";
  request: SimulationRequest;
  databaseName: string;
}

/** Simulation worker → main thread. */
export type SimulationReply =
  | { type: "progress"; progress: SimulationProgress }
  /** The run is stored (summary and results) in the database; only its summary crosses. */
  | { type: "done"; summary: RunSummary }
  | { type: "failed"; error: LocalizedText };
