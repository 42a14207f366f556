// A small Disposable base for the extension's parts (no vscode here, so it is unit-tested as is): what a
// part registers is disposed with it, and a DisposableStore can be emptied and refilled, e.g. by a
// webview view that VS Code resolves again: the old view's listeners go before the new ones come.

export interface DisposableLike {
  dispose(): unknown;
}

export class DisposableStore implements DisposableLike {
  private items: DisposableLike[] = [];
  private disposed = false;

  /** Keeps `item` until clear() or dispose(); after dispose() it is disposed at once. */
  add<T extends DisposableLike>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** Disposes everything held so far; the store stays usable. */
  clear(): void {
    const items = this.items;
    this.items = [];
    for (const item of items.reverse()) item.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clear();
  }
}

export abstract class Disposable implements DisposableLike {
  private readonly owned = new DisposableStore();

  /** Disposed together with this object. */
  protected register<T extends DisposableLike>(item: T): T {
    return this.owned.add(item);
  }

  dispose(): void {
    this.owned.dispose();
  }
}
