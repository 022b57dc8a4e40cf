// Public entry of the platform layer: browser side effects behind small interfaces.
export type {
  DatasetMeta,
  SeedMarker,
  StoredDatasetRecord,
  StoredManifest,
  StoredRule,
} from "./storage/records";
export {
  readWorkspaceLists,
  type DatasetRepository,
  type DocumentRepository,
  type MetaRepository,
  type WorkspaceLists,
  type WorkspaceRepositories,
} from "./storage/repositories";
export { DATABASE_NAME, DATABASE_VERSION, stores, upgradeSteps, type WorkbenchDB } from "./storage/schema";
export { createIndexedDbRepositories, openWorkspaceDatabase } from "./storage/indexedDbRepositories";
export { createMemoryRepositories } from "./storage/memoryRepositories";
export { prepareSeed, type SeedBundle, type SeedFile, type SeedPlan } from "./seed/prepareSeed";
export { needsSeed, seedWorkspace, SEED_VERSION, type SeedReport } from "./seed/seedWorkspace";
export { loadBundledSeed, bundledDatasets } from "./seed/bundledSeed";
export { chooseFiles, downloadFile } from "./files/files";
export {
  createDocumentStore,
  revisionOf,
  type DocumentStore,
  type LoadedDocument,
  type StoreOutcome,
  type StoredDocumentKind,
} from "./storage/documentStore";
export type { MetaKey, MetaValues } from "./storage/schema";
export * from "./monaco";
