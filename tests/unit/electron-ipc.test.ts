import { DEV_VEHICLE_TOKEN } from '../../electron/host/cloudClient/token.ts';
/**
 * The IPC binding against the real host (real database in a temp dir). Only Electron's ipcMain,
 * frames and web contents are stood in for, because the Electron binary cannot run here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import type { HostEnvelope } from '../../common/hostApi/errors.ts';
import { createHost, type Host } from '../../electron/host/host.ts';
import { loadVariant } from '../../common/node/variantFile.ts';
import {
  bindHostToIpc,
  senderOf,
  shouldForwardEvent,
  type EventTargetLike,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../electron/main/ipc.ts';

const projectRoot = join(import.meta.dirname, '..', '..');

class StandInIpcMain implements IpcMainLike {
  readonly handlers = new Map<
    string,
    (event: InvokeEventLike, ...args: unknown[]) => Promise<HostEnvelope>
  >();
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<HostEnvelope>,
  ): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke(channel, ...args) would get back. */
  invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<HostEnvelope> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(event, ...args);
  }
}

class StandInContents implements EventTargetLike {
  readonly sent: unknown[][] = [];
  readonly url: string;
  readonly destroyed: boolean;
  constructor(url: string, destroyed = false) {
    this.url = url;
    this.destroyed = destroyed;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    if (this.destroyed) throw new Error('Object has been destroyed');
    return this.url;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
}

const topFrame: FrameLike = { url: 'app://dashport/index.html', parent: null };
const fromTop: InvokeEventLike = { senderFrame: topFrame };
const fromIframe: InvokeEventLike = {
  senderFrame: { url: 'app://dashport/index.html', parent: topFrame },
};
const fromOtherOrigin: InvokeEventLike = {
  senderFrame: { url: 'https://evil.example/', parent: null },
};
const fromNowhere: InvokeEventLike = { senderFrame: null };
const fromDisposed: InvokeEventLike = {
  get senderFrame(): FrameLike {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed');
  },
};

describe('bindHostToIpc with the real host', () => {
  let dataDir: string;
  let host: Host;
  let ipcMain: StandInIpcMain;
  let app: StandInContents;
  let elsewhere: StandInContents;
  let gone: StandInContents;
  let unbind: () => void;
  let refused: string[];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dashport-ipc-'));
    const loaded = loadVariant('dev', projectRoot);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    // Port 9 (discard) on loopback: the cloud monitor's probe fails fast and stays offline.
    host = createHost({
      variant: { ...loaded.variant, cloudUrl: 'http://127.0.0.1:9' },
      dataDir,
      version: '0.1.0',
      buildTime: '2026-01-01T00:00:00.000Z',
      transport: 'ipc',
      cloudPollMs: 60_000,
      cloudToken: DEV_VEHICLE_TOKEN,
    });
    ipcMain = new StandInIpcMain();
    app = new StandInContents('app://dashport/index.html');
    elsewhere = new StandInContents('https://evil.example/');
    gone = new StandInContents('app://dashport/index.html', true);
    refused = [];
    unbind = bindHostToIpc({
      ipcMain,
      host,
      targets: () => [app, elsewhere, gone],
      onRefused: (reason, url) => refused.push(`${reason} ${url}`),
    });
  });

  afterEach(() => {
    // Optional calls: if beforeEach failed half-way, report that failure, not a follow-up one.
    unbind?.();
    host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers exactly one handler, on the transport invoke channel', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([TRANSPORT.invoke]);
  });

  it('passes a trusted call through to the host', async () => {
    const reply = await ipcMain.invoke(fromTop, TRANSPORT.invoke, 'system.info', undefined);
    expect(reply).toMatchObject({
      ok: true,
      value: {
        name: 'dashport',
        version: '0.1.0',
        variant: 'dev',
        buildTime: '2026-01-01T00:00:00.000Z',
        transport: 'ipc',
      },
    });
  });

  it.each([
    ['an iframe', fromIframe, 'untrusted-sender app://dashport/index.html'],
    ['another origin', fromOtherOrigin, 'untrusted-sender https://evil.example/'],
    ['a frame that is gone', fromNowhere, 'untrusted-sender null'],
    ['a disposed frame', fromDisposed, 'untrusted-sender null'],
  ])(
    'refuses %s with a forbidden envelope and never reaches the host',
    async (_label, event, logged) => {
      const before = await ipcMain.invoke(fromTop, TRANSPORT.invoke, 'settings.get', undefined);
      const reply = await ipcMain.invoke(event, TRANSPORT.invoke, 'settings.update', {
        themeMode: 'night',
      });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(refused).toEqual([logged]);
      // The refused update did not happen.
      expect(await ipcMain.invoke(fromTop, TRANSPORT.invoke, 'settings.get', undefined)).toEqual(
        before,
      );
    },
  );

  it('leaves unknown host channels and bad input to the host’s typed errors', async () => {
    expect(
      await ipcMain.invoke(fromTop, TRANSPORT.invoke, 'secrets.dump', undefined),
    ).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(
      await ipcMain.invoke(fromTop, TRANSPORT.invoke, { toString: 1 }, undefined),
    ).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(
      await ipcMain.invoke(fromTop, TRANSPORT.invoke, 'settings.update', { themeMode: 'purple' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('has no handler on any other IPC channel', async () => {
    await expect(ipcMain.invoke(fromTop, TRANSPORT.event, 'system.info')).rejects.toThrow(
      /No handler/,
    );
    await expect(ipcMain.invoke(fromTop, 'settings.get')).rejects.toThrow(/No handler/);
  });

  it('forwards host events as (name, payload) only to contents showing the app', async () => {
    // The real cloud monitor finds the cloud unreachable and says so.
    await vi.waitFor(() => expect(app.sent.map((m) => m[1])).toContain('connectivity.changed'));
    const reply = await ipcMain.invoke(fromTop, TRANSPORT.invoke, 'settings.update', {
      themeMode: 'night',
    });
    expect(reply.ok).toBe(true);
    expect(app.sent).toEqual([
      [
        TRANSPORT.event,
        'connectivity.changed',
        { cloud: 'offline', checkedAt: expect.any(String) },
      ],
      [
        TRANSPORT.event,
        'settings.changed',
        { language: 'en', distanceUnit: 'km', themeMode: 'night' },
      ],
    ]);
    expect(elsewhere.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
  });

  it('unbinding removes the handler and stops event forwarding, once', async () => {
    unbind();
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
    const sentBefore = app.sent.length;
    expect((await host.dispatch('settings.update', { themeMode: 'day' })).ok).toBe(true);
    expect(app.sent.length).toBe(sentBefore);
    expect(app.sent.map((m) => m[1])).not.toContain('settings.changed');
  });
});

describe('senderOf', () => {
  it.each([
    [fromTop, { senderUrl: 'app://dashport/index.html', isMainFrame: true }],
    [fromIframe, { senderUrl: 'app://dashport/index.html', isMainFrame: false }],
    [fromOtherOrigin, { senderUrl: 'https://evil.example/', isMainFrame: true }],
    [fromNowhere, { senderUrl: null, isMainFrame: false }],
    [fromDisposed, { senderUrl: null, isMainFrame: false }],
  ])('%#', (event, sender) => {
    expect(senderOf(event)).toEqual(sender);
  });
});

describe('shouldForwardEvent', () => {
  it.each([
    [{ destroyed: false, url: 'app://dashport/index.html' }, true],
    [{ destroyed: true, url: 'app://dashport/index.html' }, false],
    [{ destroyed: false, url: 'https://evil.example/' }, false],
    [{ destroyed: false, url: '' }, false],
    [{ destroyed: false, url: 'about:blank' }, false],
  ])('%o -> %s', (target, forward) => {
    expect(shouldForwardEvent(target)).toBe(forward);
  });
});
