import type { ComponentType } from "react";
import type { LoadedRun } from "../../services/simulation";

/**
 * Where sections other parts contribute are mounted at the top of the report: `guardrails` (the
 * guardrail results of a run, passed or failed with the offending records) is set by the part that
 * evaluates them. Nothing is shown while it is unset.
 */
export const reportSlots: { guardrails: ComponentType<{ run: LoadedRun }> | null } = { guardrails: null };
