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
  workspace: {
    opening: "Opening the workspace…",
    seeding: "Loading the sample rules and data…",
    loading: "Reading the workspace…",
    failed: "The workspace could not be opened: {{reason}}",
    retry: "Retry",
  },
  explorer: {
    tree: "Workspace",
    rules: "Rules",
    manifests: "Pack manifests",
    datasets: "Datasets",
    kinds: {
      incentive: "Incentive",
      elimination: "Elimination",
      loyalty: "Loyalty",
    },
    items_one: "{{count}} item",
    items_other: "{{count}} items",
  },
  data: {
    list: "Datasets",
    none: "No datasets yet.",
    rows_one: "{{rows}} row",
    rows_other: "{{rows}} rows",
    active: "Active",
    activate: "Use {{name}} as the active dataset",
    source: "From {{file}}",
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
    noProblems: "No problems have been detected in the workspace.",
    problemsList: "Problems in the workspace",
    severity: {
      error: "Error",
      warning: "Warning",
      info: "Info",
    },
    hide: "Hide panel",
    show: "Show panel",
  },
  status: {
    dataset: "{{name}} · {{rows}}",
    datasetLabel: "Active dataset: {{name}}, {{rows}}",
    noDataset: "No dataset",
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
