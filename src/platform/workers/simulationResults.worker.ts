/// <reference lib="webworker" />
// Reads a stored run's results from IndexedDB and hands them to the page in pieces (one column per
// message, see outcomePieces.ts), so reopening a large run never deserialises it in one long task
// on the page. One request per worker; the page terminates it when the answer is complete.
import { createIndexedDbRepositories } from "../storage/indexedDbRepositories";
import { outcomePieces } from "../simulation/outcomePieces";
import type { StoredResults } from "../simulation/runSimulation";
import type { ResultsReply, ResultsRequest } from "./simulationProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: ResultsReply) => scope.postMessage(reply);

scope.onmessage = (event: MessageEvent<ResultsRequest>) => {
  const { databaseName, runId } = event.data;
  const repos = createIndexedDbRepositories(databaseName);
  repos.runs
    .results(runId)
    .then((found) => {
      const outcome = (found as StoredResults | undefined)?.outcome;
      if (outcome) for (const piece of outcomePieces(outcome)) post({ type: "outcome", piece });
      post({ type: "end", found: outcome !== undefined });
    })
    .catch((error: unknown) =>
      post({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => void repos.close());
};
