import { useEffect, useState } from "react";
import {
  errorsByIndex,
  resultAt,
  type Comparison,
  type MovedRecord,
  type MoverReasons,
} from "../../../engine";
import type { StatementService } from "../../../platform";
import type { DatasetService, WorkbenchServices } from "../../services";
import type { LoadedRun } from "../../services/simulation";
import { statementService } from "../statement/statementClient";

/** How many moved records of each movement are listed with their reasons. */
export const REASONS_LISTED = 50;

/** Reasons by movement output, then by record position. */
export type ReasonsByMovement = Map<string, Map<number, MoverReasons>>;

export type ReasonsState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "done"; reasons: ReasonsByMovement };

/**
 * The records each movement lists (its first {@link REASONS_LISTED}), read from the dataset one by
 * one and checked against the run's ids (a dataset re-created since the run has other records there).
 */
async function movedRecords(
  datasets: Pick<DatasetService, "records">,
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
      const [record] = await datasets.records(datasetId, { start: index, count: 1 });
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
 * Why the listed records moved, from each side's trace: computed by the statement service (a
 * worker), each side with the pack content, parameters and `as_of` its run kept.
 */
export async function loadMoverReasons(
  datasets: Pick<DatasetService, "records">,
  service: Pick<StatementService, "reasons">,
  base: LoadedRun,
  candidate: LoadedRun,
  comparison: Comparison,
  schema?: unknown,
): Promise<ReasonsByMovement> {
  const side = (run: LoadedRun) => ({
    content: run.content,
    spec: run.spec,
    params: run.outcome.meta.params,
    asOf: run.outcome.meta.asOf,
  });
  const movers = await movedRecords(datasets, base, candidate, comparison);
  const reply = await service.reasons({
    base: side(base),
    candidate: side(candidate),
    movers,
    ...(schema === undefined ? {} : { schema }),
  });
  const byOutput: ReasonsByMovement = new Map();
  for (const r of reply.reasons) {
    let map = byOutput.get(r.output);
    if (!map) byOutput.set(r.output, (map = new Map<number, MoverReasons>()));
    map.set(r.index, r);
  }
  return byOutput;
}

/** {@link loadMoverReasons} for the compare editor, recomputed when the comparison changes. */
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
    const schema = services.workspace
      .getSnapshot()
      .context.lists.datasets.find((d) => d.id === candidate.outcome.meta.dataset.id)?.schema;
    loadMoverReasons(services.datasets, statementService(), base, candidate, comparison, schema).then(
      (reasons) => live && setState({ for: comparison, value: { status: "done", reasons } }),
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
