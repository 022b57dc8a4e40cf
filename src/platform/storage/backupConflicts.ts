import { encodeValue } from "./backupCodec";
import type { CheckedBackup } from "./backupRestore";
import type {
  DatasetMeta,
  StoredDraft,
  StoredManifest,
  StoredRelease,
  StoredRule,
  StoredRun,
} from "./records";
import { revisionOf, type DocumentChange, type WorkspaceRepositories } from "./repositories";

/** What a restore merges, one keyed store each (drafts by uri, releases by name@version). */
export type RestoreKind = "rule" | "manifest" | "draft" | "dataset" | "release" | "run";
export const RESTORE_KINDS: readonly RestoreKind[] = [
  "rule",
  "manifest",
  "draft",
  "dataset",
  "release",
  "run",
];

/** One field that differs between the stored item and the backup's, for the user to choose by. */
export interface RestoreDifference {
  /** `content` when only something not summarised here differs. */
  field: "updatedAt" | "createdAt" | "size" | "rows" | "revision" | "name" | "integrity" | "content";
  mine?: string | number;
  backup?: string | number;
}

/** An id stored both here and in the backup with different content. */
export interface RestoreConflict {
  /** `<kind>:<id>`, the key of its choice. */
  key: string;
  kind: RestoreKind;
  id: string;
  differences: RestoreDifference[];
  /** A release is immutable: it is never overwritten, so its conflict has no choice. */
  immutable: boolean;
}

export type RestoreChoice = "mine" | "backup";
/** One choice per conflict key; immutable conflicts need none. */
export type RestoreChoices = Readonly<Record<string, RestoreChoice>>;

type Counts = Record<RestoreKind, number>;

/** What restoring a backup into the workspace as it is now would do. */
export interface RestorePlan {
  /** Nothing is stored: the backup goes in whole and there is nothing to choose. */
  empty: boolean;
  conflicts: RestoreConflict[];
  /** Only in the backup: added. */
  added: Counts;
  /** In both, identical: nothing to do. */
  same: Counts;
  /** Only in the workspace: kept. */
  kept: Counts;
}

/** Thrown before anything is written when the choices do not answer the conflicts found. */
export class RestoreChoiceError extends Error {
  override name = "RestoreChoiceError";
}

export const conflictKey = (kind: RestoreKind, id: string): string => `${kind}:${id}`;

/** The codec's JSON with object keys sorted, so two equal values always give one text. */
function canonical(value: unknown): string {
  return JSON.stringify(encodeValue(value), (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

interface Side<T> {
  id: string;
  value: T;
  /** What decides "the same": datasets compare their metadata, runs their summary and results. */
  content: string;
}

interface KindItems<T> {
  kind: RestoreKind;
  mine: Side<T>[];
  backup: Side<T>[];
  differences(mine: T, backup: T): RestoreDifference[];
}

const diff = (
  field: RestoreDifference["field"],
  mine: string | number | undefined,
  backup: string | number | undefined,
): RestoreDifference[] => (mine === backup ? [] : [{ field, mine, backup }]);

const documentDifferences = (mine: StoredRule | StoredManifest, backup: StoredRule | StoredManifest) => [
  ...diff("updatedAt", mine.updatedAt, backup.updatedAt),
  ...diff("size", mine.text.length, backup.text.length),
  ...diff("revision", revisionOf(mine), revisionOf(backup)),
];

/** Everything stored now, as the backup holds it, side by side per kind. */
async function sides(repos: WorkspaceRepositories, backup: CheckedBackup) {
  const side = <T>(id: string, value: T, content: unknown = value): Side<T> => ({
    id,
    value,
    content: canonical(content),
  });
  const [rules, manifests, drafts, datasets, releases, runs] = await Promise.all([
    repos.rules.list(),
    repos.manifests.list(),
    repos.drafts.list(),
    repos.datasets.list(),
    repos.releases.list(),
    repos.runs.list(),
  ]);
  const storedRuns = await Promise.all(
    runs.map(async (summary) => ({ summary, results: await repos.runs.results(summary.id) })),
  );
  const kinds: KindItems<never>[] = [
    {
      kind: "rule",
      mine: rules.map((r) => side(r.id, r)),
      backup: backup.rules.map((r) => side(r.id, r)),
      differences: documentDifferences,
    } satisfies KindItems<StoredRule>,
    {
      kind: "manifest",
      mine: manifests.map((m) => side(m.id, m)),
      backup: backup.manifests.map((m) => side(m.id, m)),
      differences: documentDifferences,
    } satisfies KindItems<StoredManifest>,
    {
      kind: "draft",
      // Which tab typed a draft is not its content.
      mine: drafts.map(({ tab: _tab, ...d }) => side(d.uri, d as StoredDraft)),
      backup: backup.drafts.map(({ tab: _tab, ...d }) => side(d.uri, d as StoredDraft)),
      differences: (mine: StoredDraft, theirs: StoredDraft) => [
        ...diff("updatedAt", mine.updatedAt, theirs.updatedAt),
        ...diff("size", mine.text.length, theirs.text.length),
      ],
    } satisfies KindItems<StoredDraft>,
    {
      // A dataset is written once and never edited, so its metadata (created, rows, schema) tells
      // two apart without reading a million records.
      kind: "dataset",
      mine: datasets.map((d) => side(d.id, d)),
      backup: backup.datasets.map((d) => side(d.meta.id, d.meta)),
      differences: (mine: DatasetMeta, theirs: DatasetMeta) => [
        ...diff("name", mine.name, theirs.name),
        ...diff("createdAt", mine.createdAt, theirs.createdAt),
        ...diff("rows", mine.rowCount, theirs.rowCount),
      ],
    } satisfies KindItems<DatasetMeta>,
    {
      kind: "release",
      mine: releases.map((r) => side(r.id, r, r.integrity)),
      backup: backup.releases.map((r) => side(r.id, r, r.integrity)),
      differences: (mine: StoredRelease, theirs: StoredRelease) => [
        ...diff("integrity", mine.integrity, theirs.integrity),
        ...diff("createdAt", mine.releasedAt, theirs.releasedAt),
      ],
    } satisfies KindItems<StoredRelease>,
    {
      kind: "run",
      mine: storedRuns.map((r) => side(r.summary.id, r.summary, r)),
      backup: backup.runs.map((r) => side(r.summary.id, r.summary, r)),
      differences: (mine: StoredRun, theirs: StoredRun) =>
        diff("createdAt", mine.createdAt, theirs.createdAt),
    } satisfies KindItems<StoredRun>,
  ] as unknown as KindItems<never>[];
  return kinds;
}

const zero = (): Counts => ({ rule: 0, manifest: 0, draft: 0, dataset: 0, release: 0, run: 0 });

function planOf(kinds: KindItems<never>[]): RestorePlan {
  const plan: RestorePlan = { empty: true, conflicts: [], added: zero(), same: zero(), kept: zero() };
  for (const items of kinds) {
    const { kind, mine, backup } = items;
    if (mine.length > 0) plan.empty = false;
    const stored = new Map(mine.map((s) => [s.id, s]));
    const incoming = new Set(backup.map((s) => s.id));
    for (const theirs of backup) {
      const own = stored.get(theirs.id);
      if (!own) plan.added[kind]++;
      else if (own.content === theirs.content) plan.same[kind]++;
      else {
        const found = items.differences(own.value, theirs.value);
        plan.conflicts.push({
          key: conflictKey(kind, theirs.id),
          kind,
          id: theirs.id,
          differences: found.length > 0 ? found : [{ field: "content" }],
          immutable: kind === "release",
        });
      }
    }
    for (const own of mine) if (!incoming.has(own.id)) plan.kept[kind]++;
  }
  return plan;
}

/**
 * Compares a checked backup with what is stored: an id in both with different content is a
 * conflict (identical ones are not), an id only in the backup is added, one only here is kept.
 * Reads only.
 */
export async function planRestore(repos: WorkspaceRepositories, backup: CheckedBackup): Promise<RestorePlan> {
  return planOf(await sides(repos, backup));
}

/**
 * Merges a checked backup into the workspace by `choices`. The plan is worked out again first and
 * every conflict must have a choice (a tab that changed the workspace since the dialog gives a
 * conflict the user never saw): otherwise `RestoreChoiceError` and nothing is written. Then, in
 * order: datasets (each through a writer, so a failed one leaves nothing; on any failure the
 * datasets this restore added are removed again), every document and draft in one transaction
 * that fails whole if another tab saved one of them meanwhile, new releases (a conflicting one is
 * never overwritten: releases are immutable), runs.
 */
export async function applyRestore(
  repos: WorkspaceRepositories,
  backup: CheckedBackup,
  choices: RestoreChoices,
  options: { progress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const kinds = await sides(repos, backup);
  const plan = planOf(kinds);
  const open = plan.conflicts.filter((c) => !c.immutable && choices[c.key] === undefined);
  if (open.length > 0)
    throw new RestoreChoiceError(
      `No choice was made for ${open.map((c) => c.key).join(", ")}; the workspace may have changed since. Nothing was restored.`,
    );
  const conflicted = new Map(plan.conflicts.map((c) => [c.key, c]));
  /** Whether the backup's item goes in: added, or a conflict the user gave to the backup. */
  const takes = (kind: RestoreKind, id: string, stored: boolean): boolean => {
    const conflict = conflicted.get(conflictKey(kind, id));
    if (conflict) return !conflict.immutable && choices[conflict.key] === "backup";
    return !stored;
  };
  const storedIds = new Map(kinds.map((k) => [k.kind, new Map(k.mine.map((s) => [s.id, s.value]))]));
  const isStored = (kind: RestoreKind, id: string) => storedIds.get(kind)!.has(id);

  // Datasets: new ones first, replacements last (a replacement deletes the old one before writing).
  const datasets = backup.datasets
    .map((d, n) => ({ ...d, n, replaces: isStored("dataset", d.meta.id) }))
    .filter((d) => takes("dataset", d.meta.id, d.replaces))
    .sort((a, b) => Number(a.replaces) - Number(b.replaces));
  const total = datasets.reduce((sum, d) => sum + d.meta.rowCount, 0);
  let done = 0;
  const added: string[] = [];
  try {
    for (const { meta, parts, n, replaces } of datasets) {
      if (replaces) await repos.datasets.delete(meta.id);
      const { rowCount: _rows, ...start } = meta;
      const writer = await repos.datasets.begin(start);
      if (!writer) throw new Error(`The dataset ${meta.id} is being written by another tab; try again.`);
      try {
        for (let part = 0; part < parts; part++) {
          const records = backup.readPart(n, part);
          await writer.append(records);
          done += records.length;
          options.progress?.(done, total);
        }
        await writer.commit();
      } catch (error) {
        await writer.abort().catch(() => undefined);
        throw error;
      }
      if (!replaces) added.push(meta.id);
    }

    const rule = (id: string) => storedIds.get("rule")!.get(id) as StoredRule | undefined;
    const manifest = (id: string) => storedIds.get("manifest")!.get(id) as StoredManifest | undefined;
    const changes: DocumentChange[] = [
      ...backup.rules
        .filter((doc) => takes("rule", doc.id, isStored("rule", doc.id)))
        .map((doc) => ({
          type: "put" as const,
          kind: "rule" as const,
          doc,
          ifRevision: revisionOf(rule(doc.id)),
        })),
      ...backup.manifests
        .filter((doc) => takes("manifest", doc.id, isStored("manifest", doc.id)))
        .map((doc) => ({
          type: "put" as const,
          kind: "manifest" as const,
          doc,
          ifRevision: revisionOf(manifest(doc.id)),
        })),
      ...backup.drafts
        .filter((draft) => takes("draft", draft.uri, isStored("draft", draft.uri)))
        .map((draft) => ({ type: "putDraft" as const, draft })),
    ];
    if (changes.length > 0) {
      const committed = await repos.commit(changes);
      if (!committed.ok) throw new Error("Another tab changed the workspace during the restore; try again.");
    }
  } catch (error) {
    for (const id of added) await repos.datasets.delete(id).catch(() => undefined);
    throw error;
  }

  for (const release of backup.releases)
    if (!isStored("release", release.id)) await repos.releases.put(release);
  for (const { summary, results } of backup.runs)
    if (takes("run", summary.id, isStored("run", summary.id))) await repos.runs.put(summary, results);
}
