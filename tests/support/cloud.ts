import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { CLOUD_EVENTS_PATH } from '../../common/cloudApi/events.schema.ts';
import { createLogger } from '../../common/log.ts';
import { startCloud, type CloudOptions, type CloudServer } from '../../cloud/server.ts';
import { tempDir } from './tmp.ts';

export const TOKEN_1 = 'dev-vehicle-token';
export const TOKEN_2 = 'dev-vehicle-token-2';
export const TOKEN_3 = 'dev-vehicle-token-3';
export const CARD_1 = 'pm_demo1visa4242';
export const CARD_2 = 'pm_demo2amex0005';
export const CARD_3 = 'pm_demo3visa1881';

/**
 * Wednesday 2026-03-11 18:00 UTC: 11:00 in San Francisco, 14:00 in Dearborn, 19:00 in Munich
 * (most merchants open) and 02:00 Thursday in Hangzhou (its cafés closed).
 */
export const WEDNESDAY = new Date('2026-03-11T18:00:00.000Z');

/** Real cloud servers on loopback port 0 over temp databases, closed and removed by `cleanup`. */
export function cloudHarness() {
  const tmp = tempDir('dashport-cloud-');
  const servers: CloudServer[] = [];
  const sockets: Socket[] = [];
  const logs: string[] = [];
  const dbPath = join(tmp.dir, 'cloud.db');

  return {
    dbPath,
    logs,
    async start(options: Partial<CloudOptions> = {}): Promise<CloudServer> {
      const server = await startCloud({
        host: '127.0.0.1',
        port: 0,
        dbPath,
        logger: createLogger('cloud', (line) => logs.push(line), true),
        orderStepMs: 0,
        ...options,
      });
      servers.push(server);
      return server;
    },
    /** An order-event socket for a token, connected (or rejected) before it resolves. */
    async events(server: CloudServer, token: string | undefined): Promise<Socket> {
      const socket = io(server.url, {
        path: CLOUD_EVENTS_PATH,
        transports: ['websocket'],
        reconnection: false,
        ...(token === undefined ? {} : { auth: { token } }),
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (error) => reject(error));
      });
      return socket;
    },
    async cleanup() {
      for (const s of sockets.splice(0)) s.disconnect();
      await Promise.all(servers.splice(0).map((s) => s.close()));
      tmp.cleanup();
    },
  };
}

export type Harness = ReturnType<typeof cloudHarness>;

/** A small fetch wrapper: JSON in, status and parsed JSON out. */
export function api(server: CloudServer, token?: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? (JSON.parse(text) as unknown) : null,
    };
  };
  return {
    get: (path: string) => call('GET', path),
    put: (path: string, body: unknown) => call('PUT', path, body),
    post: (path: string, body?: unknown) => call('POST', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
