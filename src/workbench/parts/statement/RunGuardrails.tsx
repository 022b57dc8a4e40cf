import { useSelector } from "@xstate/react";
import type { LoadedRun } from "../../services/simulation";
import { useServices } from "../../services";
import { GuardrailResults } from "./GuardrailResults";
import { statementResource } from "./statementResource";

/**
 * The guardrails of a stored run at the top of its report (the simulation report's `guardrails`
 * slot): as computed during the run, never recomputed; an offending record opens its statement.
 */
export function RunGuardrails({ run }: { run: LoadedRun }) {
  const services = useServices();
  const locale = useSelector(services.preferences, (s) => s.context.locale);
  const { meta } = run.outcome;
  // Runs stored before guardrails existed have none.
  const results = run.outcome.guardrails ?? [];
  return (
    <GuardrailResults
      results={results}
      locale={locale}
      onOpenRecord={(recordId) =>
        services.editors.open(
          {
            kind: "statement",
            resource: statementResource({ packRef: meta.packRef, datasetId: meta.dataset.id, recordId }),
          },
          { preview: false },
        )
      }
    />
  );
}
