import type { LoadedFile } from "../../engine";
import type { RuleTestReport, WorkspaceAnalysis, WorkspaceAnalysisInput } from "../analysis/analyzeWorkspace";
import {
  handleAnalysis,
  type AnalysisEnvelope,
  type AnalysisReply,
  type AnalysisRequest,
} from "./analysisProtocol";

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
export interface WorkerLike {
  postMessage(message: AnalysisEnvelope): void;
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * The service over a Web Worker, started on first use. Requests are answered in any order; a
 * worker that dies fails what it had in hand and is started again on the next request.
 */
export function createWorkerAnalysisService(
  start: () => WorkerLike = () =>
    new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }),
): AnalysisService {
  let worker: WorkerLike | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const failAll = (reason: string) => {
    for (const { reject } of pending.values()) reject(new Error(reason));
    pending.clear();
  };
  const ensure = (): WorkerLike => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.error));
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      started.terminate();
      worker = undefined;
      failAll(event.message || "the analysis worker stopped");
    };
    worker = started;
    return started;
  };
  const ask = <T>(request: AnalysisRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      ensure().postMessage({ id, request });
    });
  return {
    analyze: (input) => ask<WorkspaceAnalysis>({ type: "analyze", input }),
    runTests: (source) => ask<RuleTestReport>({ type: "runTests", source }),
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll("the analysis service was disposed");
    },
  };
}
