import { describe, expect, it } from 'vitest';
import { buildNamedHostApi } from '../../common/hostApi/client.ts';
import type { HostChannel } from '../../common/hostApi/channels.ts';
import { createEventHub } from '../../electron/preload/eventHub.ts';
import { createIpcTransport } from '../../electron/preload/transport.ts';

const settings = { language: 'en', distanceUnit: 'km', themeMode: 'night' };

describe('createEventHub', () => {
  it('hands listeners exactly one argument: the payload', () => {
    const hub = createEventHub();
    const calls: unknown[][] = [];
    hub.subscribe('settings.changed', (...args: unknown[]) => calls.push(args));
    // What ipcRenderer.on delivers is (event, name, payload); the preload passes on name and payload.
    hub.dispatch('settings.changed', settings);
    expect(calls).toEqual([[settings]]);
  });

  it('routes by event name', () => {
    const hub = createEventHub();
    const got: string[] = [];
    hub.subscribe('settings.changed', () => got.push('settings'));
    hub.subscribe('connectivity.changed', () => got.push('connectivity'));
    hub.dispatch('connectivity.changed', { cloud: 'online', checkedAt: null });
    hub.dispatch('settings.changed', settings);
    expect(got).toEqual(['connectivity', 'settings']);
  });

  it.each([
    ['secrets.leaked'],
    ['__proto__'],
    ['constructor'],
    [''],
    [undefined],
    [42],
    [{ name: 'settings.changed' }],
  ])('drops messages with a name that is not a host event: %o', (name) => {
    const hub = createEventHub();
    let called = 0;
    hub.subscribe('settings.changed', () => called++);
    hub.subscribe('connectivity.changed', () => called++);
    expect(() => hub.dispatch(name, settings)).not.toThrow();
    expect(called).toBe(0);
  });

  it('unsubscribes exactly the subscription it came from, once', () => {
    const hub = createEventHub();
    const got: string[] = [];
    const listener = () => got.push('x');
    const first = hub.subscribe('settings.changed', listener);
    hub.subscribe('settings.changed', listener);
    expect(hub.size()).toBe(2);
    first();
    first();
    expect(hub.size()).toBe(1);
    hub.dispatch('settings.changed', settings);
    expect(got).toEqual(['x']);
  });

  it('leaves nothing behind when every listener is gone', () => {
    const hub = createEventHub();
    const offs = Array.from({ length: 100 }, () => hub.subscribe('settings.changed', () => {}));
    for (const off of offs) off();
    expect(hub.size()).toBe(0);
  });

  it('is safe against listeners that unsubscribe during dispatch', () => {
    const hub = createEventHub();
    const got: string[] = [];
    let offB: () => void = () => {};
    const offA = hub.subscribe('settings.changed', () => {
      got.push('a');
      offA();
      offB();
    });
    offB = hub.subscribe('settings.changed', () => got.push('b'));
    hub.dispatch('settings.changed', settings);
    hub.dispatch('settings.changed', settings);
    expect(got).toEqual(['a']);
  });

  it('keeps delivering when one listener throws, and reports it', () => {
    const errors: string[] = [];
    const hub = createEventHub((event, error) =>
      errors.push(`${event}: ${(error as Error).message}`),
    );
    const got: string[] = [];
    hub.subscribe('settings.changed', () => {
      throw new Error('boom');
    });
    hub.subscribe('settings.changed', () => got.push('second'));
    hub.dispatch('settings.changed', settings);
    expect(got).toEqual(['second']);
    expect(errors).toEqual(['settings.changed: boom']);
  });

  it.each([
    ['an unknown event', 'nope', () => {}],
    ['a listener that is not a function', 'settings.changed', 'nope'],
  ])('refuses to subscribe %s', (_label, event, listener) => {
    const hub = createEventHub();
    expect(() => hub.subscribe(event as never, listener as never)).toThrow(TypeError);
    expect(hub.size()).toBe(0);
  });
});

describe('createIpcTransport', () => {
  it('passes channel and input through unchanged and returns the envelope', async () => {
    const calls: unknown[][] = [];
    const transport = createIpcTransport(async (channel, input) => {
      calls.push([channel, input]);
      return { ok: true, value: settings };
    }, createEventHub());
    expect(await transport.invoke('settings.update', { themeMode: 'night' })).toEqual({
      ok: true,
      value: settings,
    });
    expect(calls).toEqual([['settings.update', { themeMode: 'night' }]]);
  });

  it.each([
    [
      'the main process has no handler',
      () => Promise.reject(new Error("No handler registered for 'dashport:invoke'")),
      'unavailable',
    ],
    ['the reply is not an envelope', () => Promise.resolve({ value: 1 }), 'internal'],
    [
      'the reply is an envelope with a made-up code',
      () => Promise.resolve({ ok: false, error: { code: 'pwned', message: '' } }),
      'internal',
    ],
    ['the reply is nothing', () => Promise.resolve(undefined), 'internal'],
  ])('always answers with an envelope when %s', async (_label, invoke, code) => {
    const transport = createIpcTransport(invoke, createEventHub());
    expect(await transport.invoke('system.info', undefined)).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('gives window.dashport one named function per channel and working on/off', async () => {
    const invoked: string[] = [];
    const hub = createEventHub();
    const api = buildNamedHostApi(
      createIpcTransport(async (channel: HostChannel) => {
        invoked.push(channel);
        return { ok: true, value: null };
      }, hub),
    );
    await api.settings.get();
    await api.connectivity.get();
    expect(invoked).toEqual(['settings.get', 'connectivity.get']);

    const got: unknown[] = [];
    const off = api.on('settings.changed', (payload) => got.push(payload));
    hub.dispatch('settings.changed', settings);
    off();
    hub.dispatch('settings.changed', { ...settings, themeMode: 'day' });
    expect(got).toEqual([settings]);
    expect(hub.size()).toBe(0);
  });
});
