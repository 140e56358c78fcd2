import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../bridge/server.ts';
import { resolveBridgeToken } from '../../common/node/bridgeToken.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import { PROJECT_ROOT, devVariant } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

const TOKEN = 'b'.repeat(48);
const sockets: Socket[] = [];
let bridge: Bridge | undefined;
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await bridge?.close();
  bridge = undefined;
});

function attempt(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(url, { forceNew: true, reconnection: false, transports: ['websocket'], auth });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

describe('bridge client token', () => {
  it('admits only signal clients that present it, when one is set', async () => {
    bridge = await startBridge({ host: '127.0.0.1', port: 0, clientToken: TOKEN });
    expect(await attempt(bridge.url, {})).toBe('unauthorized');
    expect(await attempt(bridge.url, { token: `${TOKEN}x` })).toBe('unauthorized');
    expect(await attempt(bridge.url, { token: 42 })).toBe('unauthorized');
    expect(await attempt(bridge.url, { token: TOKEN })).toBe('connected');
    // The admitted client is served: a VISS get answers with the store's value.
    bridge.store.set(SIGNAL.speed, 42, 1);
    const socket = sockets.at(-1)!;
    const reply = new Promise<unknown>((resolve) => socket.once(VISS_EVENT, resolve));
    socket.emit(VISS_EVENT, { action: 'get', path: SIGNAL.speed, requestId: '1' });
    expect(JSON.stringify(await reply)).toMatch(/"value":"?42/);
  });

  it('admits anyone without one (development, and units whose variant says none)', async () => {
    bridge = await startBridge({ host: '127.0.0.1', port: 0 });
    expect(await attempt(bridge.url, {})).toBe('connected');
  });

  it('is read from a 0600 file and required when the variant says so', () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'bridge-token');
      writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 });
      expect(resolveBridgeToken({ env: {}, file, required: true })).toEqual({
        ok: true,
        token: TOKEN,
      });
      expect(resolveBridgeToken({ env: {}, file: undefined, required: false })).toEqual({
        ok: true,
        token: null,
      });
      expect(resolveBridgeToken({ env: {}, file: undefined, required: true })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/LoadCredential/),
      });
      writeFileSync(join(tmp.dir, 'short'), 'short', { mode: 0o600 });
      expect(resolveBridgeToken({ env: {}, file: join(tmp.dir, 'short'), required: true }).ok).toBe(
        false,
      );
      // The bridge refuses to start on a variant that requires a token it was not given.
      const variantFile = join(tmp.dir, 'tokened.json');
      writeFileSync(variantFile, JSON.stringify({ ...devVariant(), bridgeAuth: 'token' }));
      const run = spawnSync(
        process.execPath,
        [join(PROJECT_ROOT, 'bridge/cli.ts'), '--port', '0', '--variant', variantFile],
        { encoding: 'utf8', timeout: 15_000 },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/client token: .*bridgeAuth is "token"/);
    } finally {
      tmp.cleanup();
    }
  });
});
