import type { LocalizedText } from "../../base";
import { locatePointer, type Pack, type Problem } from "../../engine";
import type { ReleaseCheck, ReleaseOutcome, ReleaseProblem } from "../../machines";
import {
  bumpVersion,
  buildWorkspacePack,
  changedSince,
  changelogNotes,
  importPackFile,
  packImpact,
  referenceDatasetOf,
  REFERENCE_DATASET_KEY,
  releaseId,
  releaseManifestText,
  suggestBump,
  versionProblem,
  type DatasetMeta,
  type DocumentStore,
  planDraftFromRelease,
  type ImportOutcome,
  type ReleaseChannel,
  type ReleaseRepository,
  type SaveResult,
  type StoredManifest,
  type StoredRelease,
  type WorkspaceLists,
} from "../../platform";

export { REFERENCE_DATASET_KEY };

/**
 * Guardrails on the reference dataset: given the candidate pack and the dataset's records, what
 * blocks the release. The simulation part defines guardrails (a manifest extension); until it is
 * wired here with {@link ReleaseService.setGuardrails}, the check finds nothing.
 */
export type GuardrailCheck = (input: {
  pack: Pack;
  dataset: DatasetMeta;
  records: readonly unknown[];
}) => Promise<ReleaseProblem[]>;

/** A manifest as the Packs view shows it: its draft state next to its released versions. */
export interface DraftState {
  manifestId: string;
  name: string;
  version: string;
  valid: boolean;
  errors: number;
  tests: { passed: number; failed: number };
  /**
   * Against the release of the draft's version when there is one, else the latest release of the
   * name; null when the draft does not build or the name was never released.
   */
  changedSinceRelease: boolean | null;
  latestRelease?: string;
}

export interface ReleaseService {
  /** Every stored release (by name, newest first), as last read. */
  list(): readonly StoredRelease[];
  subscribe: (listener: () => void) => () => void;
  snapshot: () => number;
  /** Reads the stored releases again and tells the subscribers. */
  refresh(): Promise<void>;
  /** The release machine's `check`: validation, tests and the bump suggestion with its evidence. */
  check(manifestId: string): Promise<ReleaseCheck>;
  /** The release machine's `guardrails` on the check's reference dataset. */
  guardrails(input: { manifestId: string; check: ReleaseCheck }): Promise<ReleaseProblem[]>;
  setGuardrails(check: GuardrailCheck): void;
  /** The release machine's `release`: builds with `buildPack` and stores the release. */
  release(input: {
    manifestId: string;
    version: string;
    notes: string;
    diffedAgainst?: string;
  }): Promise<ReleaseOutcome>;
  /** `Pack: Import…`: verify and store, or say why not. */
  importText(file: string, text: string): Promise<ImportOutcome>;
  delete(name: string, version: string): Promise<boolean>;
  /** The draft state of every manifest (builds each, as `crw pack build` would). */
  draftStates(): Promise<DraftState[]>;
  /**
   * Starts a new draft from a released version: stores the rules of it the workspace lacks and a
   * manifest at `version` including them (see `planDraftFromRelease`). The release is only read.
   */
  startDraft(releaseId: string, version: string): Promise<DraftStarted>;
}

/** What {@link ReleaseService.startDraft} stored. */
export interface DraftStarted {
  manifestId: string;
  manifestFile: string;
  created: string[];
  reused: string[];
  diverged: string[];
}

/** The document store's save, which creates a document when given revision 0. */
export type DocumentCreator = Pick<DocumentStore, "save">;

export interface ReleaseServiceDependencies {
  repository: ReleaseRepository;
  lists(): WorkspaceLists;
  activeDatasetId(): string | null;
  records(datasetId: string): Promise<unknown[]>;
  locale(): string;
  now?(): Date;
  /** Where a new draft's documents are stored (the workspace's document store). */
  documents?: DocumentCreator;
  /** Tells the workbench's other tabs about releases stored or deleted here, and hears theirs. */
  channel?: ReleaseChannel;
}

function problemOf(problem: Problem, source: ReleaseProblem["source"]): ReleaseProblem {
  const found: ReleaseProblem = { source, code: problem.code, message: problem.message };
  if (problem.file !== undefined) found.file = problem.file;
  if (problem.line !== undefined) found.line = problem.line;
  if (problem.column !== undefined) found.column = problem.column;
  return found;
}

/** Why a new draft's document was not stored, in a sentence. */
function draftFailure(result: Exclude<SaveResult, { status: "saved" }>): string {
  if (result.status === "conflict") return "a document with this id exists already";
  return result.problems.map((p) => p.message.en).join("; ");
}

export function createReleaseService(deps: ReleaseServiceDependencies): ReleaseService {
  const now = () => (deps.now ? deps.now() : new Date());
  let releases: StoredRelease[] = [];
  let version = 0;
  const listeners = new Set<() => void>();
  let guardrailCheck: GuardrailCheck = () => Promise.resolve([]);
  const lastChecked = new Map<string, { pack: Pack; dataset?: DatasetMeta }>();

  const manifestOf = (id: string): StoredManifest => {
    const manifest = deps.lists().manifests.find((m) => m.id === id);
    if (!manifest) throw new Error(`There is no manifest "${id}" in the workspace.`);
    return manifest;
  };

  const service: ReleaseService = {
    list: () => releases,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => version,
    async refresh() {
      releases = await deps.repository.list();
      version++;
      for (const listener of [...listeners]) listener();
    },
    async check(manifestId) {
      const lists = deps.lists();
      const manifest = manifestOf(manifestId);
      const reference = referenceDatasetOf(manifest, lists.datasets);
      const dataset = "dataset" in reference ? reference.dataset : undefined;
      const built = await buildWorkspacePack(lists, manifest, {
        createdAt: now().toISOString(),
        ...(dataset?.schema === undefined ? {} : { datasetSchema: dataset.schema }),
      });
      const problems: ReleaseProblem[] = built.problems
        .filter((p) => p.severity === "error" && p.code !== "pack/tests-failed")
        .map((p) => problemOf(p, "validation"));
      const warnings = built.problems
        .filter((p) => p.severity !== "error")
        .map((p) => problemOf(p, "validation"));
      for (const test of built.tests.filter((t) => !t.passed)) {
        const at = test.text === undefined ? undefined : locatePointer(test.text, test.pointer);
        const reason: LocalizedText = test.message ?? { en: "failed", "zh-CN": "失败" };
        problems.push({
          source: "test",
          code: "test/failed",
          message: {
            en: `${test.rule}: test "${test.test}" ${reason.en}`,
            "zh-CN": `${test.rule}：测试“${test.test}”${reason["zh-CN"] ?? reason.en}`,
          },
          file: test.file,
          ...(at ? { line: at.line, column: at.column } : {}),
        });
      }
      // Without its reference dataset a release has no evidence and no guardrails: it is blocked.
      if ("problem" in reference) problems.push({ source: "dataset", ...reference.problem });
      const earlierReleases = await deps.repository.listByName(manifest.manifest.name);
      const earlier = earlierReleases.map((r) => r.version);
      const latest = earlierReleases[0];
      const check: ReleaseCheck = {
        manifestId,
        name: manifest.manifest.name,
        manifestVersion: manifest.manifest.version,
        problems,
        warnings,
        tests: {
          passed: built.tests.filter((t) => t.passed).length,
          failed: built.tests.filter((t) => !t.passed).length,
        },
        earlier,
        suggestedVersion: manifest.manifest.version,
        notes: "",
      };
      if (built.pack) {
        const previous = latest?.pack as Pack | undefined;
        if (dataset) {
          const records = await deps.records(dataset.id);
          const impact = await packImpact(previous, built.pack, records);
          check.suggestion = suggestBump(previous, built.pack, { ...impact, dataset: dataset.name });
          check.dataset = { id: dataset.id, name: dataset.name, records: records.length };
        } else check.suggestion = suggestBump(previous, built.pack);
        lastChecked.set(manifestId, { pack: built.pack, ...(dataset ? { dataset } : {}) });
      }
      const manifestVersionFits = versionProblem(manifest.manifest.version, earlier) === undefined;
      if (!manifestVersionFits && latest && check.suggestion)
        check.suggestedVersion = bumpVersion(latest.version, check.suggestion.bump) ?? check.suggestedVersion;
      check.notes = changelogNotes(manifest.manifest.changelog, check.suggestedVersion, deps.locale());
      return check;
    },
    async guardrails({ manifestId }) {
      const checked = lastChecked.get(manifestId);
      if (!checked?.dataset) return [];
      const records = await deps.records(checked.dataset.id);
      return guardrailCheck({ pack: checked.pack, dataset: checked.dataset, records });
    },
    setGuardrails(check) {
      guardrailCheck = check;
    },
    async release({ manifestId, version: releaseVersion, notes, diffedAgainst }) {
      const lists = deps.lists();
      const manifest = manifestOf(manifestId);
      const at = now();
      const text = releaseManifestText(manifest.text, releaseVersion, notes, at.toISOString().slice(0, 10));
      const built = await buildWorkspacePack(
        lists,
        { file: manifest.file, text },
        { createdAt: at.toISOString() },
      );
      if (!built.pack) {
        const first = built.problems.find((p) => p.severity === "error");
        throw new Error(
          `${manifest.manifest.name} ${releaseVersion} was not built: ${first?.message.en ?? "a test failed"}`,
        );
      }
      const pack = built.pack;
      const record: StoredRelease = {
        id: releaseId(pack.name, pack.version),
        name: pack.name,
        version: pack.version,
        pack,
        integrity: pack.integrity,
        notes,
        releasedAt: at.toISOString(),
        ...(diffedAgainst === undefined ? {} : { diffedAgainst }),
        manifest: { id: manifest.id, file: manifest.file, text },
      };
      const stored = await deps.repository.put(record);
      if (!stored.ok) {
        throw new Error(
          `${pack.name} ${pack.version} is released already (${stored.existing.integrity.slice(0, 15)}…, ${stored.existing.releasedAt}); a released version never changes, choose a greater version.`,
        );
      }
      await service.refresh();
      deps.channel?.post({ type: "release.stored", id: record.id });
      return { id: record.id, version: record.version, integrity: record.integrity };
    },
    async importText(file, text) {
      const outcome = await importPackFile(deps.repository, { file, text }, now().toISOString());
      if (outcome.kind === "imported") {
        await service.refresh();
        deps.channel?.post({ type: "release.stored", id: outcome.release.id });
      }
      return outcome;
    },
    async delete(name, releaseVersion) {
      const removed = await deps.repository.delete(name, releaseVersion, now().toISOString());
      await service.refresh();
      if (removed) deps.channel?.post({ type: "release.deleted", id: releaseId(name, releaseVersion) });
      return removed;
    },
    async draftStates() {
      const lists = deps.lists();
      const states: DraftState[] = [];
      for (const manifest of lists.manifests) {
        const built = await buildWorkspacePack(lists, manifest, { createdAt: now().toISOString() });
        // A draft of a released version is compared with that release, any other with the latest.
        const latest =
          releases.find(
            (r) => r.name === manifest.manifest.name && r.version === manifest.manifest.version,
          ) ?? releases.find((r) => r.name === manifest.manifest.name);
        const errors = built.problems.filter((p) => p.severity === "error" && p.code !== "pack/tests-failed");
        states.push({
          manifestId: manifest.id,
          name: manifest.manifest.name,
          version: manifest.manifest.version,
          valid: errors.length === 0,
          errors: errors.length,
          tests: {
            passed: built.tests.filter((t) => t.passed).length,
            failed: built.tests.filter((t) => !t.passed).length,
          },
          changedSinceRelease: built.pack && latest ? changedSince(latest.pack as Pack, built.pack) : null,
          ...(latest ? { latestRelease: latest.version } : {}),
        });
      }
      return states;
    },
    async startDraft(releaseIdOf, draftVersion) {
      const documents = deps.documents;
      if (!documents) throw new Error("The release service was created without a document store.");
      const at = releaseIdOf.lastIndexOf("@");
      const release = await deps.repository.get(releaseIdOf.slice(0, at), releaseIdOf.slice(at + 1));
      if (!release) throw new Error(`There is no released version ${releaseIdOf.replace("@", " ")}.`);
      const plan = planDraftFromRelease(release, deps.lists(), draftVersion);
      // Rules first: a manifest naming rules that are not stored would not build.
      for (const rule of plan.create) {
        const saved = await documents.save({ kind: "rule", id: rule.id }, rule.text, 0);
        if (saved.status !== "saved") throw new Error(`${rule.file}: ${draftFailure(saved)}`);
      }
      const saved = await documents.save({ kind: "manifest", id: plan.manifest.id }, plan.manifest.text, 0);
      if (saved.status !== "saved") throw new Error(`${plan.manifest.file}: ${draftFailure(saved)}`);
      return {
        manifestId: plan.manifest.id,
        manifestFile: plan.manifest.file,
        created: plan.create.map((r) => r.id),
        reused: plan.reuse,
        diverged: plan.diverged,
      };
    },
  };
  // Another tab released, imported or deleted: read the store again, so every view shows it.
  deps.channel?.subscribe(() => {
    void service.refresh().catch(() => undefined);
  });
  return service;
}
