export * from "./shell";
export { createI18n } from "./i18n";
