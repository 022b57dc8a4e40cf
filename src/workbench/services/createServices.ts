import type { i18n } from "i18next";
import type { ActorRefFrom } from "xstate";
import {
  activeEditor,
  editorKey,
  type dialogsMachine,
  type editorsMachine,
  type notificationsMachine,
  type outputMachine,
  type preferencesMachine,
  type quickInputMachine,
  type testsMachine,
  type workspaceMachine,
  type workspaceOpsMachine,
} from "../../machines";
import type { CommandRegistry } from "../commands/registry";
import type { ContextKeys } from "../commands/contextKeys";
import { evaluateWhen } from "../commands/when";
import type {
  DatasetService,
  DocumentService,
  FileService,
  RevealTarget,
  WorkbenchServices,
} from "./services";
import { createTestResults } from "./testResults";
import type { ReleaseService } from "./releases";

export interface ServiceActors {
  quickInput: ActorRefFrom<typeof quickInputMachine>;
  dialogs: ActorRefFrom<typeof dialogsMachine>;
  notifications: ActorRefFrom<typeof notificationsMachine>;
  output: ActorRefFrom<typeof outputMachine>;
  editors: ActorRefFrom<typeof editorsMachine>;
  workspace: ActorRefFrom<typeof workspaceMachine>;
  preferences: ActorRefFrom<typeof preferencesMachine>;
  workspaceOps: ActorRefFrom<typeof workspaceOpsMachine>;
  tests: ActorRefFrom<typeof testsMachine>;
}

export interface ServiceDependencies {
  registry: CommandRegistry;
  contextKeys: ContextKeys;
  actors: ServiceActors;
  documents: DocumentService;
  datasets: DatasetService;
  workspaceData: WorkbenchServices["workspaceData"];
  releases: ReleaseService;
  files: FileService;
  i18n: i18n;
  /** The palette's recently used list, told about every command run. */
  recentCommands: { list(): readonly string[]; record(id: string): void };
  simulation: WorkbenchServices["simulation"];
  /** The editor kinds parts contribute. */
  editorKinds: ReadonlySet<string>;
  now?(): Date;
}

/** Wires the services every command and component uses onto the running actors. */
export function createServices(deps: ServiceDependencies): WorkbenchServices {
  const { actors, registry, contextKeys } = deps;
  const now = () => (deps.now ? deps.now() : new Date());
  const reveals = new Map<string, RevealTarget>();
  const revealListeners = new Set<(key: string) => void>();
  const services: WorkbenchServices = {
    commands: {
      registry,
      execute: async (id, ...args) => {
        const command = registry.get(id);
        if (!command) throw new Error(`There is no command "${id}".`);
        if (!evaluateWhen(command.when, contextKeys.get)) return;
        try {
          await command.run(services, ...args);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          services.output.log(`${id}: ${message}`, "error");
          services.notifications.notify({ severity: "error", message });
        }
      },
      recent: () => deps.recentCommands.list(),
      markUsed: (id) => deps.recentCommands.record(id),
    },
    contextKeys,
    quickInput: {
      pick: (items, options = {}) =>
        new Promise((resolve) => {
          actors.quickInput.send({
            type: "quickInput.show",
            request: {
              mode: "pick",
              ...options,
              items: items.map(({ value: _value, ...entry }) => entry),
              resolve: (index) => resolve(index === undefined ? undefined : items[index]?.value),
            },
          });
        }),
      input: (options) =>
        new Promise((resolve) => {
          actors.quickInput.send({
            type: "quickInput.show",
            request: { mode: "input", ...options, resolve },
          });
        }),
    },
    dialogs: {
      confirm: ({ cancel, ...options }) =>
        new Promise((resolve) => {
          actors.dialogs.send({
            type: "dialog.confirm",
            request: { ...options, cancel: cancel ?? deps.i18n.t("dialog.cancel"), resolve },
          });
        }),
    },
    notifications: {
      notify: ({ severity, message, actions }) =>
        actors.notifications.send({ type: "notification.show", severity, message, actions: actions ?? [] }),
    },
    output: {
      log: (message, level = "info") =>
        actors.output.send({ type: "output.append", level, message, time: now().toISOString() }),
    },
    editors: {
      actor: actors.editors,
      open: (input, options = {}) => actors.editors.send({ type: "editor.open", input, ...options }),
      active: () => activeEditor(actors.editors.getSnapshot().context),
      reveal: (input, target) => {
        const key = editorKey(input);
        reveals.set(key, target);
        actors.editors.send({ type: "editor.open", input, preview: false });
        for (const listener of [...revealListeners]) listener(key);
      },
      takeReveal: (key) => {
        const target = reveals.get(key);
        reveals.delete(key);
        return target;
      },
      onReveal: (listener) => {
        revealListeners.add(listener);
        return () => revealListeners.delete(listener);
      },
      canOpen: (kind) => deps.editorKinds.has(kind),
    },
    files: deps.files,
    documents: deps.documents,
    datasets: deps.datasets,
    workspaceData: deps.workspaceData,
    testResults: createTestResults(),
    releases: deps.releases,
    workspace: actors.workspace,
    preferences: actors.preferences,
    workspaceOps: actors.workspaceOps,
    tests: actors.tests,
    simulation: deps.simulation,
    i18n: deps.i18n,
    ui: {
      quickInput: actors.quickInput,
      dialogs: actors.dialogs,
      notifications: actors.notifications,
      output: actors.output,
    },
  };
  return services;
}
