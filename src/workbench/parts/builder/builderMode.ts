import { useSyncExternalStore } from "react";

/**
 * Which rule editors show the visual builder instead of the code, by editor key (`rule:<id>`). Both
 * views edit the same Monaco model, so switching never loses text or undo history.
 */
const shown = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

export const builderMode = {
  isOn: (key: string) => shown.has(key),
  toggle(key: string) {
    if (shown.has(key)) shown.delete(key);
    else shown.add(key);
    version++;
    for (const l of [...listeners]) l();
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  snapshot: () => version,
};

export function useBuilderMode(key: string): boolean {
  useSyncExternalStore(builderMode.subscribe, builderMode.snapshot);
  return builderMode.isOn(key);
}
