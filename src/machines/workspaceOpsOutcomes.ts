import type { LocalizedText } from "../base";
import type { TemplateOutput } from "../engine";
import type {
  CreateResult,
  DeletedDocument,
  DocumentRef,
  ImportReport,
  IncludeResult,
  RenameResult,
} from "../platform";

/** Values a notice's text is filled with; localized values are picked in the UI language. */
export type NoticeValues = Record<string, string | number | LocalizedText>;

/**
 * A notification or log line, as an i18n key and its values: the machine says what happened, the
 * workbench says it in the user's language. Actions are buttons that send an event back.
 */
export interface OpsNotice {
  severity: "info" | "warning" | "error";
  key: string;
  values?: NoticeValues;
  actions?: { key: string; event: WorkspaceOpsEvent }[];
}

/** What a text prompt asks for; the composition root words it and validates the answer. */
export type TextPrompt =
  | { purpose: "ruleId"; value: string }
  | { purpose: "renameRule"; value: string; from: string }
  | { purpose: "duplicateRule"; value: string; from: string }
  | { purpose: "manifestName"; value: string }
  | { purpose: "manifestVersion"; value: string; name: string };

/** The summary of a `Pack: Validate`. */
export interface PackValidation {
  manifestId: string;
  errors: number;
  warnings: number;
  passed: number;
  failed: number;
}

export type WorkspaceOpsEvent =
  | { type: "ops.newRule" }
  | { type: "ops.newManifest" }
  | { type: "ops.rename"; id: string }
  | { type: "ops.duplicate"; id: string }
  | { type: "ops.delete"; ref: DocumentRef }
  | { type: "ops.restore"; deleted: DeletedDocument }
  | { type: "ops.include"; ruleId: string; manifestId: string }
  | { type: "ops.import"; files?: { name: string; bytes: Uint8Array }[] }
  | { type: "ops.export"; ref: DocumentRef }
  | { type: "ops.validate"; manifestId?: string }
  | { type: "ops.newFromTemplate"; output: TemplateOutput; manifestId?: string };

/** What an operation ends with: lines for the Output log, a notification, an editor to open. */
export interface Outcome {
  log?: OpsNotice[];
  notice?: OpsNotice;
  open?: DocumentRef;
}

const info = (key: string, values?: NoticeValues): OpsNotice => ({
  severity: "info",
  key,
  ...(values && { values }),
});
const warning = (key: string, values?: NoticeValues): OpsNotice => ({
  severity: "warning",
  key,
  ...(values && { values }),
});
const error = (key: string, values?: NoticeValues): OpsNotice => ({
  severity: "error",
  key,
  ...(values && { values }),
});

/** A new rule or manifest (new, duplicate) is opened; anything else is said. */
export function created(id: string, result: CreateResult): Outcome {
  switch (result.status) {
    case "created":
      return { log: [info("ops.log.created", { id })], open: result.ref };
    case "exists":
      return { notice: warning("ops.exists", { id }) };
    case "missing":
      return { notice: warning("ops.missing", { id }) };
    case "invalid":
      return {
        notice: error("ops.invalid", { id, reason: result.problems[0]?.message ?? { en: "" } }),
        log: result.problems.map((p) => error("ops.log.problem", { file: p.file ?? id, message: p.message })),
      };
  }
}

export function renamed(from: string, to: string, result: RenameResult): Outcome {
  switch (result.status) {
    case "renamed": {
      const values = { from, to, manifests: result.manifests.length };
      const log = [info("ops.log.renamed", values)];
      if (result.readers.length > 0) {
        const readers = result.readers.join(", ");
        return {
          log,
          notice: warning("ops.renamedReaders", { ...values, readers, count: result.readers.length }),
        };
      }
      return { log, notice: info("ops.renamed", values) };
    }
    case "exists":
      return { notice: warning("ops.exists", { id: to }) };
    case "missing":
      return { notice: warning("ops.missing", { id: from }) };
    case "conflict":
      return { notice: warning("ops.changedMeanwhile", { id: from }) };
  }
}

/** A delete is announced with an Undo that puts the document back exactly. */
export function deleted(ref: DocumentRef, result: DeletedDocument | undefined): Outcome {
  if (!result) return { notice: warning("ops.missing", { id: ref.id }) };
  return {
    log: [info("ops.log.deleted", { id: ref.id })],
    notice: {
      ...info("ops.deleted", { id: ref.id }),
      actions: [{ key: "ops.undo", event: { type: "ops.restore", deleted: result } }],
    },
  };
}

export function restored(deletedDoc: DeletedDocument, ok: boolean): Outcome {
  const id = deletedDoc.doc.id;
  if (!ok) return { notice: warning("ops.restoreTaken", { id }) };
  return { log: [info("ops.log.restored", { id })], notice: info("ops.restored", { id }) };
}

export function included(rule: string, manifest: string, result: IncludeResult): Outcome {
  const values = { rule, manifest };
  switch (result.status) {
    case "included":
      return { log: [info("ops.log.included", values)], notice: info("ops.included", values) };
    case "already":
      return { notice: info("ops.alreadyIncluded", values) };
    case "missing":
      return { notice: warning("ops.missing", { id: `${rule} / ${manifest}` }) };
    case "conflict":
      return { notice: warning("ops.changedMeanwhile", { id: manifest }) };
    case "invalid":
      return {
        notice: error("ops.invalid", { id: manifest, reason: result.problems[0]?.message ?? { en: "" } }),
      };
  }
}

export function imported(report: ImportReport): Outcome {
  const values = {
    added: report.added.length,
    skipped: report.skipped.length,
    problems: report.problems.filter((p) => p.severity !== "info").length,
  };
  const log: OpsNotice[] = [
    ...report.added.map((id) => info("ops.log.imported", { id })),
    ...report.skipped.map(({ file, id, reason }) => warning(`ops.log.importSkipped.${reason}`, { file, id })),
    ...report.problems.map((p) => ({
      ...info("ops.log.problem", { file: p.file ?? "", message: p.message }),
      severity: p.severity,
    })),
  ];
  const severity =
    values.added === 0 ? "warning" : values.problems > 0 || values.skipped > 0 ? "warning" : "info";
  return { log, notice: { severity, key: "ops.imported", values } };
}

export function validated(v: PackValidation): Outcome {
  const values = {
    manifest: v.manifestId,
    errors: v.errors,
    warnings: v.warnings,
    passed: v.passed,
    failed: v.failed,
  };
  const ok = v.errors === 0 && v.failed === 0;
  const notice = ok ? info("ops.validated", values) : error("ops.validatedFailed", values);
  return { log: [{ ...notice, key: "ops.log.validated" }], notice };
}
