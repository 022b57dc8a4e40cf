import type { SeedBundle } from "../seed/prepareSeed";
import { applyReset, planReset, type ResetPlan } from "../seed/resetWorkspace";
import { checkStorageRoom, StorageFullError, type StorageManagerLike } from "./quota";
import {
  readBackup,
  restoreBackup,
  restoreImpact,
  type BackupCheck,
  type CheckedBackup,
  type RestoreImpact,
} from "./backupRestore";
import { backupFileName, writeBackup, type BackupHeader } from "./backupWrite";
import type { WorkspaceRepositories } from "./repositories";

type Progress = (done: number, total: number) => void;

/** The whole workspace at once: back up, restore, reset to the shipped samples. */
export interface WorkspaceDataService {
  /** The backup zip and its file name (`workspace-<date>.crw.zip`). */
  backUp(progress?: Progress): Promise<{ blob: Blob; name: string; header: BackupHeader }>;
  /** Reads and checks a backup file whole; writes nothing. */
  check(file: Blob): Promise<BackupCheck>;
  /** What is stored now, all of which a restore replaces. */
  impact(): Promise<RestoreImpact>;
  /**
   * Replaces the workspace with a checked backup; refused up front (`StorageFullError`) when its
   * records will not fit the free quota.
   */
  restore(backup: CheckedBackup, progress?: Progress): Promise<void>;
  /** What a reset to the samples would change. */
  planReset(): Promise<ResetPlan>;
  reset(plan: ResetPlan): Promise<void>;
}

export function createWorkspaceDataService(
  repos: WorkspaceRepositories,
  loadSeed: () => Promise<SeedBundle>,
  options: { now?: () => Date; storage?: StorageManagerLike } = {},
): WorkspaceDataService {
  const now = options.now ?? (() => new Date());
  return {
    async backUp(progress) {
      const { parts, header } = await writeBackup(repos, { now, ...(progress ? { progress } : {}) });
      return {
        blob: new Blob(parts as BlobPart[], { type: "application/zip" }),
        name: backupFileName(now()),
        header,
      };
    },
    check: async (file) => readBackup(new Uint8Array(await file.arrayBuffer())),
    impact: () => restoreImpact(repos),
    async restore(backup, progress) {
      const room = await checkStorageRoom(Math.ceil(backup.datasetBytes * 1.2), options.storage);
      if (!room.fits) throw new StorageFullError(room.needed, room.free);
      await restoreBackup(repos, backup, { now, ...(progress ? { progress } : {}) });
    },
    planReset: () => planReset(repos, loadSeed, now),
    reset: (plan) => applyReset(repos, plan),
  };
}
