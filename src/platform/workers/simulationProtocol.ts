import type { LocalizedText } from "../../base";
import type { SimulationOutcome, SimulationProgress, SimulationRequest } from "../simulation/runSimulation";

/** Main thread → simulation worker: run one request over a dataset of the named database. */
export interface SimulationStart {
  type: "run";
  request: SimulationRequest;
  databaseName: string;
}

/** Simulation worker → main thread. */
export type SimulationReply =
  | { type: "progress"; progress: SimulationProgress }
  | { type: "done"; outcome: SimulationOutcome }
  | { type: "failed"; error: LocalizedText };
