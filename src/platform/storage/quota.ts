/**
 * Storage that fails safe: how much room the browser gives this workspace, whether it keeps the
 * data under storage pressure, and telling a full disk apart from other write failures.
 */

/** The part of `navigator.storage` used here (absent in old browsers and some private modes). */
export interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

/** The browser's storage manager, or undefined where there is none (Node, tests, old browsers). */
export function browserStorage(): StorageManagerLike | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.storage;
}

/** Whether a write would fit: `free` is quota minus usage; unknown quota counts as fitting. */
export type RoomCheck = { fits: true } | { fits: false; needed: number; free: number };

/**
 * Whether `needed` more bytes fit in this origin's quota. Where the browser cannot say (no
 * `estimate()`, or it fails) the write is allowed: a full disk is then still caught during the write.
 */
export async function checkStorageRoom(
  needed: number,
  storage: StorageManagerLike | undefined = browserStorage(),
): Promise<RoomCheck> {
  if (!storage?.estimate) return { fits: true };
  try {
    const { usage = 0, quota } = await storage.estimate();
    if (quota === undefined || quota <= 0) return { fits: true };
    const free = Math.max(0, quota - usage);
    return needed <= free ? { fits: true } : { fits: false, needed, free };
  } catch {
    return { fits: true };
  }
}

/** A write refused up front because it would not fit (see {@link checkStorageRoom}). */
export class StorageFullError extends Error {
  constructor(
    readonly needed: number,
    readonly free: number,
  ) {
    super(`Not enough storage: about ${needed} bytes are needed and ${free} are free.`);
    this.name = "StorageFullError";
  }
}

/** Whether an error is the browser refusing a write for lack of quota (IndexedDB's `QuotaExceededError`). */
export function isQuotaError(error: unknown): boolean {
  if (error instanceof StorageFullError) return true;
  if (typeof error !== "object" || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Code 22 is the legacy number of QUOTA_EXCEEDED_ERR; Firefox once named it NS_ERROR_DOM_QUOTA_REACHED.
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22;
}

/** Whether the browser keeps this workspace's data under storage pressure; undefined when it cannot say. */
export type Persistence = "persistent" | "best-effort" | "unknown";

/**
 * Asks once for persistent storage (the workspace exists only in this browser, so eviction would
 * lose it) and says what the browser granted. Browsers may grant silently, ask, or refuse.
 */
export async function requestPersistence(
  storage: StorageManagerLike | undefined = browserStorage(),
): Promise<Persistence> {
  try {
    if (storage?.persisted && (await storage.persisted())) return "persistent";
    if (!storage?.persist) return "unknown";
    return (await storage.persist()) ? "persistent" : "best-effort";
  } catch {
    return "unknown";
  }
}
