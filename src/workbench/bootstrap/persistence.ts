import type { AnyActorRef } from "xstate";
import type { MetaKey, MetaValues, WorkspaceRepositories } from "../../platform";

type StoredKey = Exclude<MetaKey, "seed">;

/**
 * Writes a derived value of an actor to the meta store whenever it changes, at most every `delay` ms
 * (dragging a sash or typing in settings sends many events), and once more when the page hides so the
 * last change is not lost. Failures are reported, never thrown into the UI.
 */
export function persistActor<K extends StoredKey>(
  actor: AnyActorRef,
  repos: WorkspaceRepositories,
  key: K,
  derive: (snapshot: unknown) => MetaValues[K],
  onError: (error: unknown) => void,
  delay = 300,
): void {
  let last = JSON.stringify(derive(actor.getSnapshot()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const value = derive(actor.getSnapshot());
    const text = JSON.stringify(value);
    if (text === last) return;
    last = text;
    repos.meta.setValue(key, value).catch(onError);
  };
  actor.subscribe(() => {
    if (timer === undefined) timer = setTimeout(flush, delay);
  });
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
}

/** Reads a stored value, or undefined when storage cannot be read (the app still starts). */
export async function readStored<K extends StoredKey>(
  repos: WorkspaceRepositories,
  key: K,
): Promise<MetaValues[K] | undefined> {
  try {
    return await repos.meta.getValue(key);
  } catch {
    return undefined;
  }
}
