import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { createHostClient, type HostClient } from '../../common/hostApi/client.ts';
import type { Host } from '../../electron/host/host.ts';
import { HostProvider } from '../../renderer/data/hostContext.tsx';
import { QueryCache } from '../../renderer/data/queryCache.ts';
import { useHostMutation } from '../../renderer/data/useHostMutation.ts';
import { useHostQuery } from '../../renderer/data/useHostQuery.ts';
import { cloudHarness, WEDNESDAY, type Harness } from '../support/cloud.ts';
import { directTransport } from '../support/directTransport.ts';
import { startHost } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

/** The data hooks against the real host and cloud: nothing here is mocked. */
describe('renderer data layer', () => {
  let h: Harness;
  let cloud: CloudServer;
  let tmp: ReturnType<typeof tempDir>;
  let host: Host;
  let client: HostClient;
  beforeAll(async () => {
    h = cloudHarness();
    cloud = await h.start({ now: () => WEDNESDAY });
    tmp = tempDir();
    host = startHost(tmp.dir, cloud.url);
    client = createHostClient(directTransport(host));
  });
  afterAll(async () => {
    host.close();
    tmp.cleanup();
    await h.cleanup();
  });

  /** One provider (and so one session cache) for every hook rendered inside it. */
  function providerFor(hostClient: HostClient) {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <HostProvider host={hostClient}>{children}</HostProvider>
    );
    return wrapper;
  }

  it('loads a typed answer, and asks nothing for a null input', async () => {
    const { result } = renderHook(
      () => ({
        merchant: useHostQuery('catalog.merchant', { merchantId: 'sf-hayes-espresso' })[0],
        skipped: useHostQuery('catalog.merchant', null)[0],
      }),
      { wrapper: providerFor(client) },
    );
    expect(result.current.merchant.status).toBe('loading');
    await waitFor(() => expect(result.current.merchant.status).toBe('ok'));
    const state = result.current.merchant;
    if (state.status !== 'ok') throw new Error('not loaded');
    expect(state.value.merchant.id).toBe('sf-hayes-espresso');
    expect(state.refreshing).toBe(false);
    expect(result.current.skipped).toEqual({ status: 'loading', slow: false });
  });

  it('reports the host’s typed error, and retry asks again', async () => {
    let calls = 0;
    const counting: HostClient = {
      call: ((...args: Parameters<HostClient['call']>) => {
        calls++;
        return (client.call as (...a: unknown[]) => Promise<unknown>)(...args);
      }) as HostClient['call'],
      on: client.on,
    };
    const { result } = renderHook(
      () => useHostQuery('catalog.merchant', { merchantId: 'no-such-merchant' }),
      { wrapper: providerFor(counting) },
    );
    await waitFor(() => expect(result.current[0]).toEqual({ status: 'error', code: 'not_found' }));
    act(() => result.current[1]());
    await waitFor(() => expect(calls).toBe(2));
    await waitFor(() => expect(result.current[0].status).toBe('error'));
  });

  it('a mutation invalidates the channels it names; the last answer shows while refreshing', async () => {
    const { result } = renderHook(
      () => ({
        offers: useHostQuery('offers.list', {})[0],
        mute: useHostMutation('offers.muteAll', { invalidates: ['offers.list'] }),
      }),
      { wrapper: providerFor(client) },
    );
    await waitFor(() => expect(result.current.offers.status).toBe('ok'));
    const before = result.current.offers;
    if (before.status !== 'ok') throw new Error('not loaded');
    expect(before.value.mutedAll).toBe(false);

    let refreshingSeen = false;
    await act(async () => {
      await result.current.mute[0]({ muted: true });
      const now = result.current.offers;
      refreshingSeen = now.status === 'ok' && now.refreshing;
    });
    expect(refreshingSeen).toBe(true);
    await waitFor(() => {
      const after = result.current.offers;
      expect(after.status === 'ok' && !after.refreshing && after.value.mutedAll).toBe(true);
    });
    expect(result.current.mute[1]).toEqual({ pending: false, error: null });
    await client.call('offers.muteAll', { muted: false });
  });

  it('a failed mutation keeps its typed error and rejects', async () => {
    const { result } = renderHook(() => useHostMutation('testDrives.cancel'), {
      wrapper: providerFor(client),
    });
    await act(async () => {
      await expect(result.current[0]({ clientBookingId: 'tdb-never-booked-1' })).rejects.toThrow();
    });
    expect(result.current[1]).toEqual({ pending: false, error: 'not_found' });
  });

  it('a computed input is read when asking, under its key', async () => {
    let reads = 0;
    const { result } = renderHook(
      () =>
        useHostQuery(
          'catalog.merchants',
          () => {
            reads++;
            return { area: 'san-francisco', category: 'coffee' };
          },
          { key: 'sf-coffee' },
        )[0],
      { wrapper: providerFor(client) },
    );
    await waitFor(() => expect(result.current.status).toBe('ok'));
    expect(reads).toBe(1);
  });
});

describe('QueryCache', () => {
  it('keeps the newest answers up to its limit and counts invalidations per channel', () => {
    const cache = new QueryCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ value: 3 });
    let heard = 0;
    const stop = cache.subscribe(() => heard++);
    cache.invalidate(['offers.list', 'testDrives.list']);
    cache.invalidate([]);
    stop();
    cache.invalidate(['offers.list']);
    expect(heard).toBe(1);
    expect(cache.version('offers.list')).toBe(2);
    expect(cache.version('catalog.areas')).toBe(0);
  });
});
