import type { Contribution } from "../contribution";
import { ActiveDatasetStatus } from "./ActiveDatasetStatus";
import { dataCommands } from "./data.commands";
import { ImportHost } from "./ImportDialog";
import { generateCommands } from "./generate.commands";
import { GenerateHost } from "./GenerateDialog";
import { lazyPart } from "../lazyPart";

// The view and the grid load when first shown: neither is on screen when the workbench opens.
const DataView = lazyPart(() => import("./DataView").then((m) => m.DataView));
const DatasetViewer = lazyPart(() => import("./DatasetViewer").then((m) => m.DatasetViewer));

export const dataContribution: Contribution = {
  views: { data: DataView },
  statusItems: [
    { id: "data.activeDataset", component: ActiveDatasetStatus },
    // Renders nothing in the status bar: the import dialog, while an import is under way.
    { id: "data.import", component: ImportHost },
    // Renders nothing in the status bar either: the generate dialog, while it is open.
    { id: "data.generate", component: GenerateHost },
  ],
  commands: [...dataCommands, ...generateCommands],
  editors: {
    dataset: {
      component: DatasetViewer,
      label: (input, { lists }) =>
        lists.datasets.find((d) => d.id === input.resource)?.name ?? input.resource,
      description: (input, { lists, t }) => {
        const meta = lists.datasets.find((d) => d.id === input.resource);
        return meta && t("data.source", { file: meta.sourceFile });
      },
    },
  },
};
