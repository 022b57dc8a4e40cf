import { assign, setup } from "xstate";
import type { Locale } from "../base";

export type Theme = "dark" | "light";
export const sideBarViews = ["explorer", "search", "data", "simulation", "packs", "settings"] as const;
export type SideBarView = (typeof sideBarViews)[number];

export interface PreferencesContext {
  locale: Locale;
  theme: Theme;
  /** The side bar view shown, or null when the side bar is collapsed (VS Code: click the active icon). */
  activeView: SideBarView | null;
  panelVisible: boolean;
}

export type PreferencesEvent =
  | { type: "locale.set"; locale: Locale }
  | { type: "theme.toggle" }
  | { type: "view.toggle"; view: SideBarView }
  | { type: "panel.toggle" };

/**
 * The workbench's presentation preferences. Initial values are passed in as input by the composition
 * root (from the URL, stored settings or the OS), so the machine itself reads no storage.
 */
export const preferencesMachine = setup({
  types: {} as {
    context: PreferencesContext;
    events: PreferencesEvent;
    input: Partial<PreferencesContext>;
  },
}).createMachine({
  id: "preferences",
  context: ({ input }) => ({
    locale: input.locale ?? "en",
    theme: input.theme ?? "dark",
    activeView: input.activeView === undefined ? "explorer" : input.activeView,
    panelVisible: input.panelVisible ?? true,
  }),
  on: {
    "locale.set": { actions: assign({ locale: ({ event }) => event.locale }) },
    "theme.toggle": {
      actions: assign({ theme: ({ context }) => (context.theme === "dark" ? "light" : "dark") }),
    },
    "view.toggle": {
      actions: assign({
        activeView: ({ context, event }) => (context.activeView === event.view ? null : event.view),
      }),
    },
    "panel.toggle": { actions: assign({ panelVisible: ({ context }) => !context.panelVisible }) },
  },
});
