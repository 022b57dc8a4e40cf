import { loadRuleFile, readPaths, type Problem, type RuleKind, type TemplateOutput } from "../../engine";
import type { DocumentKind, StoredDraft, StoredManifest, StoredRule } from "../storage/records";
import type { DocumentChange } from "../storage/repositories";
import {
  appendJsonItem,
  manifestId,
  newManifestText,
  newRuleText,
  parseDocumentText,
  setJsonMember,
} from "./documentText";
import { documentUri, type DocumentRef } from "./documentUri";
import { readRuleImports } from "./importRules";
import { createFromTemplate, type TemplateCreateResult } from "./templateEdits";
import { manifestFileFor, relativePath, renamedRuleFile, resolvePath, ruleFileFor } from "./paths";
import { putDocument, revisionOf, storedFrom, type StoreContext, type StoredDocument } from "./storeContext";

/** A deleted document with everything needed to put it back exactly: the stored version and its draft. */
export interface DeletedDocument {
  kind: DocumentKind;
  doc: StoredDocument;
  draft?: StoredDraft;
}

export type CreateResult =
  | { status: "created"; ref: DocumentRef; revision: number }
  | { status: "exists" }
  | { status: "missing" }
  | { status: "invalid"; problems: Problem[] };

export type RenameResult =
  | {
      status: "renamed";
      ref: DocumentRef;
      revision: number;
      /** Manifests whose `rules` list was updated to the new file. */
      manifests: string[];
      /** Other rules that read `out.<old id>`: they must be changed by hand (pack checks name them). */
      readers: string[];
    }
  | { status: "exists" }
  | { status: "missing" }
  | { status: "conflict" };

export type IncludeResult =
  | { status: "included"; revision: number }
  | { status: "already" }
  | { status: "missing" }
  | { status: "invalid"; problems: Problem[] }
  | { status: "conflict" };

/** What an import did: rules stored, files skipped (with why), and problems of files that did not load. */
export interface ImportReport {
  added: string[];
  skipped: { file: string; id: string; reason: "exists" | "duplicate" }[];
  problems: Problem[];
}

/** The workspace operations of the Explorer and the `Rules:`/`Pack:` commands. */
export interface WorkspaceEdits {
  createRule(kind: RuleKind, id: string): Promise<CreateResult>;
  createManifest(name: string, version: string): Promise<CreateResult>;
  /** Renames a rule: its id, its file, the manifests that include it and its draft, in one commit. */
  rename(ruleId: string, newId: string): Promise<RenameResult>;
  duplicate(ruleId: string, newId: string): Promise<CreateResult>;
  /** Deletes a document and its draft; the result restores it with {@link WorkspaceEdits.restore}. */
  remove(ref: DocumentRef): Promise<DeletedDocument | undefined>;
  /** Puts a deleted document back as it was (text, file, dates, draft); false when its id was taken meanwhile. */
  restore(deleted: DeletedDocument): Promise<boolean>;
  /** Adds a rule to a manifest's `rules`, keeping the manifest's formatting. */
  include(ruleId: string, manifestId: string): Promise<IncludeResult>;
  /** Stores the rules of imported files whose id is new; never replaces a stored rule. */
  importRules(files: readonly { name: string; bytes: Uint8Array }[]): Promise<ImportReport>;
  /** The stored text of a document and the file name it is exported as (`<id>.rule.json`). */
  exportText(ref: DocumentRef): Promise<{ name: string; text: string } | undefined>;
  /** Stores a rule generated from a template and, given a manifest, the changes it needs (one commit). */
  createFromTemplate(output: TemplateOutput, manifestId?: string): Promise<TemplateCreateResult>;
}

const isRule = (doc: StoredDocument): doc is StoredRule => "rule" in doc;

async function create(
  ctx: StoreContext,
  ref: DocumentRef,
  file: string,
  text: string,
): Promise<CreateResult> {
  const parsed = parseDocumentText(ref, file, text);
  if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
  const result = await ctx.repos.commit([storedFrom(parsed, text, file, 1, ctx.now(), undefined, 0)]);
  if (!result.ok) return { status: "exists" };
  ctx.announce({ type: "document.created", uri: documentUri(ref) }, "local");
  return { status: "created", ref, revision: 1 };
}

/** The manifests whose `rules` name `file`, with the index of each entry that does. */
function manifestsIncluding(manifests: readonly StoredManifest[], file: string) {
  return manifests
    .map((m) => ({
      manifest: m,
      indexes: m.manifest.rules.flatMap((path, i) => (resolvePath(m.file, path) === file ? [i] : [])),
    }))
    .filter((entry) => entry.indexes.length > 0);
}

async function rename(ctx: StoreContext, ruleId: string, newId: string): Promise<RenameResult> {
  const [stored, taken, manifests, rules, draft] = await Promise.all([
    ctx.repos.rules.get(ruleId),
    ctx.repos.rules.get(newId),
    ctx.repos.manifests.list(),
    ctx.repos.rules.list(),
    ctx.repos.drafts.get(documentUri({ kind: "rule", id: ruleId })),
  ]);
  if (!stored) return { status: "missing" };
  if (taken) return { status: "exists" };
  const at = ctx.now();
  const ref: DocumentRef = { kind: "rule", id: newId };
  const file = renamedRuleFile(stored.file, newId);
  const revision = revisionOf(stored) + 1;
  const text = setJsonMember(stored.text, ["id"], newId);
  const changes: DocumentChange[] = [
    { type: "delete", kind: "rule", id: ruleId, ifRevision: revisionOf(stored) },
    {
      type: "put",
      kind: "rule",
      doc: { ...stored, id: newId, file, text, rule: { ...stored.rule, id: newId }, updatedAt: at, revision },
      ifRevision: 0,
    },
  ];
  const updated: { id: string; revision: number; text: string }[] = [];
  for (const { manifest, indexes } of manifestsIncluding(manifests, stored.file)) {
    let manifestText = manifest.text;
    for (const i of indexes)
      manifestText = setJsonMember(manifestText, ["rules", i], relativePath(manifest.file, file));
    const parsed = parseDocumentText({ kind: "manifest", id: manifest.id }, manifest.file, manifestText);
    if (!parsed.ok) continue;
    const next = revisionOf(manifest) + 1;
    changes.push(storedFrom(parsed, manifestText, manifest.file, next, at, manifest, revisionOf(manifest)));
    updated.push({ id: manifest.id, revision: next, text: manifestText });
  }
  if (draft) {
    changes.push({ type: "deleteDraft", uri: draft.uri });
    const draftText = tryRename(draft.text, newId);
    const base = draft.baseRevision === revisionOf(stored) ? revision : draft.baseRevision;
    changes.push({
      type: "putDraft",
      draft: { ...draft, uri: documentUri(ref), id: newId, text: draftText, baseRevision: base },
    });
  }
  const result = await ctx.repos.commit(changes);
  if (!result.ok) return { status: "conflict" };
  ctx.announce(
    {
      type: "document.renamed",
      from: documentUri({ kind: "rule", id: ruleId }),
      to: documentUri(ref),
      revision,
    },
    "local",
  );
  for (const m of updated) {
    ctx.announce(
      {
        type: "document.saved",
        uri: documentUri({ kind: "manifest", id: m.id }),
        revision: m.revision,
        text: m.text,
      },
      "local",
    );
  }
  const readers = rules
    .filter(
      (r) =>
        r.id !== ruleId &&
        readPaths(r.rule.logic).some(
          (p) => p.path === `out.${ruleId}` || p.path.startsWith(`out.${ruleId}.`),
        ),
    )
    .map((r) => r.id);
  return { status: "renamed", ref, revision, manifests: updated.map((m) => m.id), readers };
}

/** A draft's text with its id changed, when it still parses as JSON; otherwise as the user left it. */
function tryRename(text: string, id: string): string {
  try {
    JSON.parse(text);
    return setJsonMember(text, ["id"], id);
  } catch {
    return text;
  }
}

async function remove(ctx: StoreContext, ref: DocumentRef): Promise<DeletedDocument | undefined> {
  const uri = documentUri(ref);
  const [doc, draft] = await Promise.all([ctx.get(ref), ctx.repos.drafts.get(uri)]);
  if (!doc) return undefined;
  const result = await ctx.repos.commit([
    { type: "delete", kind: ref.kind, id: ref.id, ifRevision: revisionOf(doc) },
    { type: "deleteDraft", uri },
  ]);
  if (!result.ok) return undefined;
  ctx.announce({ type: "document.deleted", uri }, "local");
  return { kind: ref.kind, doc, ...(draft && { draft }) };
}

async function restore(ctx: StoreContext, deleted: DeletedDocument): Promise<boolean> {
  // The revision moves on, so a tab still holding the deleted version cannot save over the restored one.
  const revision = revisionOf(deleted.doc) + 1;
  const changes: DocumentChange[] = [putDocument(deleted.kind, { ...deleted.doc, revision }, 0)];
  if (deleted.draft) {
    const base =
      deleted.draft.baseRevision === revisionOf(deleted.doc) ? revision : deleted.draft.baseRevision;
    changes.push({ type: "putDraft", draft: { ...deleted.draft, baseRevision: base } });
  }
  const result = await ctx.repos.commit(changes);
  if (!result.ok) return false;
  ctx.announce(
    { type: "document.created", uri: documentUri({ kind: deleted.kind, id: deleted.doc.id }) },
    "local",
  );
  return true;
}

async function include(ctx: StoreContext, ruleId: string, id: string): Promise<IncludeResult> {
  const [rule, manifest] = await Promise.all([ctx.repos.rules.get(ruleId), ctx.repos.manifests.get(id)]);
  if (!rule || !manifest) return { status: "missing" };
  if (manifestsIncluding([manifest], rule.file).length > 0) return { status: "already" };
  const ref: DocumentRef = { kind: "manifest", id };
  const text = appendJsonItem(
    manifest.text,
    ["rules"],
    manifest.manifest.rules.length,
    relativePath(manifest.file, rule.file),
  );
  const parsed = parseDocumentText(ref, manifest.file, text);
  if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
  const revision = revisionOf(manifest) + 1;
  const put = storedFrom(parsed, text, manifest.file, revision, ctx.now(), manifest, revisionOf(manifest));
  const result = await ctx.repos.commit([put]);
  if (!result.ok) return { status: "conflict" };
  ctx.announce({ type: "document.saved", uri: documentUri(ref), revision, text }, "local");
  return { status: "included", revision };
}

async function importRules(
  ctx: StoreContext,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<ImportReport> {
  const { sources, problems } = readRuleImports(files);
  const stored = new Set((await ctx.repos.rules.list()).map((r) => r.id));
  const report: ImportReport = { added: [], skipped: [], problems };
  const changes: DocumentChange[] = [];
  const fileOf = new Map<string, string>();
  const at = ctx.now();
  for (const source of sources) {
    const { rule, problems: found } = loadRuleFile(source);
    if (!rule) {
      report.problems.push(...found);
      continue;
    }
    if (stored.has(rule.id)) {
      const reason = fileOf.has(rule.id) ? "duplicate" : "exists";
      report.skipped.push({ file: source.file, id: rule.id, reason });
      continue;
    }
    stored.add(rule.id);
    fileOf.set(rule.id, source.file);
    const parsed = { ok: true as const, kind: "rule" as const, id: rule.id, rule };
    const file = ruleFileFor(rule.kind, rule.id);
    changes.push(storedFrom(parsed, source.text, file, 1, at, undefined, 0));
  }
  if (changes.length === 0) return report;
  const result = await ctx.repos.commit(changes);
  if (!result.ok) {
    // Another tab stored one of these ids meanwhile: nothing was written, and the report says which.
    for (const { id } of result.conflicts)
      report.skipped.push({ file: fileOf.get(id) ?? id, id, reason: "exists" });
    return report;
  }
  report.added = [...fileOf.keys()];
  for (const id of report.added) {
    ctx.announce({ type: "document.created", uri: documentUri({ kind: "rule", id }) }, "local");
  }
  return report;
}

/** The workspace operations over a store context. */
export function workspaceEdits(ctx: StoreContext): WorkspaceEdits {
  return {
    createRule: (kind, id) => create(ctx, { kind: "rule", id }, ruleFileFor(kind, id), newRuleText(kind, id)),
    createManifest: (name, version) =>
      create(
        ctx,
        { kind: "manifest", id: manifestId({ name, version }) },
        manifestFileFor(name, version),
        newManifestText(name, version),
      ),
    rename: (ruleId, newId) => rename(ctx, ruleId, newId),
    async duplicate(ruleId, newId) {
      const stored = await ctx.repos.rules.get(ruleId);
      if (!stored) return { status: "missing" };
      return create(
        ctx,
        { kind: "rule", id: newId },
        renamedRuleFile(stored.file, newId),
        setJsonMember(stored.text, ["id"], newId),
      );
    },
    remove: (ref) => remove(ctx, ref),
    restore: (deleted) => restore(ctx, deleted),
    include: (ruleId, id) => include(ctx, ruleId, id),
    importRules: (files) => importRules(ctx, files),
    createFromTemplate: (output, manifestId) => createFromTemplate(ctx, output, manifestId),
    async exportText(ref) {
      const doc = await ctx.get(ref);
      if (!doc) return undefined;
      const name = isRule(doc)
        ? `${doc.id}.rule.json`
        : `${doc.manifest.name}-${doc.manifest.version}.manifest.json`;
      return { name, text: doc.text };
    },
  };
}
