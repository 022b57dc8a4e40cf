import type { Contribution } from "../contribution";
import { OutputView, useOutputHasContent } from "./OutputView";

export const outputContribution: Contribution = {
  panels: { output: { component: OutputView, useHasContent: useOutputHasContent } },
};
