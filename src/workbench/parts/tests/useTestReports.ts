import { useMemo } from "react";
import { useSelector } from "@xstate/react";
import type { RuleTestReport } from "../../../platform";
import { useServices } from "../../services";
import { latestReports } from "./tests.selectors";

/** The newest test report of every rule of the workspace (a single run over the analysis). */
export function useTestReports(): RuleTestReport[] {
  const s = useServices();
  const analysis = useSelector(s.tests, (state) => state.context.analysis);
  const runs = useSelector(s.tests, (state) => state.context.runs);
  const rules = useSelector(s.workspace, (state) => state.context.lists.rules);
  return useMemo(
    () => latestReports(analysis?.tests ?? [], runs, new Set(rules.map((r) => r.id))),
    [analysis, runs, rules],
  );
}

/** The Tests tab shows once a test has run (the first analysis runs them all). */
export function useTestsHaveContent(): boolean {
  return useTestReports().some((r) => r.results.length > 0 || (r.problems?.length ?? 0) > 0);
}
