import { afterEach, describe, expect, it } from 'vitest';
import { HOST_CHANNELS } from '../../common/hostApi/channels.ts';
import { hostContract } from '../../common/hostApi/contract.schema.ts';
import type { LocalOrder } from '../../common/hostApi/commerce.schema.ts';
import { CloudError } from '../../electron/host/cloudClient/client.ts';
import { cloudFailureToHost } from '../../electron/host/cloudClient/failures.ts';
import { createDispatcher, type HostHandlers } from '../../electron/host/dispatch.ts';
import { Disposables } from '../../electron/host/disposables.ts';
import { HostEventBus, type InvalidHostEvent } from '../../electron/host/events.ts';
import { hostHandlers } from '../../electron/host/handlers/index.ts';
import { createHostServices } from '../../electron/host/services.ts';
import { devVariant } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

describe('host composed from parts', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });

  function services() {
    const tmp = tempDir();
    // A closed port: nothing here talks to a cloud, and nothing is started.
    const built = createHostServices({
      variant: devVariant({ cloudUrl: 'http://127.0.0.1:9' }),
      dataDir: tmp.dir,
      token: null,
    });
    cleanups.push(tmp.cleanup, () => built.disposables.dispose());
    return built;
  }

  it('has one handler per contract channel, grouped by namespace', () => {
    const { services: s } = services();
    const handlers = hostHandlers(
      s,
      {
        variant: devVariant(),
        version: '0',
        buildTime: '2026-01-01T00:00:00.000Z',
        transport: 'socket',
        testHooks: false,
        bridgeToken: null,
      },
      { secrets: [], recentLog: () => [] },
    );
    expect(Object.keys(handlers).sort()).toEqual([...HOST_CHANNELS].sort());
  });

  it('keeps settings rules in the settings service and announces each change once', () => {
    const { services: s } = services();
    const heard: unknown[] = [];
    s.events.subscribe((event, payload) => heard.push([event, payload]));
    expect(() => s.settings.update({ language: 'fr' as never })).toThrow();
    const next = s.settings.update({ themeMode: 'night' });
    expect(heard).toEqual([['settings.changed', next]]);
  });

  it('closes every part once, in reverse order, even when one part fails to close', () => {
    const order: string[] = [];
    const errors: unknown[] = [];
    const d = new Disposables();
    d.add('db', (v) => order.push(v));
    d.add('broken', () => {
      throw new Error('stuck');
    });
    d.add('poll', (v) => order.push(v));
    d.dispose((e) => errors.push(e));
    d.dispose((e) => errors.push(e));
    expect(order).toEqual(['poll', 'db']);
    expect(errors).toHaveLength(1);
  });
});

describe('host events are validated when emitted', () => {
  it('sends a valid payload and withholds a broken one, reporting it', () => {
    const invalid: InvalidHostEvent[] = [];
    const bus = new HostEventBus((e) => invalid.push(e));
    const heard: string[] = [];
    bus.subscribe((event) => heard.push(event));
    bus.emit('connectivity.changed', { cloud: 'online', checkedAt: '2026-01-01T00:00:00.000Z' });
    bus.emit('orders.updated', { clientOrderId: 42 } as unknown as LocalOrder);
    expect(heard).toEqual(['connectivity.changed']);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.message).toMatch(/orders\.updated breaks its schema/);
  });
});

describe('dispatcher maps known failures through one function', () => {
  const handlers = Object.fromEntries(
    HOST_CHANNELS.map((c) => [
      c,
      () => {
        throw new CloudError('http', 'No such slot', { status: 404, code: 'not_found' });
      },
    ]),
  ) as unknown as HostHandlers;

  it('turns a cloud 404 thrown by any handler into not_found', async () => {
    const internal: string[] = [];
    const dispatch = createDispatcher(hostContract, handlers, {
      onInternalError: (channel) => internal.push(channel),
      mapFailure: cloudFailureToHost,
    });
    const reply = await dispatch('testDrives.list', undefined);
    expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'No such slot' } });
    expect(internal).toEqual([]);
  });

  it('without the mapping the same error is internal and logged', async () => {
    const internal: string[] = [];
    const dispatch = createDispatcher(hostContract, handlers, {
      onInternalError: (channel) => internal.push(channel),
    });
    const reply = await dispatch('testDrives.list', undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal).toEqual(['testDrives.list']);
  });
});
