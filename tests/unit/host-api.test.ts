import { DEV_VEHICLE_TOKEN } from '../../electron/host/cloudClient/token.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostClient } from '../../common/hostApi/client.ts';
import { HostApiError } from '../../common/hostApi/errors.ts';
import { createHost, type Host } from '../../electron/host/host.ts';
import { devVariant } from '../support/devVariant.ts';
import { directTransport } from '../support/directTransport.ts';
import { tempDir } from '../support/tmp.ts';

const BUILD_TIME = '2026-11-24T00:00:00.000Z';

function startHost(dataDir: string, variant = devVariant()): Host {
  return createHost({
    variant,
    dataDir,
    version: '0.1.0',
    buildTime: BUILD_TIME,
    transport: 'socket',
    cloudPollMs: 60_000,
    cloudToken: DEV_VEHICLE_TOKEN,
  });
}

describe('host API dispatcher', () => {
  let tmp: ReturnType<typeof tempDir>;
  let host: Host;
  beforeEach(() => {
    tmp = tempDir();
    host = startHost(tmp.dir);
  });
  afterEach(() => {
    host.close();
    tmp.cleanup();
  });

  it('answers system.info with version, variant and build time', async () => {
    expect(await host.dispatch('system.info', undefined)).toEqual({
      ok: true,
      value: {
        name: 'dashport',
        version: '0.1.0',
        variant: 'dev',
        buildTime: BUILD_TIME,
        transport: 'socket',
        testHooks: false,
      },
    });
  });

  it('gives the renderer the variant without the cloud endpoint', async () => {
    const reply = await host.dispatch('app.config', undefined);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value).toMatchObject({ name: 'dev', bridgeUrl: 'http://127.0.0.1:7071' });
    expect(reply.value).not.toHaveProperty('cloudUrl');
  });

  it.each([
    ['unknown channel', 'orders.steal', undefined, 'unknown_channel'],
    ['non-string channel', 42, undefined, 'unknown_channel'],
    ['prototype key', '__proto__', undefined, 'unknown_channel'],
    ['input where none is expected', 'settings.get', { x: 1 }, 'invalid_input'],
    ['empty patch', 'settings.update', {}, 'invalid_input'],
    ['unknown language', 'settings.update', { language: 'fr' }, 'invalid_input'],
    ['unknown key', 'settings.update', { volume: 11 }, 'invalid_input'],
    ['wrong type', 'settings.update', { themeMode: 3 }, 'invalid_input'],
    ['null input', 'settings.update', null, 'invalid_input'],
  ])('refuses %s with a typed error', async (_label, channel, input, code) => {
    const reply = await host.dispatch(channel, input);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe(code);
    expect(reply.error.message).toMatch(/\S/);
  });

  it('names the offending field of invalid input', async () => {
    const reply = await host.dispatch('settings.update', { distanceUnit: 'furlong' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'distanceUnit' }] },
    });
  });

  it('refuses a language the variant does not enable', async () => {
    const other = tempDir();
    const englishOnly = startHost(other.dir, devVariant({ locales: ['en'], defaultLocale: 'en' }));
    try {
      const reply = await englishOnly.dispatch('settings.update', { language: 'de' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      englishOnly.close();
      other.cleanup();
    }
  });

  it('starts from the variant defaults, updates, emits settings.changed', async () => {
    const client = createHostClient(directTransport(host));
    expect(await client.call('settings.get')).toEqual({
      language: 'en',
      distanceUnit: 'km',
      themeMode: 'auto',
    });
    const seen: unknown[] = [];
    client.on('settings.changed', (s) => seen.push(s));
    const next = await client.call('settings.update', { language: 'zh-CN', themeMode: 'night' });
    expect(next).toEqual({ language: 'zh-CN', distanceUnit: 'km', themeMode: 'night' });
    expect(seen).toEqual([next]);
  });

  it('rejects with HostApiError through the client', async () => {
    const client = createHostClient(directTransport(host));
    await expect(client.call('settings.update', { language: 'xx' as 'en' })).rejects.toBeInstanceOf(
      HostApiError,
    );
  });

  it('keeps settings across a restart of the host', async () => {
    await host.dispatch('settings.update', { distanceUnit: 'mi', language: 'de' });
    host.close();
    host = startHost(tmp.dir);
    expect(await host.dispatch('settings.get', undefined)).toEqual({
      ok: true,
      value: { language: 'de', distanceUnit: 'mi', themeMode: 'auto' },
    });
  });
});
