import { DEV_VEHICLE_TOKEN } from '../../electron/host/cloudClient/token.ts';
import { render } from '@testing-library/react';
import { join } from 'node:path';
import { startCloud, type CloudOptions, type CloudServer } from '../../cloud/server.ts';
import { createLogger } from '../../common/log.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { createHostClient, type HostClient } from '../../common/hostApi/client.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { createHost, type Host } from '../../electron/host/host.ts';
import { AppRoot } from '../../renderer/app/AppRoot.tsx';
import { preloadScreens } from '../../renderer/app/screens.ts';
import { preloadHomeCards } from '../../renderer/app/HomeRoute.tsx';
import { bootstrap } from '../../renderer/app/bootstrap.ts';
import { endStart } from '../../renderer/ui/startPhase.ts';
import { bootSnapshot, withBootSnapshot } from '../../electron/host/bootPage.ts';
import { readBootSnapshot } from '../../renderer/host/bootSnapshot.ts';
import type { AppStore } from '../../renderer/store/appStore.ts';
import { devVariant } from '../support/devVariant.ts';
import { directTransport } from '../support/directTransport.ts';
import { tempDir } from '../support/tmp.ts';

/** Feeds signals as the vehicle client would: now-stamped, freshly received. */
export function feed(
  store: AppStore,
  values: Record<string, number | boolean | string>,
  at = performance.now(),
): void {
  const ts = Date.now();
  store
    .getState()
    .applySamples(
      Object.fromEntries(
        Object.entries(values).map(([path, value]) => [path, { value, ts, receivedAt: at }]),
      ),
    );
}

export const PARKED = { [SIGNAL.selectedGear]: 126, [SIGNAL.speed]: 0 };
export const DRIVING = { [SIGNAL.selectedGear]: 127, [SIGNAL.speed]: 48 };

export interface Harness {
  store: AppStore;
  host: Host;
  /** The renderer's own host client, for a test that asks the host what the screen shows. */
  client: HostClient;
  cloud: CloudServer;
  dataDir: string;
  /** With `holdStart`: what the app asks the host for once the first live values are in. */
  catchUp(): void;
  close(): Promise<void>;
}

async function servedSnapshot(host: Host) {
  const page = withBootSnapshot(
    '<html><head></head><body></body></html>',
    await bootSnapshot(host.dispatch),
  );
  return readBootSnapshot(new DOMParser().parseFromString(page, 'text/html'));
}

/** Boots the real renderer against a real host and cloud (in-process, their own temp databases). */
export async function renderApp(
  options: {
    variant?: Partial<Variant>;
    dataDir?: string;
    /** Cloud options beyond its address and database: the order simulator's step, a pinned clock. */
    cloud?: Pick<CloudOptions, 'orderStepMs' | 'now'>;
    /** Boot without the page's snapshot, asking the host for it (a page served without one). */
    askHost?: boolean;
    /** Leave the start going (no live values yet): home's cards and the clock wait for it. */
    holdStart?: boolean;
  } = {},
): Promise<Harness> {
  const tmp = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? tmp!.dir;
  const cloud = await startCloud({
    host: '127.0.0.1',
    port: 0,
    dbPath: join(dataDir, 'cloud.db'),
    logger: createLogger('cloud', () => {}),
    ...options.cloud,
  });
  const host = createHost({
    variant: devVariant({ cloudUrl: cloud.url, ...options.variant }),
    dataDir,
    version: '0.1.0',
    buildTime: '2026-11-24T00:00:00.000Z',
    transport: 'socket',
    cloudPollMs: 60_000,
    cloudToken: DEV_VEHICLE_TOKEN,
  });
  const client = createHostClient(directTransport(host));
  // As both deliveries serve it: the host's snapshot written into the page, read back from it.
  const fromPage = options.askHost ? null : await servedSnapshot(host);
  const booted = await bootstrap(client, document.documentElement, 1, fromPage);
  const { store } = booted;
  const i18n = await booted.i18n;
  // As the app does once idle after the start: every screen's chunk (and home's cards) is in
  // before a tap.
  await Promise.all([
    preloadScreens(Promise.resolve(), () => Promise.resolve()),
    preloadHomeCards(),
  ]);
  // As the app does once the first live values are in: what the first frame does not show is
  // asked for, and home's cards and the clock follow.
  if (!options.holdStart) {
    booted.catchUp();
    endStart();
  }
  render(<AppRoot i18n={i18n} host={client} store={store} />);
  return {
    store,
    host,
    client,
    cloud,
    dataDir,
    catchUp: booted.catchUp,
    close: async () => {
      host.close();
      await cloud.close();
      tmp?.cleanup();
    },
  };
}
