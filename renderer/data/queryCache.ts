import type { HostChannel } from '../../common/hostApi/channels.ts';

/**
 * The last answer per query for this session, so a screen opened again shows what it had at once
 * while it asks anew, and a version per channel that mutations bump to make open queries refresh.
 * Bounded: a long drive through many searches keeps only the newest answers.
 */
export class QueryCache {
  private readonly values = new Map<string, unknown>();
  private readonly versions = new Map<HostChannel, number>();
  private readonly listeners = new Set<() => void>();
  private readonly limit: number;

  constructor(limit = 100) {
    this.limit = limit;
  }

  get(key: string): { value: unknown } | undefined {
    return this.values.has(key) ? { value: this.values.get(key) } : undefined;
  }

  set(key: string, value: unknown): void {
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.limit) {
      const oldest = this.values.keys().next().value as string;
      this.values.delete(oldest);
    }
  }

  version(channel: HostChannel): number {
    return this.versions.get(channel) ?? 0;
  }

  /** Open queries on these channels ask again; their last answers stay on screen meanwhile. */
  invalidate(channels: readonly HostChannel[]): void {
    if (channels.length === 0) return;
    for (const channel of channels) this.versions.set(channel, this.version(channel) + 1);
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
