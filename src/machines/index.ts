export * from "./preferences.machine";
