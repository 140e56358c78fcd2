import type { Connectivity } from '../../common/hostApi/contract.schema.ts';

export interface CloudMonitorOptions {
  cloudUrl: string;
  intervalMs?: number;
  timeoutMs?: number;
  onChange: (state: Connectivity) => void;
  fetchImpl?: typeof fetch;
}

/**
 * Knows whether the cloud is reachable. Two sources feed it: a health poll with a timeout (so a
 * silent car still notices the cloud coming back) and every real request the host makes (`report`,
 * so a failed order send shows "offline" at once instead of at the next poll). Only changes are
 * reported, so a tunnel shows as one "offline" event rather than a stream.
 */
export class CloudMonitor {
  private state: Connectivity = { cloud: 'unknown', checkedAt: null };
  private latency: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly options: Required<Omit<CloudMonitorOptions, 'fetchImpl'>> & {
    fetchImpl: typeof fetch;
  };

  constructor(options: CloudMonitorOptions) {
    this.options = { intervalMs: 5000, timeoutMs: 2000, fetchImpl: fetch, ...options };
  }

  get current(): Connectivity {
    return this.state;
  }

  /** Round trip of the last health check the cloud answered, in ms; null before the first. */
  get latencyMs(): number | null {
    return this.latency;
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      await this.check();
      if (this.stopped) return;
      this.timer = setTimeout(tick, this.options.intervalMs);
      this.timer.unref();
    };
    void tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  async check(): Promise<Connectivity> {
    return this.report(await this.probe());
  }

  /** What a request just learnt: the cloud answered (online) or could not be reached (offline). */
  report(online: boolean): Connectivity {
    const next: Connectivity = {
      cloud: online ? 'online' : 'offline',
      checkedAt: new Date().toISOString(),
    };
    const changed = next.cloud !== this.state.cloud;
    this.state = next;
    if (changed && !this.stopped) this.options.onChange(next);
    return next;
  }

  private async probe(): Promise<boolean> {
    try {
      const sent = performance.now();
      const res = await this.options.fetchImpl(new URL('/health', this.options.cloudUrl), {
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!res.ok) return false;
      const body = (await res.json()) as { status?: unknown };
      if (body.status !== 'ok') return false;
      this.latency = Math.round((performance.now() - sent) * 10) / 10;
      return true;
    } catch {
      return false;
    }
  }
}
