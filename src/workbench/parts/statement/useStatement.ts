import { useEffect, useState } from "react";
import type { StatementReply } from "../../../platform";
import { useServices } from "../../services";
import { loadStatement, UnresolvedPack } from "./statementClient";
import type { StatementTarget } from "./statementResource";

export type StatementState =
  | { status: "loading" }
  | { status: "failed"; message: string; key?: UnresolvedPack["key"]; ref?: string }
  | { status: "done"; reply: StatementReply };

/** The statement of a record, computed in the worker; recomputed when the target changes. */
export function useStatement(target: StatementTarget | undefined): StatementState {
  const services = useServices();
  const key = target ? `${target.packRef}::${target.datasetId}::${target.recordId}` : "";
  // The state of the target it was computed for: another target is loading until its answer comes.
  const [state, setState] = useState<{ key: string; value: StatementState }>({
    key: "",
    value: { status: "loading" },
  });
  useEffect(() => {
    if (!target) return;
    let live = true;
    const settle = (value: StatementState) => live && setState({ key, value });
    loadStatement(services, target).then(
      (reply) => settle({ status: "done", reply }),
      (error: unknown) => {
        if (error instanceof UnresolvedPack)
          settle({ status: "failed", message: error.message, key: error.key, ref: error.ref });
        else settle({ status: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
    // The key names the target; the object itself is rebuilt on every render by callers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, services]);
  return state.key === key ? state.value : { status: "loading" };
}
