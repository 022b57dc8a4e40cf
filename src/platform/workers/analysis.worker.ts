/// <reference lib="webworker" />
// Runs rule tests and workspace analysis off the main thread: the compiled evaluator builds code
// (new Function), and a slow rule or a big pack must never hold up typing.
import { handleAnalysis, type AnalysisEnvelope, type AnalysisReply } from "./analysisProtocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisEnvelope>) => {
  const { id, request } = event.data;
  handleAnalysis(request).then(
    (value) => scope.postMessage({ id, ok: true, value } satisfies AnalysisReply),
    (error: unknown) =>
      scope.postMessage({
        id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies AnalysisReply),
  );
};
