import { jsonEqual, ruleText, type Pack } from "../../engine";
import { manifestId, setJsonMember } from "../documents/documentText";
import { manifestFileFor, relativePath, ruleFileFor } from "../documents/paths";
import type { StoredRelease } from "../storage/records";
import type { WorkspaceLists } from "../storage/repositories";
import { bumpVersion, compareSemver } from "./semver";

/**
 * What starting a new draft from a released version writes: a manifest of the next version and the
 * released rules the workspace lacks. The release itself is only read.
 */
export interface DraftPlan {
  manifest: { id: string; file: string; text: string };
  /** Released rules the workspace does not have: stored as the release has them. */
  create: { id: string; file: string; text: string }[];
  /** Rules the workspace has exactly as released: the draft includes those files. */
  reuse: string[];
  /**
   * Rules the workspace has changed since the release. A rule id is unique in the workspace, so the
   * draft includes the workspace's version; the notification names them.
   */
  diverged: string[];
}

/** The version a new draft of `name` is suggested at: a patch above every release and draft of it. */
export function nextDraftVersion(
  name: string,
  releases: readonly Pick<StoredRelease, "name" | "version">[],
  manifests: readonly { manifest: { name: string; version: string } }[],
): string {
  const versions = [
    ...releases.filter((r) => r.name === name).map((r) => r.version),
    ...manifests.filter((m) => m.manifest.name === name).map((m) => m.manifest.version),
  ].sort(compareSemver);
  const latest = versions.at(-1);
  return latest === undefined ? "1.0.0" : (bumpVersion(latest, "patch") ?? latest);
}

/** A manifest text for a pack whose manifest was not recorded (an imported pack): the pack's source members. */
function manifestTextOf(pack: Pack): string {
  const source: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pack)) {
    if (["format", "formatVersion", "createdAt", "engine", "order", "integrity", "rules"].includes(key))
      continue;
    source[key] = value;
  }
  source.rules = [];
  return JSON.stringify(source, null, 2) + "\n";
}

/**
 * Plans a new draft of `release` at `version`: the manifest the release was built from (or, for an
 * imported pack, one made from the pack) with `version` set and `rules` pointing at the workspace's
 * files, each released rule reused when the workspace has it unchanged and created when it is
 * missing. Pure: nothing is written, the release is never touched.
 */
export function planDraftFromRelease(
  release: StoredRelease,
  lists: Pick<WorkspaceLists, "rules">,
  version: string,
): DraftPlan {
  const pack = release.pack as Pack;
  const file = manifestFileFor(pack.name, version);
  const byId = new Map(lists.rules.map((r) => [r.id, r]));
  const plan: DraftPlan = {
    manifest: { id: manifestId({ name: pack.name, version }), file, text: "" },
    create: [],
    reuse: [],
    diverged: [],
  };
  const files: string[] = [];
  for (const rule of pack.rules) {
    const stored = byId.get(rule.id);
    if (!stored) {
      const ruleFile = ruleFileFor(rule.kind, rule.id);
      plan.create.push({ id: rule.id, file: ruleFile, text: ruleText(rule) });
      files.push(ruleFile);
      continue;
    }
    (jsonEqual(stored.rule, rule) ? plan.reuse : plan.diverged).push(rule.id);
    files.push(stored.file);
  }
  let text = release.manifest?.text ?? manifestTextOf(pack);
  text = setJsonMember(text, ["version"], version);
  const paths = files.map((f) => relativePath(file, f));
  const current = (JSON.parse(text) as { rules?: unknown }).rules;
  // Keep the author's text where the paths are already right (the same folder, the same files).
  if (!jsonEqual(current, paths)) text = setJsonMember(text, ["rules"], paths);
  plan.manifest.text = text;
  return plan;
}
