import type { LocalizedText } from "../../base";
import type { DatasetRepository } from "../storage/repositories";
import { datasetRecordSource } from "../simulation/recordSource";
import {
  runSimulation,
  type SimulationOutcome,
  type SimulationProgress,
  type SimulationRequest,
} from "../simulation/runSimulation";
import type { SimulationReply, SimulationStart } from "./simulationProtocol";

/** A simulation in progress: its outcome, and a cancel that stops it at once. */
export interface SimulationJob {
  outcome: Promise<SimulationOutcome>;
  cancel(): void;
}

export interface SimulationService {
  start(request: SimulationRequest, onProgress: (progress: SimulationProgress) => void): SimulationJob;
}

/** Thrown by a cancelled job's outcome. */
export class SimulationCancelled extends Error {
  constructor() {
    super("The simulation was cancelled.");
    this.name = "AbortError";
  }
}

/** The failure of a job, with its message in both languages. */
export class SimulationFailed extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = "SimulationFailed";
  }
}

/** The minimal Worker surface the service uses, so tests can hand in a fake. */
export interface SimulationWorkerLike {
  postMessage(message: SimulationStart): void;
  onmessage: ((event: MessageEvent<SimulationReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * Each run in a fresh Web Worker that reads the dataset from IndexedDB itself, so no record crosses
 * the main thread; cancelling terminates it. (Packs with population operators need every record in
 * one pipeline to give `crw eval`'s numbers, so a run is one worker.)
 */
export function createWorkerSimulationService(
  databaseName: string,
  start: () => SimulationWorkerLike = () =>
    new Worker(new URL("./simulation.worker.ts", import.meta.url), { type: "module" }),
): SimulationService {
  return {
    start(request, onProgress) {
      const worker = start();
      let settle: { resolve(o: SimulationOutcome): void; reject(e: Error): void } | undefined;
      const outcome = new Promise<SimulationOutcome>((resolve, reject) => {
        settle = { resolve, reject };
      });
      const finish = () => {
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
      };
      worker.onmessage = (event) => {
        const reply = event.data;
        if (reply.type === "progress") onProgress(reply.progress);
        else if (reply.type === "done") {
          finish();
          settle?.resolve(reply.outcome);
        } else {
          finish();
          settle?.reject(new SimulationFailed(reply.error));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        finish();
        const message = event.message || "the simulation worker stopped";
        settle?.reject(new SimulationFailed({ en: message, "zh-CN": message }));
      };
      worker.postMessage({ type: "run", request, databaseName });
      return {
        outcome,
        cancel() {
          finish();
          settle?.reject(new SimulationCancelled());
        },
      };
    },
  };
}

/** The service in this thread (tests, and where workers cannot start); cancels between chunks. */
export function createInlineSimulationService(
  datasets: Pick<DatasetRepository, "records">,
): SimulationService {
  return {
    start(request, onProgress) {
      const signal = { aborted: false };
      const source = datasetRecordSource(datasets, request.dataset.id, request.dataset.rowCount);
      const outcome = runSimulation(request, source, {
        signal,
        onProgress,
        yieldControl: () => new Promise((r) => setTimeout(r, 0)),
      }).catch((error: unknown) => {
        if (signal.aborted) throw new SimulationCancelled();
        throw error;
      });
      return {
        outcome,
        cancel() {
          signal.aborted = true;
        },
      };
    },
  };
}
