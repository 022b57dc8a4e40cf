import type { Contribution } from "../contribution";
import { ActiveDatasetStatus } from "./ActiveDatasetStatus";
import { dataCommands } from "./data.commands";
import { DatasetViewer } from "./DatasetViewer";
import { DataView } from "./DataView";
import { ImportHost } from "./ImportDialog";

export const dataContribution: Contribution = {
  views: { data: DataView },
  statusItems: [
    { id: "data.activeDataset", component: ActiveDatasetStatus },
    // Renders nothing in the status bar: the import dialog, while an import is under way.
    { id: "data.import", component: ImportHost },
  ],
  commands: dataCommands,
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
