import type { Connectivity } from '../../common/hostApi/contract.ts';

export interface CloudMonitorOptions {
  cloudUrl: string;
  intervalMs?: number;
  timeoutMs?: number;
  onChange: (state: Connectivity) => void;
  fetchImpl?: typeof fetch;
}

/**
 * Polls the cloud's health endpoint with a timeout; reports only changes, so a tunnel shows as
 * one "offline" event rather than a stream.
 */
export class CloudMonitor {
  private state: Connectivity = { cloud: 'unknown', checkedAt: null };
  private timer: NodeJS.Timeout | undefined;
  private readonly options: Required<Omit<CloudMonitorOptions, 'fetchImpl'>> & {
    fetchImpl: typeof fetch;
  };

  constructor(options: CloudMonitorOptions) {
    this.options = { intervalMs: 5000, timeoutMs: 2000, fetchImpl: fetch, ...options };
  }

  get current(): Connectivity {
    return this.state;
  }

  start(): void {
    const tick = async () => {
      await this.check();
      this.timer = setTimeout(tick, this.options.intervalMs);
      this.timer.unref();
    };
    void tick();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  async check(): Promise<Connectivity> {
    const online = await this.probe();
    const next: Connectivity = {
      cloud: online ? 'online' : 'offline',
      checkedAt: new Date().toISOString(),
    };
    const changed = next.cloud !== this.state.cloud;
    this.state = next;
    if (changed) this.options.onChange(next);
    return next;
  }

  private async probe(): Promise<boolean> {
    try {
      const res = await this.options.fetchImpl(new URL('/health', this.options.cloudUrl), {
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!res.ok) return false;
      const body = (await res.json()) as { status?: unknown };
      return body.status === 'ok';
    } catch {
      return false;
    }
  }
}
