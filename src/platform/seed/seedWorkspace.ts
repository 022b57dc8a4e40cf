import type { Problem } from "../../engine";
import type { WorkspaceRepositories } from "../storage/repositories";
import { prepareSeed, type SeedBundle } from "./prepareSeed";

/**
 * Version of what the first start loads. Raise it when the shipped rules or samples gain items that
 * existing profiles should receive: the next start then adds what is missing (never overwriting).
 */
export const SEED_VERSION = 1;

/** What a seed run did. */
export interface SeedReport {
  /** False when this profile had been seeded already and nothing was read or written. */
  ran: boolean;
  /** How many items were written (items already stored are never overwritten, so not counted). */
  added: { rules: number; manifests: number; datasets: number };
  /** Seed files or records that could not be loaded, with file, line and column. */
  problems: Problem[];
}

/** Whether this profile still needs the shipped rules and samples. */
export async function needsSeed(repos: WorkspaceRepositories): Promise<boolean> {
  const marker = await repos.meta.getSeedMarker();
  return marker === undefined || marker.version < SEED_VERSION;
}

/**
 * Loads the shipped rule library and sample datasets into the workspace, once per browser profile.
 * `load` reads the seed files and is only called when seeding is due. Only items whose id is not
 * stored are written, and the marker is written last: a run cut short is completed by the next
 * start without duplicates, and once the marker is there nothing the user changed or deleted since
 * is touched again.
 */
export async function seedWorkspace(
  repos: WorkspaceRepositories,
  load: () => Promise<SeedBundle>,
  options: { now?: () => Date } = {},
): Promise<SeedReport> {
  const none = { rules: 0, manifests: 0, datasets: 0 };
  if (!(await needsSeed(repos))) return { ran: false, added: none, problems: [] };
  const now = options.now ?? (() => new Date());
  const at = now().toISOString();
  const plan = prepareSeed(await load(), at);
  const rules = await repos.rules.addMissing(plan.rules);
  const manifests = await repos.manifests.addMissing(plan.manifests);
  let datasets = 0;
  for (const { meta, records } of plan.datasets) {
    if (await repos.datasets.create(meta, records)) datasets++;
  }
  await repos.meta.setSeedMarker({ version: SEED_VERSION, seededAt: at });
  return {
    ran: true,
    added: { rules: rules.length, manifests: manifests.length, datasets },
    problems: plan.problems,
  };
}
