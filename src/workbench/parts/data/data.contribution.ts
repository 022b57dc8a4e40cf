import type { Contribution } from "../contribution";
import { ActiveDatasetStatus } from "./ActiveDatasetStatus";
import { DataView } from "./DataView";

export const dataContribution: Contribution = {
  views: { data: DataView },
  statusItems: [{ id: "data.activeDataset", component: ActiveDatasetStatus }],
};
