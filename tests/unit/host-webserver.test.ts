import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import { createHost, type Host } from '../../electron/host/host.ts';
import { startWebServer, type WebServer } from '../../electron/host/webServer.ts';
import { MAX_HOST_CONNECTIONS } from '../../electron/host/socketTransport.ts';
import { newHostSecret, writeSecretFile } from '../../electron/host/hostSecret.ts';
import { sameSecret } from '../../common/node/sameSecret.ts';
import { devVariant } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

const SECRET = newHostSecret();

describe('browser-mode host server', () => {
  const tmp = tempDir();
  const rendererRoot = join(tmp.dir, 'renderer');
  let host: Host;
  let server: WebServer;

  beforeAll(async () => {
    mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(
      join(rendererRoot, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body></body></html>',
    );
    writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'export {}');
    writeFileSync(
      join(rendererRoot, 'languages.json'),
      JSON.stringify({ en: 'assets/en-abc.js', de: 'assets/de-def.js' }),
    );
    writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
    host = createHost({
      variant: devVariant(),
      dataDir: join(tmp.dir, 'data'),
      version: '0.1.0',
      buildTime: new Date().toISOString(),
      transport: 'socket',
      cloudPollMs: 60_000,
      cloudToken: null,
    });
    server = await startWebServer({
      host,
      rendererRoot,
      hostname: '127.0.0.1',
      port: 0,
      secret: SECRET,
    });
  });
  afterAll(async () => {
    await server.close();
    host.close();
    tmp.cleanup();
  });

  const connect = (origin: string, auth: Record<string, unknown> = { secret: SECRET }): Socket =>
    io(server.url, {
      transports: ['websocket'],
      extraHeaders: { Origin: origin },
      auth,
      reconnection: false,
      forceNew: true,
    });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    // The first paint's host state is in the page itself, as a JSON data block.
    const page = await res.text();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(page));
    expect(page).toMatch(
      /<script type="application\/json" id="dashport-boot">\{"config":\{.*"settings":\{"language":"en"/,
    );
    // The active language's chunk loads beside the boot chunk; no other language does.
    expect(page).toContain('<link rel="modulepreload" crossorigin href="./assets/en-abc.js" />');
    expect(page).not.toContain('de-def.js');
    const asset = await fetch(server.url + '/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('refuses traversal, unknown files and writes', async () => {
    expect((await fetch(server.url + '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await fetch(server.url + '/nope.js')).status).toBe(404);
    expect((await fetch(server.url + '/', { method: 'POST' })).status).toBe(405);
  });

  it.each(['//', '//%zz/x'])(
    'answers %s, a target that is no path, with 400 and stays up',
    async (target) => {
      expect((await fetch(server.url + target)).status).toBe(400);
      expect((await fetch(server.url + '/')).status).toBe(200);
    },
  );

  it('carries host calls and events over socket.io for its own origin', async () => {
    const socket = connect(server.url);
    try {
      const reply = await socket
        .timeout(5000)
        .emitWithAck(TRANSPORT.invoke, 'settings.get', undefined);
      expect(reply).toEqual({
        ok: true,
        value: { language: 'en', distanceUnit: 'km', themeMode: 'auto' },
      });
      const event = new Promise((resolve) =>
        socket.once(TRANSPORT.event, (name, payload) => resolve([name, payload])),
      );
      await socket
        .timeout(5000)
        .emitWithAck(TRANSPORT.invoke, 'settings.update', { themeMode: 'day' });
      expect(await event).toEqual([
        'settings.changed',
        { language: 'en', distanceUnit: 'km', themeMode: 'day' },
      ]);
      const bad = await socket.timeout(5000).emitWithAck(TRANSPORT.invoke, 'nope', { a: 1 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    } finally {
      socket.close();
    }
  });

  const outcomeOfOpen = (socket: Socket) =>
    new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
    });
  const outcomeOf = async (socket: Socket) => {
    const outcome = await new Promise<string>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(`refused: ${error.message}`));
    });
    socket.close();
    return outcome;
  };

  it('refuses a connection from another origin, even with the secret', async () => {
    expect(await outcomeOf(connect('http://evil.example'))).toMatch(/^refused/);
  });

  it.each([
    ['no secret', {}],
    ['a wrong secret', { secret: newHostSecret() }],
    ['the secret with one character more', { secret: `${SECRET}x` }],
    ['a number', { secret: 42 }],
    ['an empty string', { secret: '' }],
  ])('refuses a client that forges the origin but sends %s', async (_, auth) => {
    expect(await outcomeOf(connect(server.url, auth))).toBe('refused: unauthorized');
  });

  it(`admits at most ${MAX_HOST_CONNECTIONS} clients at once`, async () => {
    const open = Array.from({ length: MAX_HOST_CONNECTIONS }, () => connect(server.url));
    try {
      const admitted = await Promise.all(open.map(outcomeOfOpen));
      expect(admitted.every((o) => o === 'connected')).toBe(true);
      expect(await outcomeOf(connect(server.url))).toMatch(/^refused/);
    } finally {
      for (const s of open) s.close();
    }
  });

  it('lets no call through without the secret, even on a socket that tried', async () => {
    const socket = connect(server.url, { secret: 'guess' });
    const reply = await socket
      .timeout(1500)
      .emitWithAck(TRANSPORT.invoke, 'settings.update', { themeMode: 'night' })
      .catch(() => 'no answer');
    socket.close();
    expect(reply).toBe('no answer');
    expect(await host.dispatch('settings.get', undefined)).toMatchObject({
      value: { themeMode: 'day' },
    });
  });
});

describe('host secret', () => {
  it('compares by content and type only', () => {
    const secret = newHostSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sameSecret(secret, secret)).toBe(true);
    expect(sameSecret(`${secret} `, secret)).toBe(false);
    expect(sameSecret(secret.slice(1), secret)).toBe(false);
    expect(sameSecret(null, secret)).toBe(false);
    expect(sameSecret({ toString: () => secret }, secret)).toBe(false);
  });

  it('is written for its owner only, never through a planted symlink', () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'run', 'host-secret');
      writeSecretFile(file, 'first');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(join(tmp.dir, 'run')).mode & 0o077).toBe(0);
      const victim = join(tmp.dir, 'victim');
      writeFileSync(victim, 'keep');
      rmSync(file);
      symlinkSync(victim, file);
      writeSecretFile(file, 'second');
      expect(readFileSync(victim, 'utf8')).toBe('keep');
      expect(readFileSync(file, 'utf8')).toBe('second\n');
    } finally {
      tmp.cleanup();
    }
  });
});
