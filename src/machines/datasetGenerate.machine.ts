import { assign, fromCallback, setup, type EventObject } from "xstate";
import type { DatasetMeta, GenerateSpec } from "../platform";

/**
 * The lifecycle of `Data: Generate Synthetic Dataset…`: a dialog to choose the count, seed, industry
 * preset and name, then the generation in a worker (progress, Cancel), then the dataset or the
 * failure. The effect is the injected `generate` actor, which must leave nothing behind when it
 * fails or is stopped (the machine stops it on Cancel).
 */

export interface GenerateForm {
  spec: GenerateSpec;
  name: string;
  /** False until the user edits the name: until then it follows the count, seed and preset. */
  nameEdited: boolean;
}

export interface DatasetGenerateContext {
  form: GenerateForm;
  /** Records generated so far. */
  rows: number;
  /** Why the last generation failed (kept as thrown, so the part can say it in the UI language). */
  error: unknown;
  generated: DatasetMeta | null;
}

export type DatasetGenerateEvent =
  | { type: "generate.open"; form: GenerateForm }
  | { type: "generate.edit"; form: GenerateForm }
  | { type: "generate.start" }
  | { type: "generate.cancel" }
  | { type: "generate.dismiss" }
  | { type: "generate.progress"; rows: number }
  | { type: "generate.written"; meta: DatasetMeta }
  | { type: "generate.failed"; error: unknown };

export interface GenerateInput {
  spec: GenerateSpec;
  name: string;
}

function required<TInput>(name: string) {
  return fromCallback<EventObject, TInput>(({ sendBack }) => {
    sendBack({ type: "generate.failed", error: new Error(`datasetGenerateMachine: provide "${name}"`) });
  });
}

export const datasetGenerateMachine = setup({
  types: {} as { context: DatasetGenerateContext; events: DatasetGenerateEvent },
  actors: { generate: required<GenerateInput>("generate") },
  guards: {
    /** The form can run: checked by the part (`formProblems`) and provided; never true unprovided. */
    valid: () => false,
  },
  actions: {
    /** Runs once a dataset has landed (reload lists, activate, notify): provided by the part. */
    generated: (_, _params: { meta: DatasetMeta }) => undefined,
  },
}).createMachine({
  id: "datasetGenerate",
  context: {
    form: {
      spec: { count: 10_000, seed: 1, industry: "mixed", asOf: "2024-12-31" },
      name: "",
      nameEdited: false,
    },
    rows: 0,
    error: null,
    generated: null,
  },
  initial: "idle",
  states: {
    idle: {
      on: {
        "generate.open": {
          target: "editing",
          actions: assign({ form: ({ event }) => event.form, error: null }),
        },
      },
    },
    editing: {
      on: {
        "generate.edit": { actions: assign({ form: ({ event }) => event.form }) },
        "generate.start": { guard: "valid", target: "generating" },
        "generate.cancel": "idle",
      },
    },
    generating: {
      entry: assign({ rows: 0 }),
      invoke: {
        src: "generate",
        input: ({ context }) => ({ spec: context.form.spec, name: context.form.name.trim() }),
      },
      on: {
        "generate.progress": { actions: assign({ rows: ({ event }) => event.rows }) },
        "generate.written": {
          target: "idle",
          actions: [
            assign({ generated: ({ event }) => event.meta }),
            { type: "generated", params: ({ event }) => ({ meta: event.meta }) },
          ],
        },
        "generate.failed": { target: "failed", actions: assign({ error: ({ event }) => event.error }) },
        // Leaving the state stops the generate actor, which removes whatever it wrote.
        "generate.cancel": "idle",
      },
    },
    failed: {
      on: {
        "generate.dismiss": "idle",
        "generate.cancel": "idle",
        // Back to the form, as it was, to change the count or free some space and try again.
        "generate.start": { target: "editing" },
      },
    },
  },
});
