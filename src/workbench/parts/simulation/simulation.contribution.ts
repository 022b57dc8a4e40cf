import type { Contribution } from "../contribution";
import { LazyCompareEditor, LazyReportEditor } from "./lazyEditors";
import { simulationCommands } from "./simulation.commands";
import { lazyPart } from "../lazyPart";

const SimulationView = lazyPart(() => import("./SimulationView").then((m) => m.SimulationView));

/** A run id (`<pack>@<version>|<dataset>|<time>`) as a tab title: `dealer-program 1.1.0 · distributors-300`. */
export function reportTabLabel(id: string): string {
  const [pack = id, dataset = ""] = id.split("|");
  return `${pack.replace("@", " ")}${dataset ? ` · ${dataset}` : ""}`;
}

/** Simulation: the view (pack, dataset, overrides, as_of, runs), Run/Cancel/Compare/Export, reports. */
export const simulationContribution: Contribution = {
  views: { simulation: SimulationView },
  commands: simulationCommands,
  editors: {
    report: {
      component: LazyReportEditor,
      label: (input) => reportTabLabel(input.resource),
    },
    compare: {
      component: LazyCompareEditor,
      label: (input) => {
        const [base = "", candidate = ""] = input.resource.split("..");
        return `${reportTabLabel(base).split(" · ")[0]} → ${reportTabLabel(candidate)}`;
      },
    },
  },
};
