import { assign, setup } from "xstate";

export type OutputLevel = "info" | "warning" | "error";

export interface OutputEntry {
  /** ISO timestamp. */
  time: string;
  level: OutputLevel;
  message: string;
}

export interface OutputContext {
  entries: OutputEntry[];
}

export type OutputEvent =
  { type: "output.append"; level: OutputLevel; message: string; time: string } | { type: "output.clear" };

/** Keeps the newest entries only, so a long session cannot grow the log without bound. */
const MAX_ENTRIES = 2000;

/** The Output panel's log of what the workbench did (saves, imports, test runs, errors). */
export const outputMachine = setup({
  types: {} as { context: OutputContext; events: OutputEvent },
}).createMachine({
  id: "output",
  context: { entries: [] },
  on: {
    "output.append": {
      actions: assign({
        entries: ({ context, event }) =>
          [...context.entries, { time: event.time, level: event.level, message: event.message }].slice(
            -MAX_ENTRIES,
          ),
      }),
    },
    "output.clear": { actions: assign({ entries: [] }) },
  },
});
