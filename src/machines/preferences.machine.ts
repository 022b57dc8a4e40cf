import { assign, setup } from "xstate";
import type { Locale } from "../base";

export const themes = ["light", "dark", "high-contrast"] as const;
export type Theme = (typeof themes)[number];
export const sideBarViews = ["explorer", "search", "data", "simulation", "packs", "settings"] as const;
export type SideBarView = (typeof sideBarViews)[number];
/** How money and numbers are written: the language's own convention, or always `1,234.56`. */
export const numberFormats = ["locale", "grouped", "wan"] as const;
export type NumberFormat = (typeof numberFormats)[number];

export interface PreferencesContext {
  locale: Locale;
  theme: Theme;
  /** "system" follows the OS light/dark preference until the user picks a theme. */
  themeSource: "system" | "user";
  /** The side bar view shown, or null when the side bar is collapsed (VS Code: click the active icon). */
  activeView: SideBarView | null;
  panelVisible: boolean;
  /** The panel tab shown (problems, tests, output, trace). */
  panelTab: string;
  /** Pixel sizes the user dragged the sashes to. */
  sideBarWidth: number;
  panelHeight: number;
  /** Milliseconds of quiet after an edit before a document saves itself; 0 turns autosave off. */
  autosaveDelay: number;
  fontSize: number;
  numberFormat: NumberFormat;
  /**
   * The editors (by editor key, `rule:<id>`) shown as the visual builder rather than the code, so a
   * rule comes back in the view it was left in after a reload; the most recently switched on last.
   */
  builderEditors: string[];
  /** The view the side bar showed before Ctrl+B hid it, so Ctrl+B brings the same one back. */
  lastView?: SideBarView;
}

/** The settings that are stored in IndexedDB and come back after a reload. */
export const persistedPreferenceKeys = [
  "locale",
  "theme",
  "themeSource",
  "activeView",
  "panelVisible",
  "panelTab",
  "sideBarWidth",
  "panelHeight",
  "autosaveDelay",
  "fontSize",
  "numberFormat",
  "builderEditors",
] as const satisfies readonly (keyof PreferencesContext)[];

export type PreferencesEvent =
  | { type: "locale.set"; locale: Locale }
  | { type: "theme.set"; theme: Theme }
  /** The OS switched between light and dark; followed only while the user has not chosen. */
  | { type: "theme.system"; theme: Theme }
  | { type: "theme.toggle" }
  | { type: "view.toggle"; view: SideBarView }
  | { type: "view.show"; view: SideBarView }
  | { type: "sideBar.toggle" }
  | { type: "panel.toggle" }
  | { type: "panel.show"; tab?: string }
  | { type: "layout.sideBarWidth"; width: number }
  | { type: "layout.panelHeight"; height: number }
  /** Rules: Toggle Visual Builder on one editor. */
  | { type: "builder.toggle"; key: string }
  | { type: "settings.set"; autosaveDelay?: number; fontSize?: number; numberFormat?: NumberFormat };

export const preferenceLimits = {
  sideBarWidth: { min: 170, max: 800, default: 280 },
  panelHeight: { min: 100, max: 900, default: 220 },
  autosaveDelay: { min: 0, max: 60_000, default: 1000 },
  fontSize: { min: 10, max: 28, default: 14 },
} as const;

/** How many editors remember being in the builder (the oldest is forgotten first). */
export const BUILDER_EDITORS_KEPT = 200;

/** Stored settings are read back as they were written, or not at all: anything else is dropped. */
const editorKeys = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((k): k is string => typeof k === "string").slice(-BUILDER_EDITORS_KEPT)
    : [];

const clamp = (value: number, limits: { min: number; max: number; default: number }) =>
  Number.isFinite(value) ? Math.min(limits.max, Math.max(limits.min, Math.round(value))) : limits.default;

/**
 * The workbench's presentation preferences and settings. Initial values are passed in as input by the
 * composition root (from the URL, stored settings or the OS), so the machine itself reads no storage.
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
    themeSource: input.themeSource ?? "system",
    activeView: input.activeView === undefined ? "explorer" : input.activeView,
    panelVisible: input.panelVisible ?? true,
    panelTab: input.panelTab ?? "problems",
    sideBarWidth: clamp(input.sideBarWidth ?? NaN, preferenceLimits.sideBarWidth),
    panelHeight: clamp(input.panelHeight ?? NaN, preferenceLimits.panelHeight),
    autosaveDelay: clamp(input.autosaveDelay ?? NaN, preferenceLimits.autosaveDelay),
    fontSize: clamp(input.fontSize ?? NaN, preferenceLimits.fontSize),
    numberFormat: input.numberFormat ?? "locale",
    builderEditors: editorKeys(input.builderEditors),
  }),
  on: {
    "locale.set": { actions: assign({ locale: ({ event }) => event.locale }) },
    "theme.set": { actions: assign({ theme: ({ event }) => event.theme, themeSource: "user" }) },
    "theme.system": {
      guard: ({ context }) => context.themeSource === "system",
      actions: assign({ theme: ({ event }) => event.theme }),
    },
    "theme.toggle": {
      actions: assign({
        theme: ({ context }) => (context.theme === "dark" ? "light" : "dark"),
        themeSource: "user",
      }),
    },
    "view.toggle": {
      actions: assign({
        activeView: ({ context, event }) => (context.activeView === event.view ? null : event.view),
      }),
    },
    "view.show": { actions: assign({ activeView: ({ event }) => event.view }) },
    "sideBar.toggle": {
      actions: assign(({ context }) => ({
        activeView: context.activeView === null ? (context.lastView ?? "explorer") : null,
        lastView: context.activeView ?? context.lastView,
      })),
    },
    "panel.toggle": { actions: assign({ panelVisible: ({ context }) => !context.panelVisible }) },
    "panel.show": {
      actions: assign(({ context, event }) => ({
        panelVisible: true,
        panelTab: event.tab ?? context.panelTab,
      })),
    },
    "layout.sideBarWidth": {
      actions: assign({ sideBarWidth: ({ event }) => clamp(event.width, preferenceLimits.sideBarWidth) }),
    },
    "layout.panelHeight": {
      actions: assign({ panelHeight: ({ event }) => clamp(event.height, preferenceLimits.panelHeight) }),
    },
    "builder.toggle": {
      actions: assign({
        builderEditors: ({ context, event }) =>
          context.builderEditors.includes(event.key)
            ? context.builderEditors.filter((k) => k !== event.key)
            : [...context.builderEditors, event.key].slice(-BUILDER_EDITORS_KEPT),
      }),
    },
    "settings.set": {
      actions: assign(({ context, event }) => ({
        autosaveDelay:
          event.autosaveDelay === undefined
            ? context.autosaveDelay
            : clamp(event.autosaveDelay, preferenceLimits.autosaveDelay),
        fontSize:
          event.fontSize === undefined ? context.fontSize : clamp(event.fontSize, preferenceLimits.fontSize),
        numberFormat: event.numberFormat ?? context.numberFormat,
      })),
    },
  },
});

/** The stored form of the preferences. */
export function persistedPreferences(context: PreferencesContext): Partial<PreferencesContext> {
  return Object.fromEntries(persistedPreferenceKeys.map((key) => [key, context[key]]));
}
