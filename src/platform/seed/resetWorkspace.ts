import { prepareSeed, type SeedBundle, type SeedPlan } from "./prepareSeed";
import { SEED_VERSION } from "./seedWorkspace";
import { revisionOf, type DocumentChange, type WorkspaceRepositories } from "../storage/repositories";

/** What `Workspace: Reset to Samples` will do, listed before it asks (nothing is written to plan it). */
export interface ResetPlan {
  seed: SeedPlan;
  /** Rules and manifests the user made that are not shipped: deleted. */
  added: { rules: string[]; manifests: string[] };
  /** Shipped documents whose stored text the user changed: their shipped text is put back. */
  changed: { rules: string[]; manifests: string[] };
  /** Shipped documents the user deleted: put back. */
  restored: { rules: string[]; manifests: string[] };
  /** Unsaved drafts (uris), all discarded. */
  drafts: string[];
  /** The sample datasets, put back as shipped (their ids). */
  samples: string[];
  /** True when the documents are exactly the shipped ones and there are no drafts (see `resetIsNoop`). */
  noop: boolean;
  /** What stays exactly as it is. */
  kept: { datasets: number; releases: number; runs: number };
}

/** Whether a reset would change nothing stored. */
export function resetIsNoop(plan: ResetPlan): boolean {
  const { added, changed, restored, drafts } = plan;
  return (
    [added, changed, restored].every((d) => d.rules.length + d.manifests.length === 0) && drafts.length === 0
  );
}

function compare<T extends { id: string; text: string }>(stored: readonly T[], shipped: readonly T[]) {
  const byId = new Map(stored.map((d) => [d.id, d]));
  const shippedIds = new Set(shipped.map((d) => d.id));
  return {
    added: stored.filter((d) => !shippedIds.has(d.id)).map((d) => d.id),
    changed: shipped.filter((d) => byId.has(d.id) && byId.get(d.id)!.text !== d.text).map((d) => d.id),
    restored: shipped.filter((d) => !byId.has(d.id)).map((d) => d.id),
  };
}

/** Reads the shipped samples and compares them with what is stored. */
export async function planReset(
  repos: WorkspaceRepositories,
  load: () => Promise<SeedBundle>,
  now: () => Date = () => new Date(),
): Promise<ResetPlan> {
  const seed = prepareSeed(await load(), now().toISOString());
  const [rules, manifests, drafts, datasets, releases, runs] = await Promise.all([
    repos.rules.list(),
    repos.manifests.list(),
    repos.drafts.list(),
    repos.datasets.list(),
    repos.releases.list(),
    repos.runs.list(),
  ]);
  const r = compare(rules, seed.rules);
  const m = compare(manifests, seed.manifests);
  const samples = seed.datasets.map((d) => d.meta.id);
  const plan: ResetPlan = {
    seed,
    added: { rules: r.added, manifests: m.added },
    changed: { rules: r.changed, manifests: m.changed },
    restored: { rules: r.restored, manifests: m.restored },
    drafts: drafts.map((d) => d.uri),
    samples,
    noop: false,
    kept: {
      datasets: datasets.filter((d) => !samples.includes(d.id)).length,
      releases: releases.length,
      runs: runs.length,
    },
  };
  plan.noop = resetIsNoop(plan);
  return plan;
}

/**
 * Puts the shipped rules, manifests and sample datasets back: every rule and manifest becomes the
 * shipped one (the user's own are deleted, with every draft), in one transaction; each sample
 * dataset is replaced by the shipped records. The user's other datasets, released packs and saved
 * runs are not touched. Shipped documents get a new revision, so an editor still holding the old
 * text in another tab cannot save over the reset unnoticed.
 */
export async function applyReset(repos: WorkspaceRepositories, plan: ResetPlan): Promise<void> {
  const [rules, manifests, drafts] = await Promise.all([
    repos.rules.list(),
    repos.manifests.list(),
    repos.drafts.list(),
  ]);
  const revision = new Map([...rules, ...manifests].map((d) => [d.id, revisionOf(d)]));
  const shipped = new Set([...plan.seed.rules, ...plan.seed.manifests].map((d) => d.id));
  const changes: DocumentChange[] = [
    ...rules
      .filter((d) => !shipped.has(d.id))
      .map((d) => ({ type: "delete" as const, kind: "rule" as const, id: d.id })),
    ...manifests
      .filter((d) => !shipped.has(d.id))
      .map((d) => ({ type: "delete" as const, kind: "manifest" as const, id: d.id })),
    ...drafts.map((d) => ({ type: "deleteDraft" as const, uri: d.uri })),
    ...plan.seed.rules.map((doc) => ({
      type: "put" as const,
      kind: "rule" as const,
      doc: { ...doc, revision: (revision.get(doc.id) ?? 0) + 1 },
    })),
    ...plan.seed.manifests.map((doc) => ({
      type: "put" as const,
      kind: "manifest" as const,
      doc: { ...doc, revision: (revision.get(doc.id) ?? 0) + 1 },
    })),
  ];
  const committed = await repos.commit(changes);
  if (!committed.ok) throw new Error("Another tab changed the workspace during the reset; try again.");
  for (const { meta, records } of plan.seed.datasets) {
    await repos.datasets.delete(meta.id);
    await repos.datasets.create(meta, records);
  }
  await repos.meta.setSeedMarker({ version: SEED_VERSION, seededAt: plan.seed.rules[0]?.createdAt ?? "" });
}
