import type { LocalizedText } from "../../base";
import type { RunContext } from "../../engine";
import type { OutcomePiece } from "../simulation/outcomePieces";
import type { PackSource } from "../simulation/packSource";
import type { PartResult, RowRange } from "../simulation/parallelSource";
import type { RunSummary, SimulationProgress, SimulationRequest } from "../simulation/runSimulation";

/** Main thread → simulation worker: run one request over a dataset of the named database. */
export interface SimulationStart {
  type: "run";
  request: SimulationRequest;
  databaseName: string;
  /** Threads the run may use (`navigator.hardwareConcurrency`): this worker and part workers. */
  threads?: number;
}

/** Simulation worker → main thread. */
export type SimulationReply =
  | { type: "progress"; progress: SimulationProgress }
  /** A piece of the finished run's outcome; every piece arrives before `done`. */
  | { type: "outcome"; piece: OutcomePiece }
  /** The run is stored (summary and results) in the database. */
  | { type: "done"; summary: RunSummary }
  | { type: "failed"; error: LocalizedText };

/** Simulation worker → part worker: prepare the pack and open the dataset, then read once told the date. */
export type PartMessage =
  | {
      type: "open";
      pack: PackSource;
      databaseName: string;
      datasetId: string;
      paths: string[];
      range: RowRange;
      chunkRows: number;
    }
  | { type: "read"; params: Record<string, unknown>; ctx: RunContext; countMismatches: boolean };

/** Part worker → simulation worker. */
export type PartReply = { type: "part"; result: PartResult } | { type: "failed"; error: LocalizedText };

/** Main thread → results worker: read one stored run's results. */
export interface ResultsRequest {
  databaseName: string;
  runId: string;
}

/** Results worker → main thread: the outcome's pieces, then `end`. */
export type ResultsReply =
  | { type: "outcome"; piece: OutcomePiece }
  | { type: "end"; found: boolean }
  | { type: "failed"; message: string };
