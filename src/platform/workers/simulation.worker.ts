/// <reference lib="webworker" />
// Runs one simulation off the main thread: reads only the columns the pack and report read from
// IndexedDB, in chunks, with one part worker per further core reading the later rows (the rules
// that need no population operator run there); this worker appends their held columns, computes the
// population operators once over every record and runs the rest (the engine's runPack, the code
// `crw eval` runs), builds the report and stores the run. The outcome goes to the page in pieces,
// one column per message, so the page never deserialises it in one long task. The page cancels by
// terminating this worker, which ends its part workers with it.
import type { LocalizedText } from "../../base";
import { createIndexedDbRepositories } from "../storage/indexedDbRepositories";
import { outcomePieces } from "../simulation/outcomePieces";
import { openDatasetSource, type PartReader, type PartResult } from "../simulation/parallelSource";
import { runSimulation, storeRun } from "../simulation/runSimulation";
import type { PartMessage, PartReply, SimulationReply, SimulationStart } from "./simulationProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: SimulationReply) => scope.postMessage(reply);

function textOf(error: unknown): LocalizedText {
  if (error && typeof error === "object" && "text" in error) return (error as { text: LocalizedText }).text;
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, "zh-CN": message };
}

/** An error with a message in both languages, as the run's other errors carry. */
class PartFailed extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

scope.onmessage = (event: MessageEvent<SimulationStart>) => {
  const { request, databaseName } = event.data;
  const threads = Math.max(1, Math.min(8, event.data.threads ?? 1));
  const repos = createIndexedDbRepositories(databaseName);
  const parts: Worker[] = [];
  const startPart = (range: { start: number; count: number }, paths: string[], chunkRows: number) => {
    const worker = new Worker(new URL("./simulationPart.worker.ts", import.meta.url), { type: "module" });
    parts.push(worker);
    const open: PartMessage = {
      type: "open",
      pack: request.pack,
      databaseName,
      datasetId: request.dataset.id,
      paths,
      range,
      chunkRows,
    };
    worker.postMessage(open);
    const reader: PartReader = {
      run: (run) =>
        new Promise<PartResult>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent<PartReply>) => {
            if (e.data.type === "part") resolve(e.data.result);
            else reject(new PartFailed(e.data.error));
            worker.terminate();
          };
          worker.onerror = (e) => {
            e.preventDefault();
            reject(new PartFailed({ en: e.message, "zh-CN": e.message }));
          };
          worker.postMessage({ type: "read", ...run } satisfies PartMessage);
        }),
    };
    return reader;
  };
  const source = openDatasetSource(repos.datasets, request.dataset, threads, startPart);
  let last = 0;
  runSimulation(request, source, {
    onProgress: (progress) => {
      // At most ~20 progress messages a second: enough for a smooth bar, cheap for the page.
      const now = performance.now();
      if (now - last < 50 && progress.done < progress.total) return;
      last = now;
      post({ type: "progress", progress });
    },
  })
    // The worker stores the run itself; the page gets the outcome in pieces and never reads it back.
    .then(async (outcome) => {
      // The database writes while the pieces go out; `done` says the run is stored.
      const stored = storeRun(repos.runs, outcome);
      stored.catch(() => undefined);
      for (const piece of outcomePieces(outcome)) post({ type: "outcome", piece });
      return stored;
    })
    .then(
      (summary) => {
        post({ type: "done", summary });
        void repos.close();
      },
      (error: unknown) => {
        for (const worker of parts) worker.terminate();
        post({ type: "failed", error: textOf(error) });
        void repos.close();
      },
    );
};
