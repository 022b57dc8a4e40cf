/**
 * Why the workspace database could not be opened, for the two cases the user can act on:
 * `blocked` (another tab holds an older version open, so the upgrade waits for it) and
 * `unavailable` (this browser or mode has no usable IndexedDB, as in some private windows).
 * The UI tells them apart by `kind`; the message is English for logs only.
 */
export class WorkspaceStorageError extends Error {
  override readonly name = "WorkspaceStorageError";
  constructor(
    readonly kind: "blocked" | "unavailable",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The failure kind of a rejection from opening storage, or undefined for any other error. */
export function storageFailureKind(error: unknown): WorkspaceStorageError["kind"] | undefined {
  return error instanceof WorkspaceStorageError ? error.kind : undefined;
}

/** The global IndexedDB factory, or undefined when the environment has none (or hides it). */
export function indexedDbFactory(): IDBFactory | undefined {
  try {
    return typeof indexedDB === "undefined" || indexedDB === null ? undefined : indexedDB;
  } catch {
    // Some sandboxed frames throw a SecurityError on merely reading `indexedDB`.
    return undefined;
  }
}

export const blockedError = () =>
  new WorkspaceStorageError(
    "blocked",
    "Another tab holds the workspace open at an older version; close it or reload it, then retry.",
  );

export const unavailableError = (cause?: unknown) =>
  new WorkspaceStorageError("unavailable", "IndexedDB is not available in this browser window.", { cause });
