import type { Contribution } from "../contribution";
import { ExplorerView } from "./ExplorerView";

export const explorerContribution: Contribution = {
  views: { explorer: ExplorerView },
};
