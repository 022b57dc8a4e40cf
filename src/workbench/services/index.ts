export * from "./services";
export { createServices, type ServiceActors, type ServiceDependencies } from "./createServices";
export { createDocumentService, type DocumentEffects } from "./documents";
export { ServicesContext, useServices } from "./servicesContext";
export {
  createReleaseService,
  REFERENCE_DATASET_KEY,
  type DraftState,
  type GuardrailCheck,
  type ReleaseService,
} from "./releases";
