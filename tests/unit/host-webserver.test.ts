import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import { createHost, type Host } from '../../electron/host/host.ts';
import { startWebServer, type WebServer } from '../../electron/host/webServer.ts';
import { devVariant } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

describe('browser-mode host server', () => {
  const tmp = tempDir();
  const rendererRoot = join(tmp.dir, 'renderer');
  let host: Host;
  let server: WebServer;

  beforeAll(async () => {
    mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'export {}');
    writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
    host = createHost({
      variant: devVariant(),
      dataDir: join(tmp.dir, 'data'),
      version: '0.1.0',
      buildTime: new Date().toISOString(),
      transport: 'socket',
      cloudPollMs: 60_000,
    });
    server = await startWebServer({ host, rendererRoot, hostname: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    host.close();
    tmp.cleanup();
  });

  const connect = (origin: string): Socket =>
    io(server.url, {
      transports: ['websocket'],
      extraHeaders: { Origin: origin },
      reconnection: false,
      forceNew: true,
    });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const asset = await fetch(server.url + '/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('refuses traversal, unknown files and writes', async () => {
    expect((await fetch(server.url + '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await fetch(server.url + '/nope.js')).status).toBe(404);
    expect((await fetch(server.url + '/', { method: 'POST' })).status).toBe(405);
  });

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

  it('refuses a connection from another origin', async () => {
    const socket = connect('http://evil.example');
    const outcome = await new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });
});
