import type { LocalizedText } from "../../base";
import { planManifestChanges, ruleText, type Problem, type TemplateOutput } from "../../engine";
import type { DocumentChange } from "../storage/repositories";
import { appendJsonItem, parseDocumentText, setJsonMember } from "./documentText";
import { documentUri, type DocumentRef } from "./documentUri";
import { relativePath, ruleFileFor } from "./paths";
import { revisionOf, storedFrom, type StoreContext } from "./storeContext";

/** What creating a rule from a template did. */
export type TemplateCreateResult =
  | {
      status: "created";
      ref: DocumentRef;
      /** The manifest the rule, its parameters and population operators were added to. */
      manifest?: string;
      /** Rules the new rule reads through `out.` that the manifest does not include. */
      missing: string[];
    }
  | { status: "exists"; id: string }
  /** The manifest declares one of the rule's parameters (or population outputs) differently. */
  | { status: "conflict"; reasons: LocalizedText[] }
  | { status: "missing"; manifest: string }
  | { status: "invalid"; problems: Problem[] };

/**
 * Stores a rule generated from a template and, when a manifest is named, the manifest changes it
 * needs (parameter declarations, population operators, the rule's path), in one commit: both or
 * neither. The manifest's text is edited member by member, so its formatting and order stay.
 */
export async function createFromTemplate(
  ctx: StoreContext,
  output: TemplateOutput,
  manifestId: string | undefined,
): Promise<TemplateCreateResult> {
  const ref: DocumentRef = { kind: "rule", id: output.rule.id };
  const file = ruleFileFor(output.rule.kind, output.rule.id);
  const text = ruleText(output.rule);
  const parsed = parseDocumentText(ref, file, text);
  if (!parsed.ok) return { status: "invalid", problems: parsed.problems };
  if (await ctx.repos.rules.get(ref.id)) return { status: "exists", id: ref.id };
  const at = ctx.now();
  const changes: DocumentChange[] = [storedFrom(parsed, text, file, 1, at, undefined, 0)];
  let saved: { id: string; revision: number; text: string } | undefined;
  let missing: string[] = [];
  if (manifestId !== undefined) {
    const manifest = await ctx.repos.manifests.get(manifestId);
    if (!manifest) return { status: "missing", manifest: manifestId };
    const plan = planManifestChanges(manifest.manifest, output, relativePath(manifest.file, file));
    if (!plan.ok) return { status: "conflict", reasons: plan.conflicts };
    let manifestText = manifest.text;
    for (const change of plan.changes) {
      manifestText =
        change.type === "set"
          ? setJsonMember(manifestText, change.path, change.value)
          : appendJsonItem(manifestText, change.path, change.length, change.value);
    }
    const manifestRef: DocumentRef = { kind: "manifest", id: manifestId };
    const parsedManifest = parseDocumentText(manifestRef, manifest.file, manifestText);
    if (!parsedManifest.ok) return { status: "invalid", problems: parsedManifest.problems };
    if (parsedManifest.kind !== "manifest") return { status: "missing", manifest: manifestId };
    const revision = revisionOf(manifest) + 1;
    changes.push(
      storedFrom(parsedManifest, manifestText, manifest.file, revision, at, manifest, revisionOf(manifest)),
    );
    saved = { id: manifestId, revision, text: manifestText };
    const rules = await ctx.repos.rules.list();
    const included = new Set(
      rules
        .filter((r) => parsedManifest.manifest.rules.some((p) => relativePath(manifest.file, r.file) === p))
        .map((r) => r.id),
    );
    missing = output.requires.filter((id) => !included.has(id));
  }
  const result = await ctx.repos.commit(changes);
  if (!result.ok) {
    return result.conflicts.some((c) => c.kind === "rule")
      ? { status: "exists", id: ref.id }
      : { status: "conflict", reasons: [] };
  }
  ctx.announce({ type: "document.created", uri: documentUri(ref) }, "local");
  if (saved) {
    ctx.announce(
      {
        type: "document.saved",
        uri: documentUri({ kind: "manifest", id: saved.id }),
        revision: saved.revision,
        text: saved.text,
      },
      "local",
    );
  }
  return { status: "created", ref, ...(saved ? { manifest: saved.id } : {}), missing };
}
