import { createActor, fromCallback, type ActorRefFrom, type EventObject } from "xstate";
import { datasetImportMachine, errorMessage, type CheckInput, type WriteInput } from "../../../machines";
import {
  checkStorageRoom,
  formatOf,
  isQuotaError,
  StorageFullError,
  writeImportedDataset,
} from "../../../platform";
import { formatCount } from "../../i18n";
import type { WorkbenchServices } from "../../services";
import { writeErrorText } from "./storageText";

/**
 * Bytes an imported file will take once stored as column chunks. Text formats store about their own
 * size (numbers as 8-byte doubles, strings dictionary-encoded, JSON keys once per column); an XLSX
 * is a zip, so its cells take several times the file. A fifth more covers IndexedDB's bookkeeping.
 */
export function estimateImportBytes(file: { name: string; size: number }): number {
  return Math.ceil(file.size * (formatOf(file.name) === "xlsx" ? 5 : 1) * 1.2);
}

/** Rejects with a `StorageFullError` when `bytes` will not fit the free quota. */
async function refuseWhenFull(bytes: number): Promise<void> {
  const room = await checkStorageRoom(bytes);
  if (!room.fits) throw new StorageFullError(room.needed, room.free);
}

export type DatasetImportActor = ActorRefFrom<typeof datasetImportMachine>;

const actors = new WeakMap<WorkbenchServices, DatasetImportActor>();

/** The import of this workbench (one at a time), created on first use. */
export function importActorFor(s: WorkbenchServices): DatasetImportActor {
  let actor = actors.get(s);
  if (actor) return actor;
  actor = createActor(
    datasetImportMachine.provide({
      actors: {
        check: fromCallback<EventObject, CheckInput>(({ sendBack, input }) => {
          const controller = new AbortController();
          s.datasets.importer
            .check(input.file, input.options, {
              signal: controller.signal,
              progress: (fraction, rows) => sendBack({ type: "import.progress", fraction, rows }),
            })
            .then(
              (check) => sendBack({ type: "import.checked", check }),
              (error: unknown) => {
                if (!controller.signal.aborted) sendBack({ type: "import.failed", error });
              },
            );
          return () => controller.abort();
        }),
        write: fromCallback<EventObject, WriteInput>(({ sendBack, input }) => {
          const controller = new AbortController();
          let landed = false;
          refuseWhenFull(estimateImportBytes(input.file))
            .then(() =>
              writeImportedDataset(s.datasets, s.datasets.importer, input, {
                signal: controller.signal,
                progress: (fraction, rows) => sendBack({ type: "import.progress", fraction, rows }),
              }),
            )
            .then(
              (meta) => {
                landed = true;
                sendBack({ type: "import.written", meta });
              },
              (error: unknown) => {
                if (controller.signal.aborted) return;
                // A full disk is said in the UI language, with the sizes, rather than the browser's words.
                const locale = s.preferences.getSnapshot().context.locale;
                const message = writeErrorText(s.i18n.t, error, locale);
                sendBack({ type: "import.failed", error: isQuotaError(error) ? new Error(message) : error });
              },
            );
          // Cancel: the write aborts its writer, removing every chunk it stored.
          return () => {
            if (!landed) controller.abort();
          };
        }),
      },
      actions: {
        imported: (_, { meta }) => {
          s.workspace.send({ type: "workspace.reload" });
          const activate = s.workspace.subscribe((snapshot) => {
            if (snapshot.context.lists.datasets.some((d) => d.id === meta.id)) {
              activate.unsubscribe();
              s.workspace.send({ type: "dataset.activate", id: meta.id });
            }
          });
          const locale = s.preferences.getSnapshot().context.locale;
          s.notifications.notify({
            severity: "info",
            message: s.i18n.t("datasets.import.done", {
              name: meta.name,
              rows: formatCount(meta.rowCount, locale),
            }),
          });
          s.output.log(
            s.i18n.t("datasets.import.done", { name: meta.name, rows: formatCount(meta.rowCount, locale) }),
          );
        },
      },
    }),
  );
  actor.start();
  actors.set(s, actor);
  return actor;
}

/** Starts importing `file` (from the file chooser or a drop); refuses a file of no known format. */
export function importFile(s: WorkbenchServices, file: File): void {
  const format = formatOf(file.name);
  if (!format) {
    s.notifications.notify({
      severity: "warning",
      message: s.i18n.t("datasets.import.unknownFormat", { file: file.name }),
    });
    return;
  }
  const actor = importActorFor(s);
  if (!actor.getSnapshot().matches("idle")) return;
  actor.send({ type: "import.open", file, options: { format } });
}

export const IMPORT_ACCEPT = ".csv,.txt,.json,.jsonl,.ndjson,.xlsx";

export { errorMessage };
