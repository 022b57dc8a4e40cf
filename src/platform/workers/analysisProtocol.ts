import type { LoadedFile } from "../../engine";
import {
  analyzeWorkspace,
  runTestsOfText,
  type RuleTestReport,
  type WorkspaceAnalysis,
  type WorkspaceAnalysisInput,
} from "../analysis/analyzeWorkspace";

/** What the analysis worker is asked to do. */
export type AnalysisRequest =
  { type: "analyze"; input: WorkspaceAnalysisInput } | { type: "runTests"; source: LoadedFile };

/** A request as it crosses to the worker, numbered so the answer finds its caller. */
export interface AnalysisEnvelope {
  id: number;
  request: AnalysisRequest;
}

export type AnalysisReply =
  | { id: number; ok: true; value: WorkspaceAnalysis | RuleTestReport }
  | { id: number; ok: false; error: string };

/** Answers one request; the worker and the in-thread service share it. */
export async function handleAnalysis(request: AnalysisRequest): Promise<WorkspaceAnalysis | RuleTestReport> {
  return request.type === "analyze" ? analyzeWorkspace(request.input) : runTestsOfText(request.source);
}
