export * from "./shell";
export { createI18n } from "./i18n";
export { ServicesContext, useServices, type WorkbenchServices } from "./services";
export { startWorkbench } from "./bootstrap/startWorkbench";
