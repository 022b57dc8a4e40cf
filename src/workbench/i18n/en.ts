/** English UI strings. The shape of this object is the contract every other locale must match. */
export const en = {
  app: {
    title: "Channel Rules Workbench",
  },
  parts: {
    activityBar: "Activity Bar",
    sideBar: "Side Bar",
    editor: "Editor",
    panel: "Panel",
    statusBar: "Status Bar",
  },
  views: {
    explorer: "Explorer",
    search: "Search",
    data: "Data",
    simulation: "Simulation",
    packs: "Packs",
    settings: "Settings",
  },
  sideBar: {
    empty: "Nothing here yet.",
  },
  editor: {
    welcomeTitle: "Channel Rules Workbench",
    welcomeBody:
      "Author incentive, elimination and loyalty rules as JSON Logic, simulate them on distributor data in your browser, and release versioned rule packs.",
    noEditor: "No editor is open.",
  },
  panel: {
    problems: "Problems",
    tests: "Tests",
    output: "Output",
    trace: "Trace",
    empty: "No entries.",
    hide: "Hide panel",
    show: "Show panel",
  },
  status: {
    language: "Language",
    theme: "Theme",
    themeDark: "Dark",
    themeLight: "Light",
    switchTheme: "Switch to {{theme}} theme",
    switchLanguage: "Switch language to {{language}}",
  },
  languages: {
    en: "English",
    "zh-CN": "简体中文",
  },
};

/** The nested shape of the string table, with every leaf a string. */
export type Messages = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
