export * from "./localized";
export * from "./result";
export * from "./disposable";
