import type { SeedBundle } from "../seed/prepareSeed";
import type { ResetPlan } from "../seed/resetWorkspace";
import { checkStorageRoom, StorageFullError, type StorageManagerLike } from "./quota";
import type { BackupCheck, CheckedBackup, RestoreImpact } from "./backupRestore";
import type { BackupHeader } from "./backupWrite";
import type { RestoreChoices, RestorePlan } from "./backupConflicts";
import type { WorkspaceRepositories } from "./repositories";

type Progress = (done: number, total: number) => void;

/** The whole workspace at once: back up, restore, reset to the shipped samples. */
export interface WorkspaceDataService {
  /** The backup zip and its file name (`workspace-<date>.crw.zip`). */
  backUp(progress?: Progress): Promise<{ blob: Blob; name: string; header: BackupHeader }>;
  /** Reads and checks a backup file whole; writes nothing. */
  check(file: Blob): Promise<BackupCheck>;
  /** What is stored now. */
  impact(): Promise<RestoreImpact>;
  /** What restoring the backup would add, keep and leave to choose (its conflicts); writes nothing. */
  plan(backup: CheckedBackup): Promise<RestorePlan>;
  /**
   * Merges a checked backup into the workspace by the user's choice per conflict (see
   * `applyRestore`); refused up front (`StorageFullError`) when its records will not fit the free
   * quota.
   */
  restore(backup: CheckedBackup, choices: RestoreChoices, progress?: Progress): Promise<void>;
  /** What a reset to the samples would change. */
  planReset(): Promise<ResetPlan>;
  reset(plan: ResetPlan): Promise<void>;
}

/**
 * The service over the workspace's repositories. The backup, restore and reset code is loaded on
 * first use: these commands are rare, and the main chunk has a size budget.
 */
export function createWorkspaceDataService(
  repos: WorkspaceRepositories,
  loadSeed: () => Promise<SeedBundle>,
  options: { now?: () => Date; storage?: StorageManagerLike } = {},
): WorkspaceDataService {
  const now = options.now ?? (() => new Date());
  const writing = () => import("./backupWrite");
  const restoring = () => import("./backupRestore");
  const merging = () => import("./backupConflicts");
  const resetting = () => import("../seed/resetWorkspace");
  return {
    async backUp(progress) {
      const { writeBackup, backupFileName } = await writing();
      const { parts, header } = await writeBackup(repos, { now, ...(progress ? { progress } : {}) });
      return {
        blob: new Blob(parts as BlobPart[], { type: "application/zip" }),
        name: backupFileName(now()),
        header,
      };
    },
    check: async (file) => (await restoring()).readBackup(new Uint8Array(await file.arrayBuffer())),
    impact: async () => (await restoring()).restoreImpact(repos),
    plan: async (backup) => (await merging()).planRestore(repos, backup),
    async restore(backup, choices, progress) {
      const room = await checkStorageRoom(Math.ceil(backup.datasetBytes * 1.2), options.storage);
      if (!room.fits) throw new StorageFullError(room.needed, room.free);
      await (await merging()).applyRestore(repos, backup, choices, progress ? { progress } : {});
    },
    planReset: async () => (await resetting()).planReset(repos, loadSeed, now),
    reset: async (plan) => (await resetting()).applyReset(repos, plan),
  };
}
