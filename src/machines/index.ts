export * from "./preferences.machine";
export * from "./workspace.machine";
export * from "./workspaceOps.machine";
