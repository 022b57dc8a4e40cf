import { assign, fromPromise, setup, type AnyEventObject } from "xstate";
import type { RuleKind, TemplateOutput } from "../engine";
import type {
  CreateResult,
  DeletedDocument,
  DocumentRef,
  ImportReport,
  IncludeResult,
  RenameResult,
  TemplateCreateResult,
} from "../platform";
import { fromTemplate } from "./templateOutcomes";
import { errorMessage } from "./workspace.machine";
import {
  created,
  deleted,
  imported,
  included,
  renamed,
  restored,
  validated,
  type Outcome,
  type PackValidation,
  type TextPrompt,
  type WorkspaceOpsEvent,
} from "./workspaceOpsOutcomes";

export type {
  NoticeValues,
  OpsNotice,
  Outcome,
  PackValidation,
  TextPrompt,
  WorkspaceOpsEvent,
} from "./workspaceOpsOutcomes";

export interface WorkspaceOpsContext {
  kind: RuleKind | null;
  /** The rule an operation is about, or a new manifest's name. */
  subject: string | null;
  ref: DocumentRef | null;
  files: { name: string; bytes: Uint8Array }[];
  /** The document an Undo puts back. */
  deleted: DeletedDocument | null;
}

/** Actors the composition root must provide; unprovided, they fail and say so. */
function required<T, I = void>(name: string) {
  return fromPromise<T, I>(() =>
    Promise.reject(new Error(`workspaceOpsMachine: provide the "${name}" actor with .provide().`)),
  );
}

const idle = "#workspaceOps.idle";
const failed = {
  target: idle,
  actions: {
    type: "report" as const,
    params: ({ event }: { event: AnyEventObject }): Outcome => ({
      notice: {
        severity: "error",
        key: "ops.failed",
        values: { reason: errorMessage((event as { error?: unknown }).error) },
      },
    }),
  },
};
/** A prompt answered with nothing (Escape) ends the operation quietly. */
const cancelled = (event: { output: unknown }) => event.output === undefined || event.output === false;

/**
 * The Explorer's and the `Rules:`/`Pack:` commands' workspace operations, one at a time: ask (quick
 * pick, quick input, dialog, file chooser), then change storage, then say what happened. Every effect
 * is an injected actor; what it ends with (log lines, a notification, an editor to open) goes to the
 * injected `report` action.
 */
export const workspaceOpsMachine = setup({
  types: {} as { context: WorkspaceOpsContext; events: WorkspaceOpsEvent },
  actors: {
    pickRuleKind: required<RuleKind | undefined>("pickRuleKind"),
    askText: required<string | undefined, TextPrompt>("askText"),
    confirmDelete: required<boolean, DocumentRef>("confirmDelete"),
    chooseFiles: required<{ name: string; bytes: Uint8Array }[]>("chooseFiles"),
    pickManifest: required<string | undefined>("pickManifest"),
    createRule: required<CreateResult, { kind: RuleKind; id: string }>("createRule"),
    createManifest: required<CreateResult, { name: string; version: string }>("createManifest"),
    renameRule: required<RenameResult, { id: string; newId: string }>("renameRule"),
    duplicateRule: required<CreateResult, { id: string; newId: string }>("duplicateRule"),
    deleteDocument: required<DeletedDocument | undefined, DocumentRef>("deleteDocument"),
    restoreDocument: required<boolean, DeletedDocument>("restoreDocument"),
    includeRule: required<IncludeResult, { ruleId: string; manifestId: string }>("includeRule"),
    importRules: required<ImportReport, { name: string; bytes: Uint8Array }[]>("importRules"),
    exportDocument: required<boolean, DocumentRef>("exportDocument"),
    validatePack: required<PackValidation, string>("validatePack"),
    createFromTemplate: required<TemplateCreateResult, { output: TemplateOutput; manifestId?: string }>(
      "createFromTemplate",
    ),
  },
  actions: {
    /** Writes the outcome's lines to the Output log, shows its notification and opens its editor. */
    report: (_, _outcome: Outcome) => undefined,
  },
}).createMachine({
  id: "workspaceOps",
  context: { kind: null, subject: null, ref: null, files: [], deleted: null },
  initial: "idle",
  states: {
    idle: {
      entry: assign({ kind: null, subject: null, ref: null, files: [], deleted: null }),
      on: {
        "ops.newRule": "newRule",
        "ops.newManifest": "newManifest",
        "ops.newFromTemplate": "fromTemplate",
        "ops.rename": { target: "rename", actions: assign({ subject: ({ event }) => event.id }) },
        "ops.duplicate": { target: "duplicate", actions: assign({ subject: ({ event }) => event.id }) },
        "ops.delete": { target: "delete", actions: assign({ ref: ({ event }) => event.ref }) },
        "ops.restore": { target: "restore", actions: assign({ deleted: ({ event }) => event.deleted }) },
        "ops.include": {
          target: "include",
          actions: assign({
            subject: ({ event }) => event.ruleId,
            ref: ({ event }) => ({ kind: "manifest", id: event.manifestId }),
          }),
        },
        "ops.import": [
          {
            guard: ({ event }) => event.files !== undefined,
            target: "import.importing",
            actions: assign({ files: ({ event }) => event.files ?? [] }),
          },
          { target: "import" },
        ],
        "ops.export": { target: "export", actions: assign({ ref: ({ event }) => event.ref }) },
        "ops.validate": [
          {
            guard: ({ event }) => event.manifestId !== undefined,
            target: "validate.validating",
            actions: assign({ subject: ({ event }) => event.manifestId ?? null }),
          },
          { target: "validate" },
        ],
      },
    },
    /** A rule generated by a template form (the form asked everything), with its manifest changes. */
    fromTemplate: {
      invoke: {
        src: "createFromTemplate",
        input: ({ event }) => {
          const e = event as Extract<WorkspaceOpsEvent, { type: "ops.newFromTemplate" }>;
          return { output: e.output, ...(e.manifestId === undefined ? {} : { manifestId: e.manifestId }) };
        },
        onDone: {
          target: idle,
          actions: {
            type: "report",
            params: ({ event }) => fromTemplate(event.output as TemplateCreateResult),
          },
        },
        onError: failed,
      },
    },
    newRule: {
      initial: "kind",
      states: {
        kind: {
          invoke: {
            src: "pickRuleKind",
            onDone: [
              { guard: ({ event }) => cancelled(event), target: idle },
              { target: "id", actions: assign({ kind: ({ event }) => event.output as RuleKind }) },
            ],
            onError: failed,
          },
        },
        id: {
          invoke: {
            src: "askText",
            input: (): TextPrompt => ({ purpose: "ruleId", value: "" }),
            onDone: [
              { guard: ({ event }) => cancelled(event), target: idle },
              { target: "creating", actions: assign({ subject: ({ event }) => event.output as string }) },
            ],
            onError: failed,
          },
        },
        creating: {
          invoke: {
            src: "createRule",
            input: ({ context }) => ({ kind: context.kind!, id: context.subject! }),
            onDone: {
              target: idle,
              actions: {
                type: "report",
                params: ({ context, event }) => created(context.subject!, event.output as CreateResult),
              },
            },
            onError: failed,
          },
        },
      },
    },
    newManifest: {
      initial: "name",
      states: {
        name: {
          invoke: {
            src: "askText",
            input: (): TextPrompt => ({ purpose: "manifestName", value: "" }),
            onDone: [
              { guard: ({ event }) => cancelled(event), target: idle },
              { target: "version", actions: assign({ subject: ({ event }) => event.output as string }) },
            ],
            onError: failed,
          },
        },
        version: {
          invoke: {
            src: "askText",
            input: ({ context }): TextPrompt => ({
              purpose: "manifestVersion",
              value: "0.1.0",
              name: context.subject!,
            }),
            onDone: [
              { guard: ({ event }) => cancelled(event), target: idle },
              {
                target: "creating",
                actions: assign({
                  kind: null,
                  ref: ({ context, event }) => ({
                    kind: "manifest",
                    id: `${context.subject}@${event.output as string}`,
                  }),
                }),
              },
            ],
            onError: failed,
          },
        },
        creating: {
          invoke: {
            src: "createManifest",
            input: ({ context }) => ({ name: context.subject!, version: context.ref!.id.split("@")[1]! }),
            onDone: {
              target: idle,
              actions: {
                type: "report",
                params: ({ context, event }) => created(context.ref!.id, event.output as CreateResult),
              },
            },
            onError: failed,
          },
        },
      },
    },
    rename: {
      initial: "asking",
      states: {
        asking: {
          invoke: {
            src: "askText",
            input: ({ context }): TextPrompt => ({
              purpose: "renameRule",
              value: context.subject!,
              from: context.subject!,
            }),
            onDone: [
              {
                guard: ({ event, context }) => cancelled(event) || event.output === context.subject,
                target: idle,
              },
              {
                target: "renaming",
                actions: assign({ ref: ({ event }) => ({ kind: "rule", id: event.output as string }) }),
              },
            ],
            onError: failed,
          },
        },
        renaming: {
          invoke: {
            src: "renameRule",
            input: ({ context }) => ({ id: context.subject!, newId: context.ref!.id }),
            onDone: {
              target: idle,
              actions: {
                type: "report",
                params: ({ context, event }) =>
                  renamed(context.subject!, context.ref!.id, event.output as RenameResult),
              },
            },
            onError: failed,
          },
        },
      },
    },
    duplicate: {
      initial: "asking",
      states: {
        asking: {
          invoke: {
            src: "askText",
            input: ({ context }): TextPrompt => ({
              purpose: "duplicateRule",
              value: `${context.subject}-copy`,
              from: context.subject!,
            }),
            onDone: [
              { guard: ({ event }) => cancelled(event), target: idle },
              {
                target: "duplicating",
                actions: assign({ ref: ({ event }) => ({ kind: "rule", id: event.output as string }) }),
              },
            ],
            onError: failed,
          },
        },
        duplicating: {
          invoke: {
            src: "duplicateRule",
            input: ({ context }) => ({ id: context.subject!, newId: context.ref!.id }),
            onDone: {
              target: idle,
              actions: {
                type: "report",
                params: ({ context, event }) => created(context.ref!.id, event.output as CreateResult),
              },
            },
            onError: failed,
          },
        },
      },
    },
    delete: {
      initial: "confirming",
      states: {
        confirming: {
          invoke: {
            src: "confirmDelete",
            input: ({ context }) => context.ref!,
            onDone: [{ guard: ({ event }) => cancelled(event), target: idle }, { target: "deleting" }],
            onError: failed,
          },
        },
        deleting: {
          invoke: {
            src: "deleteDocument",
            input: ({ context }) => context.ref!,
            onDone: {
              target: idle,
              actions: {
                type: "report",
                params: ({ context, event }) =>
                  deleted(context.ref!, event.output as DeletedDocument | undefined),
              },
            },
            onError: failed,
          },
        },
      },
    },
    restore: {
      invoke: {
        src: "restoreDocument",
        input: ({ context }) => context.deleted!,
        onDone: {
          target: idle,
          actions: {
            type: "report",
            params: ({ context, event }) => restored(context.deleted!, event.output as boolean),
          },
        },
        onError: failed,
      },
    },
    include: {
      invoke: {
        src: "includeRule",
        input: ({ context }) => ({ ruleId: context.subject!, manifestId: context.ref!.id }),
        onDone: {
          target: idle,
          actions: {
            type: "report",
            params: ({ context, event }) =>
              included(context.subject!, context.ref!.id, event.output as IncludeResult),
          },
        },
        onError: failed,
      },
    },
    import: {
      initial: "choosing",
      states: {
        choosing: {
          invoke: {
            src: "chooseFiles",
            onDone: [
              { guard: ({ event }) => (event.output as unknown[]).length === 0, target: idle },
              {
                target: "importing",
                actions: assign({ files: ({ event }) => event.output as WorkspaceOpsContext["files"] }),
              },
            ],
            onError: failed,
          },
        },
        importing: {
          invoke: {
            src: "importRules",
            input: ({ context }) => context.files,
            onDone: {
              target: idle,
              actions: { type: "report", params: ({ event }) => imported(event.output as ImportReport) },
            },
            onError: failed,
          },
        },
      },
    },
    export: {
      invoke: {
        src: "exportDocument",
        input: ({ context }) => context.ref!,
        onDone: [
          {
            guard: ({ event }) => event.output === true,
            target: idle,
            actions: {
              type: "report",
              params: ({ context }): Outcome => ({
                log: [{ severity: "info", key: "ops.log.exported", values: { id: context.ref!.id } }],
              }),
            },
          },
          {
            target: idle,
            actions: {
              type: "report",
              params: ({ context }): Outcome => ({
                notice: { severity: "warning", key: "ops.missing", values: { id: context.ref!.id } },
              }),
            },
          },
        ],
        onError: failed,
      },
    },
    validate: {
      initial: "picking",
      states: {
        picking: {
          invoke: {
            src: "pickManifest",
            onDone: [
              { guard: ({ event }) => cancelled(event), target: idle },
              { target: "validating", actions: assign({ subject: ({ event }) => event.output as string }) },
            ],
            onError: failed,
          },
        },
        validating: {
          invoke: {
            src: "validatePack",
            input: ({ context }) => context.subject!,
            onDone: {
              target: idle,
              actions: { type: "report", params: ({ event }) => validated(event.output as PackValidation) },
            },
            onError: failed,
          },
        },
      },
    },
  },
});
