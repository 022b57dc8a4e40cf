/// <reference lib="webworker" />
// Runs one simulation off the main thread: reads the dataset from IndexedDB in chunks, runs the
// pack with the engine's runPack (the code `crw eval` runs) and builds the report, posting progress
// per chunk. The page cancels by terminating the worker, which stops it at once.
import type { LocalizedText } from "../../base";
import { createIndexedDbRepositories } from "../storage/indexedDbRepositories";
import { datasetRecordSource } from "../simulation/recordSource";
import { runSimulation } from "../simulation/runSimulation";
import type { SimulationReply, SimulationStart } from "./simulationProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: SimulationReply) => scope.postMessage(reply);

function textOf(error: unknown): LocalizedText {
  if (error && typeof error === "object" && "text" in error) return (error as { text: LocalizedText }).text;
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, "zh-CN": message };
}

scope.onmessage = (event: MessageEvent<SimulationStart>) => {
  const { request, databaseName } = event.data;
  const repos = createIndexedDbRepositories(databaseName);
  const source = datasetRecordSource(repos.datasets, request.dataset.id, request.dataset.rowCount);
  let last = 0;
  runSimulation(request, source, {
    onProgress: (progress) => {
      // At most ~20 progress messages a second: enough for a smooth bar, cheap for the page.
      const now = performance.now();
      if (now - last < 50 && progress.done < progress.total) return;
      last = now;
      post({ type: "progress", progress });
    },
  }).then(
    (outcome) => {
      post({ type: "done", outcome });
      void repos.close();
    },
    (error: unknown) => {
      post({ type: "failed", error: textOf(error) });
      void repos.close();
    },
  );
};
