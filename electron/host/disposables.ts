/**
 * Teardown in one list: each part registers its own close as it is built, and the host closes
 * them in reverse order (the database last), once, however often close is asked for.
 */
export class Disposables {
  private readonly items: (() => void)[] = [];
  private disposed = false;

  /** Registers a teardown and hands back the value, so a part is built and registered in one line. */
  add<T>(value: T, dispose: (value: T) => void): T {
    this.items.push(() => dispose(value));
    return value;
  }

  dispose(onError: (error: unknown) => void = () => {}): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of this.items.reverse()) {
      try {
        item();
      } catch (error) {
        // One part failing to close must not keep the others (and the database) open.
        onError(error);
      }
    }
  }
}
