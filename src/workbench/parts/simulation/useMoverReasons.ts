import { useEffect, useState } from "react";
import {
  errorsByIndex,
  resultAt,
  type Comparison,
  type MovedRecord,
  type MoverReasons,
} from "../../../engine";
import type { WorkbenchServices } from "../../services";
import type { LoadedRun } from "../../services/simulation";
import { statementService } from "../statement/statementClient";

/** How many moved records of each movement are listed with their reasons. */
export const REASONS_LISTED = 50;

export type ReasonsState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  /** Reasons by movement output, then by record position. */
  | { status: "done"; reasons: Map<string, Map<number, MoverReasons>> };

/**
 * The records each movement lists (its first {@link REASONS_LISTED}), read from the dataset and
 * checked against the run's ids (a dataset re-created since the run has other records there).
 */
async function movedRecords(
  services: WorkbenchServices,
  base: LoadedRun,
  candidate: LoadedRun,
  comparison: Comparison,
): Promise<MovedRecord[]> {
  const datasetId = candidate.outcome.meta.dataset.id;
  const wanted = new Set(
    comparison.movements.flatMap((m) => m.moved.slice(0, REASONS_LISTED).map((x) => x.index)),
  );
  const records = new Map<number, Record<string, unknown>>();
  await Promise.all(
    [...wanted].map(async (index) => {
      const [record] = await services.datasets.records(datasetId, { start: index, count: 1 });
      const id = (record as { id?: unknown } | undefined)?.id;
      if (record && id === candidate.outcome.table.ids[index])
        records.set(index, record as Record<string, unknown>);
    }),
  );
  const baseErrors = errorsByIndex(base.outcome.table);
  const candidateErrors = errorsByIndex(candidate.outcome.table);
  return comparison.movements.flatMap((m) =>
    m.moved.slice(0, REASONS_LISTED).flatMap((x): MovedRecord[] => {
      const record = records.get(x.index);
      if (!record) return [];
      return [
        {
          output: m.output,
          index: x.index,
          record,
          base: resultAt(base.outcome.table, x.index, baseErrors.get(x.index)),
          candidate: resultAt(candidate.outcome.table, x.index, candidateErrors.get(x.index)),
        },
      ];
    }),
  );
}

/**
 * Why the listed records moved, from each side's trace: computed in the statement worker, each side
 * with the pack content, parameters and `as_of` its run kept.
 */
export function useMoverReasons(
  services: WorkbenchServices,
  base: LoadedRun | undefined,
  candidate: LoadedRun | undefined,
  comparison: Comparison | undefined,
): ReasonsState {
  const [state, setState] = useState<{ for?: Comparison; value: ReasonsState }>({
    value: { status: "loading" },
  });
  useEffect(() => {
    if (!base || !candidate || !comparison) return;
    let live = true;
    const side = (run: LoadedRun) => ({
      content: run.content,
      spec: run.spec,
      params: run.outcome.meta.params,
      asOf: run.outcome.meta.asOf,
    });
    const schema = services.workspace
      .getSnapshot()
      .context.lists.datasets.find((d) => d.id === candidate.outcome.meta.dataset.id)?.schema;
    movedRecords(services, base, candidate, comparison)
      .then((movers) =>
        statementService().reasons({
          base: side(base),
          candidate: side(candidate),
          movers,
          ...(schema === undefined ? {} : { schema }),
        }),
      )
      .then(
        (reply) => {
          const byOutput = new Map<string, Map<number, MoverReasons>>();
          for (const r of reply.reasons) {
            let map = byOutput.get(r.output);
            if (!map) byOutput.set(r.output, (map = new Map<number, MoverReasons>()));
            map.set(r.index, r);
          }
          if (live) setState({ for: comparison, value: { status: "done", reasons: byOutput } });
        },
        (error: unknown) =>
          live &&
          setState({
            for: comparison,
            value: { status: "failed", message: error instanceof Error ? error.message : String(error) },
          }),
      );
    return () => {
      live = false;
    };
  }, [services, base, candidate, comparison]);
  return state.for === comparison ? state.value : { status: "loading" };
}
