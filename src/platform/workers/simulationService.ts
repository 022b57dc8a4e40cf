import type { LocalizedText } from "../../base";
import type { DatasetRepository } from "../storage/repositories";
import { openDatasetSource } from "../simulation/parallelSource";
import type { RunRepository } from "../storage/runRepository";
import {
  runSimulation,
  storeRun,
  type RunSummary,
  type SimulationOutcome,
  type SimulationProgress,
  type SimulationRequest,
  type StoredResults,
} from "../simulation/runSimulation";
import { OutcomeAssembler } from "../simulation/outcomePieces";
import type { ResultsReply, ResultsRequest, SimulationReply, SimulationStart } from "./simulationProtocol";

/** A simulation in progress: the stored run's summary once done, and a cancel that stops it at once. */
export interface SimulationJob {
  stored: Promise<RunSummary>;
  /**
   * The stored run's outcome as the run handed it over, once `stored` has resolved, so the page
   * need not read it back from the database; undefined when the service has none in hand.
   */
  outcome(): SimulationOutcome | undefined;
  cancel(): void;
}

export interface SimulationService {
  start(request: SimulationRequest, onProgress: (progress: SimulationProgress) => void): SimulationJob;
  /**
   * A stored run's results read off the page's thread and handed over in pieces; absent where the
   * page reads them itself (`RunRepository.results`).
   */
  loadResults?(runId: string): Promise<StoredResults | undefined>;
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
 * Each run in a fresh Web Worker that reads the dataset from IndexedDB itself (with part workers
 * for up to `threads` cores, see simulation.worker.ts) and stores the run there, so the records never
 * cross the main thread and the results arrive in pieces; cancelling terminates it.
 */
export function createWorkerSimulationService(
  databaseName: string,
  threads: number = typeof navigator === "undefined" ? 1 : navigator.hardwareConcurrency || 1,
  start: () => SimulationWorkerLike = () =>
    new Worker(new URL("./simulation.worker.ts", import.meta.url), { type: "module" }),
  startResults: () => Worker = () =>
    new Worker(new URL("./simulationResults.worker.ts", import.meta.url), { type: "module" }),
): SimulationService {
  return {
    loadResults(runId) {
      const worker = startResults();
      const assembler = new OutcomeAssembler();
      return new Promise<StoredResults | undefined>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<ResultsReply>) => {
          const reply = event.data;
          if (reply.type === "outcome") return assembler.add(reply.piece);
          worker.terminate();
          if (reply.type === "failed") reject(new Error(reply.message));
          else {
            const outcome = assembler.result();
            resolve(reply.found && outcome ? { outcome } : undefined);
          }
        };
        worker.onerror = (event) => {
          event.preventDefault();
          worker.terminate();
          reject(new Error(event.message || "the results worker stopped"));
        };
        worker.postMessage({ databaseName, runId } satisfies ResultsRequest);
      });
    },
    start(request, onProgress) {
      const worker = start();
      const assembler = new OutcomeAssembler();
      let settle: { resolve(o: RunSummary): void; reject(e: Error): void } | undefined;
      const stored = new Promise<RunSummary>((resolve, reject) => {
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
        else if (reply.type === "outcome") assembler.add(reply.piece);
        else if (reply.type === "done") {
          finish();
          settle?.resolve(reply.summary);
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
      worker.postMessage({ type: "run", request, databaseName, threads });
      return {
        stored,
        outcome: () => assembler.result(),
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
  datasets: Pick<DatasetRepository, "records" | "columns" | "describe">,
  runs: Pick<RunRepository, "put">,
): SimulationService {
  return {
    start(request, onProgress) {
      const signal = { aborted: false };
      let outcome: SimulationOutcome | undefined;
      // One thread: the columns the run reads, no part workers.
      const source = openDatasetSource(datasets, request.dataset, 1, () => {
        throw new Error("An inline simulation reads every part itself");
      });
      const stored = runSimulation(request, source, {
        signal,
        onProgress,
        yieldControl: () => new Promise((r) => setTimeout(r, 0)),
      })
        .then((result) => {
          outcome = result;
          return storeRun(runs, result);
        })
        .catch((error: unknown) => {
          if (signal.aborted) throw new SimulationCancelled();
          throw error;
        });
      return {
        stored,
        outcome: () => outcome,
        cancel() {
          signal.aborted = true;
        },
      };
    },
  };
}
