import type { i18n } from "i18next";
import type { ActorRefFrom } from "xstate";
import type { Severity } from "../../engine";
import type {
  QuickPickEntry,
  dialogsMachine,
  notificationsMachine,
  outputMachine,
  quickInputMachine,
  documentMachine,
  DocumentKind,
  EditorInput,
  editorsMachine,
  OutputLevel,
  preferencesMachine,
  testsMachine,
  workspaceMachine,
  workspaceOpsMachine,
} from "../../machines";
import type {
  DatasetGenerateService,
  DatasetImportService,
  DatasetRepository,
  WorkspaceDataService,
  DatasetQueryService,
} from "../../platform";
import type { CommandRegistry } from "../commands/registry";
import type { ContextKeys } from "../commands/contextKeys";
import type { ReleaseService } from "./releases";
import type { SimulationHost } from "./simulation";

/** A quick pick entry with the value the pick resolves to when it is accepted. */
export type QuickPickItem<T> = QuickPickEntry & { value: T };

export interface QuickInputService {
  pick<T>(
    items: readonly QuickPickItem<T>[],
    options?: { title?: string; placeholder?: string; activeIndex?: number },
  ): Promise<T | undefined>;
  input(options: {
    title?: string;
    prompt?: string;
    placeholder?: string;
    value?: string;
    validate?(value: string): string | undefined;
  }): Promise<string | undefined>;
}

export interface DialogService {
  confirm(options: {
    title: string;
    message: string;
    confirm: string;
    cancel?: string;
    destructive?: boolean;
  }): Promise<boolean>;
}

export interface NotificationService {
  notify(options: { severity: Severity; message: string; actions?: { label: string; run(): void }[] }): void;
}

export interface OutputService {
  log(message: string, level?: OutputLevel): void;
}

/** A place in a document an editor should show and put the cursor at (1-based). */
export interface RevealTarget {
  line: number;
  column: number;
}

export interface EditorService {
  actor: ActorRefFrom<typeof editorsMachine>;
  open(input: EditorInput, options?: { preview?: boolean; group?: number }): void;
  /**
   * Opens the input (pinned) and asks its editor to show `target`: a Problems row, a test, a search
   * match. An editor that mounts later finds the request with `takeReveal`.
   */
  reveal(input: EditorInput, target: RevealTarget): void;
  /** The pending reveal of an editor key (see `editorKey`), removed as it is read. */
  takeReveal(key: string): RevealTarget | undefined;
  /** Calls `listener` with the key of every reveal request; returns the unsubscriber. */
  onReveal(listener: (key: string) => void): () => void;
  active(): EditorInput | undefined;
  /** Whether some part contributes an editor for this kind of input. */
  canOpen(kind: string): boolean;
}

export interface FileService {
  choose(options?: { accept?: string; multiple?: boolean }): Promise<File[]>;
  download(name: string, data: Blob | string, type?: string): void;
}

export type DocumentActor = ActorRefFrom<typeof documentMachine>;

/** Open documents, one actor each, created on first use and kept while an editor shows them. */
export interface DocumentService {
  /** The document's actor, opening it (reading its stored text and any draft) when needed. */
  open(kind: DocumentKind, id: string): Promise<DocumentActor>;
  /** The actor if the document is open. */
  get(kind: DocumentKind, id: string): DocumentActor | undefined;
  all(): DocumentActor[];
  /** Stops the actor of a document no editor shows any more (a dirty one is kept). */
  release(kind: DocumentKind, id: string): void;
  subscribe: (listener: () => void) => () => void;
  snapshot: () => number;
}

/**
 * Stored datasets: records (the language services' field shares and hover values), column
 * projections (simulation, the viewer), and the data part's import, rename and delete.
 */
export interface DatasetService extends Pick<
  DatasetRepository,
  "records" | "columns" | "describe" | "begin" | "list" | "rename" | "delete"
> {
  /** Import checks and writes, in a worker. */
  importer: DatasetImportService;
  /** Synthetic datasets from the generator, in a worker. */
  generator: DatasetGenerateService;
  /** The viewer's sort, filter and column profiles, in a worker. */
  query: DatasetQueryService;
}

/** How many of a rule's tests passed and failed in their last run. */
export interface TestSummary {
  passed: number;
  failed: number;
}

/**
 * The last test result of each rule, written by whoever runs tests (`Rules: Run Tests`, a save) and
 * read by the rule editor's CodeLens and the Explorer's badges.
 */
export interface TestResultsService {
  summary(ruleId: string): TestSummary | undefined;
  record(ruleId: string, summary: TestSummary): void;
  subscribe(listener: () => void): () => void;
  snapshot(): number;
}

/** Everything a command's `run` and a component may use; created once at the composition root. */
export interface WorkbenchServices {
  commands: {
    registry: CommandRegistry;
    execute: (id: string, ...args: unknown[]) => Promise<void>;
    /** Recently run command ids, most recent first. */
    recent(): readonly string[];
    /** Records a command picked in the palette, so it is listed first next time. */
    markUsed(id: string): void;
  };
  contextKeys: ContextKeys;
  quickInput: QuickInputService;
  dialogs: DialogService;
  notifications: NotificationService;
  output: OutputService;
  editors: EditorService;
  files: FileService;
  documents: DocumentService;
  datasets: DatasetService;
  testResults: TestResultsService;
  /** The whole workspace at once: back up, restore from a backup, reset to the samples. */
  workspaceData: WorkspaceDataService;
  /** Released pack versions: the release flow, import, delete, the Packs view's lists. */
  releases: ReleaseService;
  workspace: ActorRefFrom<typeof workspaceMachine>;
  preferences: ActorRefFrom<typeof preferencesMachine>;
  /** Workspace operations (new, rename, duplicate, delete/undo, include, import, export, validate). */
  workspaceOps: ActorRefFrom<typeof workspaceOpsMachine>;
  /** Test runs and the analysis of the whole workspace (problems, every rule's tests). */
  tests: ActorRefFrom<typeof testsMachine>;
  /** Simulation runs, stored runs and the Simulation view's order (set at start-up). */
  simulation: SimulationHost;
  i18n: i18n;
  /** The actors behind the shell's overlays, for the components that render them. */
  ui: {
    quickInput: ActorRefFrom<typeof quickInputMachine>;
    dialogs: ActorRefFrom<typeof dialogsMachine>;
    notifications: ActorRefFrom<typeof notificationsMachine>;
    output: ActorRefFrom<typeof outputMachine>;
  };
}
