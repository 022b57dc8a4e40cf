export * from "./preferences.machine";
export * from "./workspace.machine";
export * from "./quickInput.machine";
export * from "./notifications.machine";
export * from "./output.machine";
export * from "./dialogs.machine";
export * from "./editors.machine";
export * from "./document.machine";
