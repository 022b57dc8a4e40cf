import { toDisposable, type Disposable } from "../../base";

/**
 * The workbench's context keys (`focusedPart`, `activeEditorKind`, `inputFocus`, …) that `when`
 * clauses read. Observable so the palette and menus re-render when the context changes.
 */
export class ContextKeys {
  private readonly values = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  get = (key: string): unknown => this.values.get(key);

  set(key: string, value: unknown): void {
    if (this.values.get(key) === value) return;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  /** A number that changes whenever a key does (for `useSyncExternalStore`). */
  snapshot = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onChange(listener: () => void): Disposable {
    return toDisposable(this.subscribe(listener));
  }
}
