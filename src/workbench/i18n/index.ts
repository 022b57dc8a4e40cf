export { createI18n, resources } from "./i18n";
export type { Messages } from "./en";
export { formatCount, compareVersions } from "./format";
