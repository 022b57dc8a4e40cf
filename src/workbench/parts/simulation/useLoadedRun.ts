import { useEffect, useState } from "react";
import type { LoadedRun } from "../../services/simulation";
import { useSimulationHost } from "./SimulationView";

/** A stored run read back for a report, or `missing` when there is none by that id. */
export function useLoadedRun(id: string): { run?: LoadedRun; missing: boolean } {
  const host = useSimulationHost();
  const [state, setState] = useState<{ run?: LoadedRun; missing: boolean }>({ missing: false });
  useEffect(() => {
    let live = true;
    host.loadRun(id).then(
      (run) => live && setState(run ? { run, missing: false } : { missing: true }),
      () => live && setState({ missing: true }),
    );
    return () => {
      live = false;
    };
  }, [host, id]);
  return state;
}
