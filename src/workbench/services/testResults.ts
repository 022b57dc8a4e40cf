import type { TestResultsService, TestSummary } from "./services";

/** An observable map of rule id → last test summary, for the page's lifetime. */
export function createTestResults(): TestResultsService {
  const summaries = new Map<string, TestSummary>();
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    summary: (ruleId) => summaries.get(ruleId),
    record(ruleId, summary) {
      summaries.set(ruleId, { passed: summary.passed, failed: summary.failed });
      version++;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => version,
  };
}
