import {
  buildPack,
  diffPacks,
  ImpactCollector,
  jsonEqual,
  packFileText,
  resolveParams,
  resolveRunDate,
  runPack,
  verifyPack,
  type BuildResult,
  type JsonSchemaLike,
  type OutputImpact,
  type Pack,
  type PackDiff,
  type PreparedPack,
} from "../../engine";
import { setJsonMember, appendJsonItem } from "../documents/documentText";
import { storedRuleLoader } from "../documents/buildSources";
import type { StoredManifest } from "../storage/records";
import type { WorkspaceLists } from "../storage/repositories";
import { compareSemver, parseSemver } from "./semver";

/**
 * Builds a stored manifest against the stored rules exactly as `crw pack build` builds the same files
 * (the same `buildPack`; closures instead of generated code, which give the same values, because the
 * browser's CSP forbids `new Function`).
 */
export function buildWorkspacePack(
  lists: Pick<WorkspaceLists, "rules">,
  manifest: Pick<StoredManifest, "file" | "text">,
  options: { createdAt: string; datasetSchema?: unknown },
): Promise<BuildResult> {
  const datasetSchema = options.datasetSchema as JsonSchemaLike | undefined;
  return buildPack({ file: manifest.file, text: manifest.text }, storedRuleLoader(lists, manifest.file), {
    createdAt: options.createdAt,
    codegen: false,
    ...(datasetSchema === undefined ? {} : { datasetSchema }),
  });
}

/**
 * The manifest text a release builds from: `version` set and the changelog entry of that version
 * holding `notes` (dated `date`). A text that says so already is returned unchanged, so releasing a
 * manifest as authored builds exactly what `crw pack build` builds from its file.
 */
export function releaseManifestText(text: string, version: string, notes: string, date: string): string {
  const parsed = JSON.parse(text) as { version?: unknown; changelog?: unknown };
  let next = parsed.version === version ? text : setJsonMember(text, ["version"], version);
  const changelog = Array.isArray(parsed.changelog) ? (parsed.changelog as { version?: unknown }[]) : [];
  const index = changelog.findIndex((entry) => entry.version === version);
  const existing = index >= 0 ? (changelog[index] as { notes?: unknown }) : undefined;
  const sameNotes =
    existing !== undefined &&
    (existing.notes === notes ||
      (typeof existing.notes === "object" &&
        existing.notes !== null &&
        Object.values(existing.notes).includes(notes)));
  if (sameNotes) return next;
  const entry = { version, date, notes };
  if (index >= 0) next = setJsonMember(next, ["changelog", index], entry);
  else if (Array.isArray(parsed.changelog))
    next = appendJsonItem(next, ["changelog"], changelog.length, entry);
  else next = setJsonMember(next, ["changelog"], [entry]);
  return next;
}

/** The changelog notes a manifest has for a version, in the locale when it has them localized. */
export function changelogNotes(
  changelog: readonly { version: string; notes: unknown }[] | undefined,
  version: string,
  locale: string,
): string {
  const notes = changelog?.find((entry) => entry.version === version)?.notes;
  if (typeof notes === "string") return notes;
  if (typeof notes === "object" && notes !== null) {
    const texts = notes as Record<string, unknown>;
    const text = texts[locale] ?? texts.en;
    return typeof text === "string" ? text : "";
  }
  return "";
}

/** A built pack ready to run (order checked, rules compiled to closures). */
export async function preparedPackOf(pack: Pack): Promise<PreparedPack> {
  const verified = await verifyPack(
    { file: `${pack.name}-${pack.version}.pack.json`, text: packFileText(pack) },
    {
      runTests: false,
      codegen: false,
    },
  );
  if (!verified.prepared) {
    throw new Error(
      `${pack.name} ${pack.version} cannot run: ${verified.problems.map((p) => p.message.en).join("; ")}`,
    );
  }
  return verified.prepared;
}

/** The impact of going from `oldPack` to `newPack` over records (`crw pack diff --data`). */
export interface PackImpact {
  impacts: OutputImpact[];
  records: number;
  /** The run date both sides used (`ctx.as_of`), from the first record's `as_of` or today. */
  asOf: string;
}

/**
 * Runs both packs over the same records with their default parameters and the same run date, and
 * collects the impact with the engine's `ImpactCollector`, exactly as `crw pack diff --data` does
 * (the evidence of a bump suggestion). Winners, losers and movements between two versions come from
 * the simulation's comparison (`compareRuns`), which `Pack: Compare Versions` shows. Without an old
 * pack every output counts as new.
 */
export async function packImpact(
  oldPack: Pack | undefined,
  newPack: Pack,
  records: readonly unknown[],
): Promise<PackImpact> {
  const collector = new ImpactCollector(oldPack?.rules ?? [], newPack.rules);
  const date = await resolveRunDate(undefined, records);
  const sides: [Pack, (r: Parameters<ImpactCollector["addOld"]>[0]) => void][] = [];
  if (oldPack) sides.push([oldPack, (chunk) => collector.addOld(chunk)]);
  sides.push([newPack, (chunk) => collector.addNew(chunk)]);
  for (const [pack, add] of sides) {
    const params = resolveParams(pack.params, {});
    if (!params.ok) throw new Error(params.error.map((e) => e.en).join("; "));
    const prepared = await preparedPackOf(pack);
    for await (const chunk of runPack(prepared, records, { params: params.value, ctx: date.ctx })) add(chunk);
  }
  return { impacts: collector.summary(), records: records.length, asOf: date.ctx.as_of };
}

/** One reason for a suggested bump, shown with the suggestion. */
export type BumpEvidence =
  | { kind: "first-release" }
  | { kind: "rules-removed"; ids: string[] }
  | { kind: "output-retyped"; id: string; from: string; to: string }
  | { kind: "params-removed"; names: string[] }
  | { kind: "params-retyped"; names: string[] }
  | { kind: "population-removed"; ids: string[] }
  | { kind: "population-output-moved"; ids: string[] }
  | { kind: "rules-added"; ids: string[] }
  /** Outputs whose value changed for some records of the reference dataset. */
  | {
      kind: "outputs-changed";
      dataset: string;
      records: number;
      outputs: { output: string; changed: number }[];
    }
  /** Logic, parameters or population changed, yet no record of the reference dataset changes. */
  | { kind: "logic-changed"; ids: string[]; dataset?: string }
  /** Only titles, descriptions, tests or metadata changed: no output can change. */
  | { kind: "no-output-change"; parts: string[] };

export interface BumpSuggestion {
  bump: "major" | "minor" | "patch";
  evidence: BumpEvidence[];
}

const describeOutput = (o: { type: string; enum?: readonly string[]; unit?: string }) =>
  [o.type, o.unit, o.enum ? `{${o.enum.join(",")}}` : undefined].filter(Boolean).join(" ");

/**
 * The bump the evidence calls for, with the evidence: major when a rule or population operator was
 * removed, an output changed type (type, enum or unit) or a parameter was removed or retyped; minor
 * when outputs change on the reference dataset (or logic, parameters or operators changed so that
 * outputs can change, or rules were added); patch when only texts, tests or metadata changed.
 */
export function suggestBump(
  previous: Pack | undefined,
  candidate: Pack,
  impact?: PackImpact & { dataset: string },
): BumpSuggestion {
  if (!previous) return { bump: "minor", evidence: [{ kind: "first-release" }] };
  const diff: PackDiff = diffPacks(previous, candidate);
  const major: BumpEvidence[] = [];
  if (diff.rules.removed.length > 0) major.push({ kind: "rules-removed", ids: diff.rules.removed });
  const oldRules = new Map(previous.rules.map((r) => [r.id, r]));
  for (const rule of candidate.rules) {
    const before = oldRules.get(rule.id);
    if (!before) continue;
    const o = before.output;
    const n = rule.output;
    if (o.type !== n.type || !jsonEqual(o.enum, n.enum) || o.unit !== n.unit)
      major.push({ kind: "output-retyped", id: rule.id, from: describeOutput(o), to: describeOutput(n) });
  }
  if (diff.params.removed.length > 0) major.push({ kind: "params-removed", names: diff.params.removed });
  const retyped = diff.params.changed.filter((n) => previous.params[n]?.type !== candidate.params[n]?.type);
  if (retyped.length > 0) major.push({ kind: "params-retyped", names: retyped });
  if (diff.population.removed.length > 0)
    major.push({ kind: "population-removed", ids: diff.population.removed });
  const moved = diff.population.changed.filter((c) => c.parts.includes("out")).map((c) => c.id);
  if (moved.length > 0) major.push({ kind: "population-output-moved", ids: moved });

  const changedOutputs = (impact?.impacts ?? [])
    .filter((i) => i.changed > 0)
    .map((i) => ({ output: i.output, changed: i.changed }));
  const minor: BumpEvidence[] = [];
  if (diff.rules.added.length > 0) minor.push({ kind: "rules-added", ids: diff.rules.added });
  if (impact && changedOutputs.length > 0)
    minor.push({
      kind: "outputs-changed",
      dataset: impact.dataset,
      records: impact.records,
      outputs: changedOutputs,
    });
  const logicIds = [
    ...diff.rules.changed
      .filter((c) => c.parts.some((p) => ["logic", "output", "kind"].includes(p)))
      .map((c) => c.id),
    ...diff.params.added,
    ...diff.params.changed,
    ...diff.population.added,
    ...diff.population.changed.map((c) => c.id),
  ];
  if (logicIds.length > 0 && changedOutputs.length === 0)
    minor.push({ kind: "logic-changed", ids: logicIds, ...(impact ? { dataset: impact.dataset } : {}) });

  if (major.length > 0) return { bump: "major", evidence: major };
  if (minor.length > 0) return { bump: "minor", evidence: minor };
  const parts = [...new Set(diff.rules.changed.flatMap((c) => c.parts.map((p) => `${c.id}: ${p}`)))];
  if (!jsonEqual(previous.title, candidate.title) || !jsonEqual(previous.description, candidate.description))
    parts.push("title");
  return { bump: "patch", evidence: [{ kind: "no-output-change", parts }] };
}

/**
 * Why a version cannot be released, or undefined when it can: it must be valid semver and come
 * after every earlier release of the name.
 */
export function versionProblem(
  version: string,
  earlier: readonly string[],
): { code: "invalid" | "not-greater"; latest?: string } | undefined {
  if (!parseSemver(version)) return { code: "invalid" };
  const latest = [...earlier].sort(compareSemver).at(-1);
  if (latest !== undefined && compareSemver(version, latest) <= 0) return { code: "not-greater", latest };
  return undefined;
}

/**
 * Whether the draft differs from a release in anything but build metadata, version and changelog.
 */
export function changedSince(release: Pack, draft: Pack): boolean {
  const strip = (p: Pack) => {
    const { createdAt: _c, integrity: _i, order: _o, version: _v, changelog: _l, ...rest } = p;
    return rest;
  };
  return !jsonEqual(strip(release), strip(draft));
}
