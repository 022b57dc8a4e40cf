import type { ComponentType } from "react";
import type { TFunction } from "i18next";
import type { Locale } from "../../base";
import type { EditorInput, SideBarView } from "../../machines";
import type { WorkspaceLists } from "../../platform";
import type { CommandDefinition } from "../commands/command";

/** Tabs of the bottom panel, in order. */
export const panelTabs = ["problems", "tests", "output", "trace"] as const;
export type PanelTab = (typeof panelTabs)[number];

/** Props every editor component gets. */
export interface EditorProps {
  input: EditorInput;
  groupIndex: number;
  /** True for the active editor of the active group (it should take keyboard focus). */
  active: boolean;
}

/** What the tab of an editor shows, computed from the workspace lists and the language. */
export interface EditorLabelContext {
  t: TFunction;
  locale: Locale;
  lists: WorkspaceLists;
}

/** An editor kind: the component that shows an input of that kind, and its tab label. */
export interface EditorContribution {
  component: ComponentType<EditorProps>;
  label(input: EditorInput, context: EditorLabelContext): string;
  /** Tooltip and accessible description of the tab (the rule's full title, the file). */
  description?(input: EditorInput, context: EditorLabelContext): string | undefined;
  /** Buttons at the end of the tab bar while an editor of this kind is active (VS Code's editor actions). */
  actions?: ComponentType<EditorProps>;
}

/** A panel tab's body and whether it has anything to show (a tab with no content is hidden). */
export interface PanelContribution {
  component: ComponentType;
  /** A hook telling whether the tab has content yet; absent means always shown. */
  useHasContent?: () => boolean;
}

/**
 * What a part adds to the shell (VS Code's contribution points). Each part exports one from its
 * `<part>.contribution.ts`; the shell reads them all from the list in ./index.ts.
 */
export interface Contribution {
  /** Side bar views, by the activity bar entry that shows them. */
  views?: Partial<Record<SideBarView, ComponentType>>;
  /** Contents of panel tabs. */
  panels?: Partial<Record<PanelTab, ComponentType | PanelContribution>>;
  /** Status bar items on the left-hand side, in order. */
  statusItems?: { id: string; component: ComponentType }[];
  /** Commands, registered in the one registry at start-up. */
  commands?: CommandDefinition[];
  /** Editors, by the editor input kind they open. */
  editors?: Record<string, EditorContribution>;
}
