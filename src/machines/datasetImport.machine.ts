import { assign, fromCallback, setup, type EventObject } from "xstate";
import type { DatasetMeta, ImportCheck, ImportOptions } from "../platform";
import { errorMessage } from "./workspace.machine";

/**
 * The lifecycle of one dataset import (`Data: Import Dataset…`): check the file in a worker (progress,
 * Cancel), show the report for review (change the encoding, the sheet or a column's kind: checked
 * again), then write the valid rows (progress, Cancel) or nothing. Effects are the injected `check`
 * and `write` actors; `write` must leave nothing behind when it fails or is stopped (the machine
 * stops it on Cancel).
 */

export interface ImportProgressInfo {
  fraction: number;
  rows: number;
}

export interface DatasetImportContext {
  file: File | null;
  options: ImportOptions | null;
  check: ImportCheck | null;
  progress: ImportProgressInfo | null;
  /** The dataset name the user typed in the review. */
  name: string;
  error: string | null;
  /** The dataset of the last finished import. */
  imported: DatasetMeta | null;
}

export type DatasetImportEvent =
  | { type: "import.open"; file: File; options: ImportOptions }
  | { type: "import.recheck"; options: ImportOptions }
  | { type: "import.name"; name: string }
  | { type: "import.confirm" }
  | { type: "import.cancel" }
  | { type: "import.dismiss" }
  | { type: "import.progress"; fraction: number; rows: number }
  | { type: "import.checked"; check: ImportCheck }
  | { type: "import.written"; meta: DatasetMeta }
  | { type: "import.failed"; error: unknown };

export interface CheckInput {
  file: File;
  options: ImportOptions;
}
export interface WriteInput extends CheckInput {
  check: ImportCheck;
  name: string;
}

/** Actors the composition root must provide; unprovided, they fail and say so. */
function required<TInput>(name: string) {
  return fromCallback<EventObject, TInput>(({ sendBack }) => {
    sendBack({ type: "import.failed", error: new Error(`datasetImportMachine: provide "${name}"`) });
  });
}

/** The dataset name a file suggests: its name without the extension. */
export function suggestedName(file: { name: string }): string {
  return file.name.replace(/\.(csv|txt|json|jsonl|ndjson|xlsx)$/i, "") || "dataset";
}

/** The column kinds a write uses: those of the reviewed check (tabular files). */
export function confirmedOptions(options: ImportOptions, check: ImportCheck): ImportOptions {
  if (options.format !== "csv" && options.format !== "xlsx") return options;
  const kinds: NonNullable<ImportOptions["kinds"]> = {};
  for (const column of check.columns) if (column.kind !== "json") kinds[column.name] = column.kind;
  return {
    ...options,
    kinds,
    ...(check.encoding ? { encoding: check.encoding } : {}),
    ...(check.sheet ? { sheet: check.sheet } : {}),
  };
}

export const datasetImportMachine = setup({
  types: {} as { context: DatasetImportContext; events: DatasetImportEvent },
  actors: {
    check: required<CheckInput>("check"),
    write: required<WriteInput>("write"),
  },
  actions: {
    /** Runs once an import has landed (reload lists, activate, notify): provided by the part. */
    imported: (_, _params: { meta: DatasetMeta }) => undefined,
  },
}).createMachine({
  id: "datasetImport",
  context: { file: null, options: null, check: null, progress: null, name: "", error: null, imported: null },
  initial: "idle",
  on: {
    "import.progress": {
      actions: assign({ progress: ({ event }) => ({ fraction: event.fraction, rows: event.rows }) }),
    },
  },
  states: {
    idle: {
      on: {
        "import.open": {
          target: "checking",
          actions: assign({
            file: ({ event }) => event.file,
            options: ({ event }) => event.options,
            name: ({ event }) => suggestedName(event.file),
            check: null,
            error: null,
          }),
        },
      },
    },
    checking: {
      entry: assign({ progress: null }),
      invoke: {
        src: "check",
        input: ({ context }) => ({ file: context.file!, options: context.options! }),
      },
      on: {
        "import.checked": { target: "review", actions: assign({ check: ({ event }) => event.check }) },
        "import.failed": {
          target: "failed",
          actions: assign({ error: ({ event }) => errorMessage(event.error) }),
        },
        "import.cancel": "idle",
      },
    },
    review: {
      on: {
        "import.recheck": { target: "checking", actions: assign({ options: ({ event }) => event.options }) },
        "import.name": { actions: assign({ name: ({ event }) => event.name }) },
        "import.confirm": {
          guard: ({ context }) =>
            !context.check?.fatal && (context.check?.valid ?? 0) > 0 && context.name.trim() !== "",
          target: "writing",
        },
        "import.cancel": "idle",
      },
    },
    writing: {
      entry: assign({ progress: null }),
      invoke: {
        src: "write",
        input: ({ context }) => ({
          file: context.file!,
          options: confirmedOptions(context.options!, context.check!),
          check: context.check!,
          name: context.name.trim(),
        }),
      },
      on: {
        "import.written": {
          target: "idle",
          actions: [
            assign({ imported: ({ event }) => event.meta, file: null, check: null }),
            { type: "imported", params: ({ event }) => ({ meta: event.meta }) },
          ],
        },
        "import.failed": {
          target: "failed",
          actions: assign({ error: ({ event }) => errorMessage(event.error) }),
        },
        // Leaving the state stops the write actor, which removes whatever it wrote.
        "import.cancel": "idle",
      },
    },
    failed: {
      on: { "import.dismiss": "idle", "import.cancel": "idle" },
    },
  },
});
