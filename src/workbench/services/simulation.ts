import type { LocalizedText } from "../../base";
import type { ActorRefFrom } from "xstate";
import type { PackContent, ReportSpec } from "../../engine";
import type { RunOrder, simulationMachine } from "../../machines";
import type { RunMeta, SimulationOutcome, StoredRun } from "../../platform";

/** A stored run's summary: what the Simulation view and quick open list. */
export interface RunSummary extends StoredRun {
  meta: RunMeta;
}

/** A run read back for its report: the outcome as computed, never recomputed. */
export interface LoadedRun {
  summary: RunSummary;
  outcome: SimulationOutcome;
  content: PackContent;
  spec: ReportSpec;
  /** Record fields the run kept, in the order the grid and CSV show them. */
  fieldPaths: string[];
}

/** A pack the Run command offers: a workspace manifest (draft) or a released version. */
export interface PackChoice {
  ref: string;
  name: string;
  version: string;
  released: boolean;
  title: LocalizedText;
  params: PackContent["params"];
}

/** What changed since a run: its pack (integrity) or its dataset (re-created or gone). */
export interface Staleness {
  pack: "same" | "changed" | "gone";
  dataset: "same" | "changed" | "gone";
}

/** The simulation part's services: the run machine, stored runs, the view's order. */
export interface SimulationHost {
  actor: ActorRefFrom<typeof simulationMachine>;
  packChoices(): Promise<PackChoice[]>;
  /** Stored runs, newest first (refreshed after each run and delete; see subscribe). */
  runs(): readonly RunSummary[];
  refreshRuns(): Promise<void>;
  loadRun(id: string): Promise<LoadedRun | undefined>;
  deleteRun(id: string): Promise<void>;
  staleness(summary: RunSummary): Promise<Staleness>;
  /** Runs a pack over a dataset outside the machine (Compare runs both sides) and stores it. */
  runAndStore(order: RunOrder, onProgress?: (done: number, total: number) => void): Promise<RunSummary>;
  /** The order the Simulation view edits (pack, dataset, overrides, as_of) and Run uses. */
  order(): RunOrder | null;
  setOrder(order: RunOrder): void;
  subscribe(listener: () => void): () => void;
  snapshot(): number;
}
