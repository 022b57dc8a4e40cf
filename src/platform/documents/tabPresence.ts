/** Lock names a tab holds for its whole life, so other tabs can tell it is alive. */
const PREFIX = "crw-tab:";

/** The Web Locks API where the browser has it (every current one does; Node does not). */
function locks(): LockManager | undefined {
  return typeof navigator === "undefined" ? undefined : navigator.locks;
}

/**
 * Marks this tab alive for as long as it lives: the browser releases the lock when the tab closes,
 * reloads or is killed. Resolves once the lock is held.
 */
export function claimTab(id: string): Promise<void> {
  const manager = locks();
  if (!manager) return Promise.resolve();
  return new Promise<void>((held) => {
    void manager.request(`${PREFIX}${id}`, () => {
      held();
      // Never settles: the lock goes with the tab.
      return new Promise<never>(() => undefined);
    });
  });
}

/** The ids of the workbench tabs alive on this profile now (this one included, once claimed). */
export async function aliveTabs(): Promise<Set<string>> {
  const manager = locks();
  if (!manager) return new Set();
  const { held = [] } = await manager.query();
  return new Set(
    held.flatMap((lock) => (lock.name?.startsWith(PREFIX) ? [lock.name.slice(PREFIX.length)] : [])),
  );
}

/** A fresh id for this tab. */
export function newTabId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
