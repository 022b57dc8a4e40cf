import type { Contribution } from "../contribution";
import { ProblemsView } from "./ProblemsView";

export const problemsContribution: Contribution = {
  panels: { problems: ProblemsView },
};
