import type { LoadedFile } from "../../engine";
import type { RuleTestReport, WorkspaceAnalysis, WorkspaceAnalysisInput } from "../analysis/analyzeWorkspace";
import { handleAnalysis, type AnalysisReply, type AnalysisRequest } from "./analysisProtocol";
import { workerClient, type RequestWorker } from "./workerClient";

/** Rule tests and workspace analysis, run where they cannot block typing. */
export interface AnalysisService {
  analyze(input: WorkspaceAnalysisInput): Promise<WorkspaceAnalysis>;
  /** Runs the tests of a rule text (the editor's, unsaved edits included). */
  runTests(source: LoadedFile): Promise<RuleTestReport>;
  dispose(): void;
}

/** The service in this thread: for tests, and where workers cannot start. */
export function createInlineAnalysisService(): AnalysisService {
  return {
    analyze: async (input) => (await handleAnalysis({ type: "analyze", input })) as WorkspaceAnalysis,
    runTests: async (source) => (await handleAnalysis({ type: "runTests", source })) as RuleTestReport,
    dispose: () => undefined,
  };
}

/** The minimal Worker surface the service uses, so tests can hand in a fake. */
export type WorkerLike = RequestWorker<AnalysisRequest, AnalysisReply>;

/**
 * The service over a Web Worker, started on first use. Requests are answered in any order; a
 * worker that dies fails what it had in hand and is started again on the next request.
 */
export function createWorkerAnalysisService(
  start: () => WorkerLike = () =>
    new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }),
): AnalysisService {
  const client = workerClient<AnalysisRequest, WorkspaceAnalysis | RuleTestReport>(
    start,
    "the analysis worker stopped",
  );
  return {
    analyze: (input) => client.ask<WorkspaceAnalysis>({ type: "analyze", input }),
    runTests: (source) => client.ask<RuleTestReport>({ type: "runTests", source }),
    dispose: () => client.dispose("the analysis service was disposed"),
  };
}
