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
export { WorkspaceStorageError, storageFailureKind } from "./storage/openFailures";
// Deep on purpose: the generator's entry would bring its place tables into the main chunk.
// eslint-disable-next-line no-restricted-imports
export { parseRegionMix } from "../generator/regionMix";
export type { DatasetLayout, StoredColumnChunk } from "./storage/records";
export type { DatasetWriter } from "./storage/repositories";
export {
  CHUNK_ROWS,
  dottedPath,
  encodeChunk,
  type ColumnPath,
  type ColumnType,
  type EncodedChunk,
  type EncodedColumn,
} from "./storage/columnar";
export type { DatasetColumn } from "./storage/datasetLayout";
export {
  projectedValue,
  projectionTransferables,
  type ColumnProjection,
  type ProjectedColumn,
} from "./storage/projection";
export { prepareSeed, type SeedBundle, type SeedFile, type SeedPlan } from "./seed/prepareSeed";
export { needsSeed, seedWorkspace, SEED_VERSION, type SeedReport } from "./seed/seedWorkspace";
export { loadBundledSeed, bundledDatasets } from "./seed/bundledSeed";
export type { DocumentKind, StoredDraft } from "./storage/records";
export {
  revisionOf,
  type CommitResult,
  type DocumentChange,
  type DraftRepository,
  type RevisionConflict,
} from "./storage/repositories";
export { documentUri, parseDocumentUri, type DocumentRef } from "./documents/documentUri";
export {
  createDocumentStore,
  type DocumentStore,
  type OpenedDocument,
  type SaveResult,
} from "./documents/documentStore";
export type {
  CreateResult,
  DeletedDocument,
  ImportReport,
  IncludeResult,
  RenameResult,
  WorkspaceEdits,
} from "./documents/workspaceEdits";
export type { TemplateCreateResult } from "./documents/templateEdits";
export {
  createWorkspaceChannel,
  isWorkspaceMessage,
  WORKSPACE_CHANNEL,
  type MessageOrigin,
  type WorkspaceChannel,
  type WorkspaceListener,
  type WorkspaceMessage,
} from "./documents/workspaceChannel";
export { readRuleImports, MAX_RULE_FILE_BYTES } from "./documents/importRules";
export { manifestId, newManifestText, newRuleText, parseDocumentText } from "./documents/documentText";
export { relativePath, resolvePath } from "./documents/paths";
export { lastValidNotices, storedRuleLoader } from "./documents/buildSources";
export {
  analyzeWorkspace,
  runTestsOfText,
  type RuleTestReport,
  type SourceDocument,
  type TestResult,
  type WorkspaceAnalysis,
  type WorkspaceAnalysisInput,
} from "./analysis/analyzeWorkspace";
export {
  createInlineAnalysisService,
  createWorkerAnalysisService,
  type AnalysisService,
  type WorkerLike,
} from "./workers/analysisService";
export {
  createInlineStatementService,
  createWorkerStatementService,
  type StatementService,
} from "./workers/statementService";
export type {
  PackSource as StatementPackSource,
  StatementReply,
  SweepReply,
} from "./workers/statementProtocol";
export { appendTestText } from "./documents/pinTest";
export { chooseFiles, downloadFile } from "./files/files";
export type { MetaKey, MetaValues } from "./storage/schema";
export * from "./monaco";
export { aliveTabs, claimTab, newTabId } from "./documents/tabPresence";
export type { AuditEntry, StoredRelease, StoredRun } from "./storage/records";
export {
  byNameThenNewest,
  createIndexedDbReleaseRepository,
  createMemoryReleaseRepository,
  releaseId,
  type PutReleaseResult,
  type ReleaseRepository,
} from "./storage/releaseRepository";
export { bumpVersion, compareSemver, isSemver, parseSemver, type Semver } from "./releases/semver";
export { importPackFile, notesOf, type ImportOutcome } from "./releases/importRelease";
export {
  buildWorkspacePack,
  changedSince,
  changelogNotes,
  packImpact,
  preparedPackOf,
  releaseManifestText,
  suggestBump,
  versionProblem,
  type BumpEvidence,
  type BumpSuggestion,
  type PackImpact,
} from "./releases/releaseEvidence";
export { referenceGuardrails } from "./releases/releaseGuardrails";
export { indexedDbRunRepository, memoryRunRepository, type RunRepository } from "./storage/runRepository";
export { arrayRecordSource, datasetRecordSource, type RecordSource } from "./simulation/recordSource";
export {
  PackSourceError,
  resolvePackSource,
  type PackSource,
  type ResolvedPack,
} from "./simulation/packSource";
export {
  runSimulation,
  SimulationError,
  newRunId,
  storeRun,
  type RunSummary,
  type StoredResults,
  type DatasetRef,
  type RunMeta,
  type SimulationOutcome,
  type SimulationProgress,
  type SimulationRequest,
} from "./simulation/runSimulation";
export { csvCell, resultsCsv, resultsJsonl } from "./simulation/exports";
export {
  createInlineSimulationService,
  createWorkerSimulationService,
  SimulationCancelled,
  SimulationFailed,
  type SimulationJob,
  type SimulationService,
} from "./workers/simulationService";
export {
  formatOf,
  importFormats,
  MAX_PROBLEMS,
  RESERVED_KEYS,
  type ImportCheck,
  type ImportColumn,
  type ImportFormat,
  type ImportOptions,
  type RowProblem,
} from "./datasets/importRecords";
export { columnKinds, type ColumnKind } from "./datasets/schemaPaths";
export { textEncodings, type TextEncodingName } from "./datasets/textInput";
export { datasetId, inferredSchema, writeImportedDataset } from "./datasets/importDataset";
export {
  createDatasetImportService,
  type DatasetImportService,
  type ImportProgress,
} from "./workers/datasetImportService";
export { exportDataset, type ExportFormat } from "./datasets/exportDataset";
export { pathLabel } from "./datasets/schemaPaths";
export { engineersReadme, engineersZip, SAMPLE_RECORDS } from "./releases/engineersZip";
export {
  applyLogicEditsToText,
  logicNodeText,
  minimalReplacement,
  replaceLogicNodeText,
  type TextReplacement,
} from "./documents/logicEdits";
export {
  REFERENCE_DATASET_KEY,
  referenceDatasetOf,
  type ReferenceDatasetProblem,
} from "./releases/referenceDataset";
export {
  createReleaseChannel,
  isReleaseMessage,
  RELEASE_CHANNEL,
  type ReleaseChannel,
  type ReleaseMessage,
} from "./releases/releaseChannel";
export { nextDraftVersion, planDraftFromRelease, type DraftPlan } from "./releases/draftFromRelease";
export { MAX_GENERATED, type GenerateSpec } from "./workers/generateProtocol";
export {
  createDatasetGenerateService,
  generatedName,
  samplesCommand,
  writeGeneratedDataset,
  type DatasetGenerateService,
} from "./workers/generateService";
export {
  browserStorage,
  checkStorageRoom,
  isQuotaError,
  requestPersistence,
  StorageFullError,
  type Persistence,
  type StorageManagerLike,
} from "./storage/quota";
export { createWorkspaceDataService, type WorkspaceDataService } from "./storage/backupService";
export type { BackupCheck, BackupProblem, CheckedBackup, RestoreImpact } from "./storage/backupRestore";
export type { BackupHeader } from "./storage/backupWrite";
export type { ResetPlan } from "./seed/resetWorkspace";
export { createWorkerDatasetQueryService } from "./workers/datasetQueryService";
export { createInlineDatasetQueryService } from "./workers/datasetQueryService";
export type { DatasetQueryService } from "./workers/datasetQueryService";
export type { ColumnFilter, RowQuery, SortDirection } from "./datasets/columnQuery";
export { isIdentityQuery, queryPaths } from "./datasets/columnQuery";
export type { ColumnProfile } from "./datasets/columnProfile";
export { pathUnit } from "./datasets/schemaPaths";
export type { ReasonsReply } from "./workers/statementProtocol";
export type { RestoreChoice, RestoreChoices, RestorePlan } from "./storage/backupConflicts";
export type { RestoreConflict, RestoreDifference, RestoreKind } from "./storage/backupConflicts";
