import { hostContract, type SystemInfo } from '../../common/hostApi/contract.schema.ts';
import type { Variant } from '../../common/variant.schema.ts';
import type { BackoffPolicy } from './cloudClient/backoff.ts';
import { cloudFailureToHost } from './cloudClient/failures.ts';
import { createDispatcher, type Dispatch } from './dispatch.ts';
import type { HostEventBus } from './events.ts';
import { hostHandlers } from './handlers/index.ts';
import { log, recentLog } from './log.ts';
import { serveMedia, type MediaResponse } from './media/serveMedia.ts';
import { createHostServices } from './services.ts';

export interface HostOptions {
  variant: Variant;
  /** Folder for the database; the Electron shell passes app.getPath('userData'). */
  dataDir: string;
  version: string;
  buildTime: string;
  transport: SystemInfo['transport'];
  cloudPollMs?: number;
  /** The vehicle's cloud token (`resolveCloudToken`); null: none, vehicle routes unavailable. */
  cloudToken: string | null;
  /** Per-request timeout towards the cloud. */
  cloudTimeoutMs?: number;
  /** Waits between order sends while the cloud cannot take them. */
  outboxBackoff?: BackoffPolicy;
  /** Offers shown per day at most (OFFERS_DAILY_CAP unless a test sets another). */
  offersDailyCap?: number;
  /** Lets end-to-end tests reach the renderer's store; never set on a head unit. */
  testHooks?: boolean;
  /** The bridge's client token when the variant's bridgeAuth is "token" (`resolveBridgeToken`). */
  bridgeToken?: string | null;
}

export interface Host {
  dispatch: Dispatch;
  events: HostEventBus;
  variant: Variant;
  /** Checks the cloud now instead of waiting for the next poll (after a reconnect, and in tests). */
  checkCloud(): Promise<void>;
  /** Orders stored but not yet accepted by the cloud. */
  pendingOrders(): number;
  /** A `/media/...` request on the app's origin (merchant images), for either transport. */
  media(pathname: string): Promise<MediaResponse>;
  close(): void;
}

/** Starts the head unit's local services. Plain Node: the same code runs under Electron and in browser mode. */
export function createHost(options: HostOptions): Host {
  const { variant } = options;
  const { services, start, disposables } = createHostServices({
    variant,
    dataDir: options.dataDir,
    token: options.cloudToken,
    cloudPollMs: options.cloudPollMs,
    cloudTimeoutMs: options.cloudTimeoutMs,
    outboxBackoff: options.outboxBackoff,
    offersDailyCap: options.offersDailyCap,
  });
  const handlers = hostHandlers(
    services,
    {
      variant,
      version: options.version,
      buildTime: options.buildTime,
      transport: options.transport,
      testHooks: options.testHooks ?? false,
      bridgeToken: options.bridgeToken ?? null,
    },
    {
      secrets: [options.cloudToken, options.bridgeToken ?? null],
      recentLog: () => recentLog.lines(),
    },
  );
  const dispatch = createDispatcher(hostContract, handlers, {
    onInternalError: (channel, error) =>
      log.error('host.handler_failed', { channel, error: String(error) }),
    mapFailure: cloudFailureToHost,
  });
  start();

  return {
    dispatch,
    events: services.events,
    variant,
    checkCloud: async () => {
      await services.monitor.check();
    },
    pendingOrders: () => services.outbox.pending(),
    media: (pathname) => serveMedia(services.images, pathname),
    close: () =>
      disposables.dispose((error) => log.error('host.close_failed', { error: String(error) })),
  };
}
