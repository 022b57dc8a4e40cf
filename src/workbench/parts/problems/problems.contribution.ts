import type { Contribution } from "../contribution";
import { ProblemsStatus } from "./ProblemsStatus";
import { ProblemsView } from "./ProblemsView";

export const problemsContribution: Contribution = {
  panels: { problems: ProblemsView },
  statusItems: [{ id: "problems", component: ProblemsStatus }],
};
