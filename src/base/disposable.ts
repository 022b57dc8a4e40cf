/** Something that holds a resource (a listener, a registration) until it is disposed. */
export interface Disposable {
  dispose(): void;
}

/** Disposes many disposables at once, in reverse order of addition, and only once. */
export class DisposableStore implements Disposable {
  private items: Disposable[] = [];
  private disposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of this.items.reverse()) item.dispose();
    this.items = [];
  }
}

export const toDisposable = (dispose: () => void): Disposable => ({ dispose });
