// The one list of every part's contribution; the shell renders what they contribute.
import type { Contribution } from "./contribution";
import { dataContribution } from "./data/data.contribution";
import { explorerContribution } from "./explorer/explorer.contribution";
import { problemsContribution } from "./problems/problems.contribution";

export const contributions: readonly Contribution[] = [
  explorerContribution,
  dataContribution,
  problemsContribution,
];

/** Every contributed side bar view, by view id. */
export const contributedViews = contributions.reduce<NonNullable<Contribution["views"]>>(
  (all, c) => ({ ...all, ...c.views }),
  {},
);

/** Every contributed panel tab body, by tab id. */
export const contributedPanels = contributions.reduce<NonNullable<Contribution["panels"]>>(
  (all, c) => ({ ...all, ...c.panels }),
  {},
);

/** Every contributed status bar item, in contribution order. */
export const contributedStatusItems = contributions.flatMap((c) => c.statusItems ?? []);

export { panelTabs, type Contribution, type PanelTab } from "./contribution";
