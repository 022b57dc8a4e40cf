import { assign, fromCallback, fromPromise, setup, type EventObject } from "xstate";
import type { LocalizedText } from "../base";

/** What the user asked to run: a pack reference, a dataset, parameter overrides and as_of. */
export interface RunOrder {
  /** A manifest id (`name@version`, the workspace's draft) or `release:name@version`. */
  packRef: string;
  datasetId: string;
  /** Overrides as text, typed by the pack's parameter declarations. */
  params: Record<string, string>;
  asOf?: string;
}

export interface RunProgressInfo {
  stage: "loading" | "read" | "population" | "rules";
  done: number;
  total: number;
}

/** A finished run as the machine keeps it: the stored run's id and its headline facts. */
export interface FinishedRun {
  runId: string;
  records: number;
  recordsWithErrors: number;
  durationMs: number;
}

export interface SimulationContext {
  order: RunOrder | null;
  /** The prepared request the `execute` actor runs (opaque to the machine). */
  request: unknown;
  progress: RunProgressInfo | null;
  last: FinishedRun | null;
  error: LocalizedText | null;
}

export type SimulationEvent =
  | { type: "run"; order: RunOrder }
  | { type: "cancel" }
  | { type: "progress"; progress: RunProgressInfo }
  | { type: "finished"; run: FinishedRun }
  | { type: "failed"; error: LocalizedText };

const asText = (error: unknown): LocalizedText => {
  if (error && typeof error === "object" && "text" in error) {
    const text = (error as { text: unknown }).text;
    if (text && typeof text === "object" && "en" in text) return text as LocalizedText;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { en: message, "zh-CN": message };
};

/**
 * One simulation run at a time: `loading` prepares the request (the pack's texts, the dataset),
 * `running` executes it (a worker, injected as a callback actor that sends `progress`, then
 * `finished` or `failed`), `cancel` stops it (leaving `running` stops the actor, which ends the
 * worker). A new `run` from done, failed or cancelled starts over.
 */
export const simulationMachine = setup({
  types: {} as { context: SimulationContext; events: SimulationEvent },
  actors: {
    prepare: fromPromise<unknown, RunOrder>(() =>
      Promise.reject(new Error('simulationMachine: provide the "prepare" actor with .provide().')),
    ),
    execute: fromCallback<EventObject, unknown>(({ sendBack }) => {
      sendBack({
        type: "failed",
        error: {
          en: 'simulationMachine: provide "execute".',
          "zh-CN": 'simulationMachine：请提供 "execute"。',
        },
      });
    }),
  },
  actions: {
    /** Told of every run that finished, failed or was cancelled (notifications, the Output log). */
    ended: (_, _outcome: { state: "done" | "failed" | "cancelled"; context: SimulationContext }) => undefined,
  },
}).createMachine({
  id: "simulation",
  initial: "idle",
  context: { order: null, request: null, progress: null, last: null, error: null },
  on: {
    run: {
      target: ".loading",
      actions: assign({ order: ({ event }) => event.order, progress: null, error: null, request: null }),
    },
  },
  states: {
    idle: {},
    loading: {
      invoke: {
        src: "prepare",
        input: ({ context }) => context.order!,
        onDone: { target: "running", actions: assign({ request: ({ event }) => event.output }) },
        onError: { target: "failed", actions: assign({ error: ({ event }) => asText(event.error) }) },
      },
      on: { cancel: "cancelled" },
    },
    running: {
      invoke: {
        src: "execute",
        input: ({ context }: { context: SimulationContext }): unknown => context.request,
      },
      on: {
        progress: { actions: assign({ progress: ({ event }) => event.progress }) },
        finished: { target: "done", actions: assign({ last: ({ event }) => event.run }) },
        failed: { target: "failed", actions: assign({ error: ({ event }) => event.error }) },
        cancel: "cancelled",
      },
    },
    done: {
      entry: { type: "ended", params: ({ context }) => ({ state: "done" as const, context }) },
    },
    failed: {
      entry: { type: "ended", params: ({ context }) => ({ state: "failed" as const, context }) },
    },
    cancelled: {
      entry: { type: "ended", params: ({ context }) => ({ state: "cancelled" as const, context }) },
    },
  },
});
