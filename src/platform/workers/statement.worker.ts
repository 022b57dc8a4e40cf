/// <reference lib="webworker" />
// Statements and sweeps off the main thread: each runs the pack over the whole dataset (population
// operators need every record), which must never hold up the page.
import { handleStatement, type StatementEnvelope, type StatementWorkerReply } from "./statementProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<StatementEnvelope>) => {
  const { id, request } = event.data;
  handleStatement(request).then(
    (value) => scope.postMessage({ id, ok: true, value } satisfies StatementWorkerReply),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies StatementWorkerReply),
  );
};
