export * from "./preferences.machine";
export * from "./workspace.machine";
