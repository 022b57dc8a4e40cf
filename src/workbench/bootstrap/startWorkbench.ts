import { createActor, fromPromise } from "xstate";
import type { Locale } from "../../base";
import {
  dialogsMachine,
  editorKey,
  editorsMachine,
  editorsSnapshot,
  notificationsMachine,
  outputMachine,
  persistedPreferences,
  preferencesMachine,
  quickInputMachine,
  workspaceMachine,
  type EditorsSnapshot,
  type PreferencesContext,
} from "../../machines";
import {
  claimTab,
  newTabId,
  chooseFiles,
  createDocumentStore,
  createDatasetImportService,
  createDatasetGenerateService,
  createWorkspaceDataService,
  createWorkerDatasetQueryService,
  createInlineAnalysisService,
  createWorkerAnalysisService,
  createWorkspaceChannel,
  createReleaseChannel,
  downloadFile,
  loadBundledSeed,
  needsSeed,
  readWorkspaceLists,
  seedWorkspace,
  DATABASE_NAME,
  type WorkspaceRepositories,
} from "../../platform";
import { CommandRegistry } from "../commands/registry";
import { ContextKeys } from "../commands/contextKeys";
import { createI18n } from "../i18n";
import { contributedCommands, contributedEditors } from "../parts";
import { createRecentCommands } from "../parts/workbench/recentCommands";
import {
  createDocumentService,
  createReleaseService,
  createServices,
  type WorkbenchServices,
} from "../services";
import { initialPreferences } from "../shell/initialPreferences";
import { documentEffects } from "./documentEffects";
import { connectWorkspace, createWorkspaceActors } from "./workspaceWiring";
import { announceMonacoLanguage } from "./monacoLanguageNotice";
import { releaseGuardrailCheck } from "./releaseGuardrails";
import { persistActor, readStored } from "./persistence";
import { createSimulationHost, simulationEnded } from "./simulationWiring";

export interface Environment {
  search: string;
  languages: readonly string[];
  prefersLight: MediaQueryList;
}

/**
 * Starts every actor and service of the workbench over the given repositories and wires persistence:
 * settings, the editor layout and recently used commands come back after a reload.
 */
export async function startWorkbench(
  repositories: WorkspaceRepositories,
  env: Environment,
): Promise<WorkbenchServices> {
  const [storedSettings, storedEditors, storedRecent] = await Promise.all([
    readStored(repositories, "settings"),
    readStored(repositories, "editors"),
    readStored(repositories, "recentCommands"),
  ]);
  const fromUrlAndOs = initialPreferences(env.search, env.languages, env.prefersLight.matches);
  const stored = (storedSettings ?? {}) as Partial<PreferencesContext>;
  const explicit = new URLSearchParams(env.search);
  const start: Partial<PreferencesContext> = {
    ...fromUrlAndOs,
    ...stored,
    // A theme or language in the URL wins over stored settings (links and screenshots rely on it).
    ...(explicit.has("lang") ? { locale: fromUrlAndOs.locale } : {}),
    ...(explicit.has("theme") ? { theme: fromUrlAndOs.theme, themeSource: "user" as const } : {}),
  };
  if ((stored.themeSource ?? "system") === "system" && !explicit.has("theme"))
    start.theme = fromUrlAndOs.theme;

  const preferences = createActor(preferencesMachine, { input: start }).start();
  const i18n = createI18n(start.locale ?? ("en" satisfies Locale));
  env.prefersLight.addEventListener("change", (e) =>
    preferences.send({ type: "theme.system", theme: e.matches ? "light" : "dark" }),
  );

  const workspace = createActor(
    workspaceMachine.provide({
      actors: {
        needsSeed: fromPromise(() => needsSeed(repositories)),
        seed: fromPromise(() => seedWorkspace(repositories, loadBundledSeed)),
        load: fromPromise(() => readWorkspaceLists(repositories)),
      },
    }),
  ).start();
  const editors = createActor(editorsMachine, {
    input: storedEditors as Partial<EditorsSnapshot> | undefined,
  }).start();
  const output = createActor(outputMachine).start();
  // Drafts, saves and workspace operations over IndexedDB, announced to the profile's other tabs.
  const tab = newTabId();
  await claimTab(tab);
  const store = createDocumentStore({ repos: repositories, channel: createWorkspaceChannel(), tab });
  // Rule tests and workspace analysis run in a worker: they compile code and must never block typing.
  const analysis =
    typeof Worker === "undefined" ? createInlineAnalysisService() : createWorkerAnalysisService();
  // The workspace actors' effects use the services, which are created from the actors below.
  const late: { services?: WorkbenchServices } = {};
  const workspaceActors = createWorkspaceActors(store, analysis, () => {
    if (!late.services) throw new Error("The workbench services are not ready yet.");
    return late.services;
  });
  const actors = {
    quickInput: createActor(quickInputMachine).start(),
    dialogs: createActor(dialogsMachine).start(),
    notifications: createActor(notificationsMachine).start(),
    output,
    editors,
    workspace,
    preferences,
    workspaceOps: workspaceActors.workspaceOps.start(),
    tests: workspaceActors.tests.start(),
  };

  const logError = (error: unknown) =>
    output.send({
      type: "output.append",
      level: "error",
      message: error instanceof Error ? error.message : String(error),
      time: new Date().toISOString(),
    });
  persistActor(
    preferences,
    repositories,
    "settings",
    (s) => persistedPreferences((s as { context: PreferencesContext }).context),
    logError,
  );
  persistActor(
    editors,
    repositories,
    "editors",
    (s) => editorsSnapshot((s as { context: Parameters<typeof editorsSnapshot>[0] }).context),
    logError,
  );

  const documents = createDocumentService(
    documentEffects(
      store,
      () => preferences.getSnapshot().context.autosaveDelay,
      (kind, id) => documents.get(kind, id)?.getSnapshot().context.revision,
      logError,
      () => workspace.getSnapshot().context,
    ),
  );
  preferences.subscribe((s) => {
    for (const doc of documents.all()) {
      if (doc.getSnapshot().context.autosaveDelay !== s.context.autosaveDelay)
        doc.send({ type: "doc.configure", autosaveDelay: s.context.autosaveDelay });
    }
  });
  // Editing a document pins its preview tab, as in VS Code; closing its last tab releases it.
  documents.subscribe(() => {
    for (const doc of documents.all()) {
      const { kind, id } = doc.getSnapshot().context;
      if (!doc.getSnapshot().matches({ lifecycle: "clean" }))
        editors.send({ type: "editor.pin", key: editorKey({ kind, resource: id }) });
    }
  });
  editors.subscribe((s) => {
    const open = new Set(s.context.groups.flatMap((g) => g.tabs.map((t) => editorKey(t.input))));
    for (const doc of documents.all()) {
      const { kind, id } = doc.getSnapshot().context;
      if (!open.has(editorKey({ kind, resource: id }))) documents.release(kind, id);
    }
  });

  const registry = new CommandRegistry();
  registry.registerAll(contributedCommands);
  const recent = createRecentCommands(storedRecent ?? [], (ids) => {
    repositories.meta.setValue("recentCommands", ids).catch(logError);
  });
  const contextKeys = new ContextKeys();
  editors.subscribe((s) => {
    const group = s.context.groups[s.context.activeGroup];
    const active = group?.tabs.find((t) => editorKey(t.input) === group.active);
    contextKeys.set("activeEditorKind", active?.input.kind);
  });
  const services = createServices({
    registry,
    contextKeys,
    actors,
    documents,
    datasets: {
      ...repositories.datasets,
      importer: createDatasetImportService(),
      generator: createDatasetGenerateService(),
      query: createWorkerDatasetQueryService(),
    },
    workspaceData: createWorkspaceDataService(repositories, loadBundledSeed),
    releases: createReleaseService({
      repository: repositories.releases,
      lists: () => workspace.getSnapshot().context.lists,
      activeDatasetId: () => workspace.getSnapshot().context.activeDatasetId,
      records: (id) => repositories.datasets.records(id),
      locale: () => preferences.getSnapshot().context.locale,
      channel: createReleaseChannel(),
      documents: store,
    }),
    files: { choose: chooseFiles, download: downloadFile },
    i18n,
    recentCommands: recent,
    editorKinds: new Set(Object.keys(contributedEditors)),
    simulation: createSimulationHost(repositories, workspace, {
      databaseName: DATABASE_NAME,
      ended: (...outcome) => late.services && simulationEnded(late.services, ...outcome),
    }),
  });
  late.services = services;
  // Guardrails are the simulation's manifest extension; the release machine checks them on the
  // reference dataset before a version can be released.
  services.releases.setGuardrails(releaseGuardrailCheck);
  connectWorkspace(services, store);
  announceMonacoLanguage(services, () => window.location.reload());
  return services;
}
