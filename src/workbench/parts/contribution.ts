import type { ComponentType } from "react";
import type { SideBarView } from "../../machines";

/** Tabs of the bottom panel, in order. */
export const panelTabs = ["problems", "tests", "output", "trace"] as const;
export type PanelTab = (typeof panelTabs)[number];

/**
 * What a part adds to the shell (VS Code's contribution points). Each part exports one from its
 * `<part>.contribution.ts`; the shell reads them all from the list in ./index.ts.
 */
export interface Contribution {
  /** Side bar views, by the activity bar entry that shows them. */
  views?: Partial<Record<SideBarView, ComponentType>>;
  /** Contents of panel tabs. */
  panels?: Partial<Record<PanelTab, ComponentType>>;
  /** Status bar items on the left-hand side, in order. */
  statusItems?: { id: string; component: ComponentType }[];
}
