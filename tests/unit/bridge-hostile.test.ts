import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/server.ts';
import type { Bridge } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import { statusOf } from '../support/rawRequest.ts';
import { VissClient } from './bridge-support.ts';
import type { Message } from './bridge-support.ts';

/**
 * Hostile and malformed input over a real socket: each gets a VISS error, the bridge keeps
 * serving, and repeating the whole table does not grow memory. The inbound rate limit is
 * raised here; it has its own test.
 */

let bridge: Bridge;
let c: VissClient;

beforeAll(async () => {
  bridge = await startBridge({
    host: '127.0.0.1',
    port: 0,
    limits: { rate: { ratePerSecond: 100_000, burst: 100_000 } },
  });
  bridge.store.set(SIGNAL.speed, 33);
  c = new VissClient(bridge.url);
  await c.connected();
});

afterAll(async () => {
  c.close();
  await bridge.close();
});

/** Sends on `event` and returns the next message the bridge sends back. */
async function exchange(payload: unknown, event = VISS_EVENT): Promise<Message> {
  const seen = c.inbox.length;
  const reply = c.next((m) => c.inbox.indexOf(m) >= seen);
  c.socket.emit(event, payload);
  return reply;
}

let deepObject: unknown = { action: 'get' };
for (let i = 0; i < 1_000; i += 1) deepObject = { nested: deepObject }; // ~11 KB, under 16 KB
const deepFilter = `{"action":"subscribe","path":"Vehicle.Speed","requestId":"deep","filter":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
const sub = (filter: unknown) => ({
  action: 'subscribe',
  path: SIGNAL.speed,
  requestId: 'h',
  filter,
});

// [name, payload, number, reason, description contains, event]
const table: [string, unknown, string, string, string, string?][] = [
  ['bad JSON', '{"action":"get",', '400', 'bad_request', 'not valid JSON'],
  ['JSON of an array', '[{"action":"get"}]', '400', 'bad_request', 'must be a JSON object'],
  ['a number', 42, '400', 'bad_request', 'must be a JSON object'],
  ['null', null, '400', 'bad_request', 'must be a JSON object'],
  ['binary', Buffer.from('{"action":"get"}'), '400', 'bad_request', 'must be a JSON object'],
  ['unknown action', { action: 'fly', requestId: 'h' }, '400', 'bad_request', 'unknown action'],
  ['set (read-only bridge)', { action: 'set', requestId: 'h' }, '400', 'bad_request', '"set"'],
  [
    'action of the wrong type',
    { action: 7, requestId: 'h' },
    '400',
    'bad_request',
    'unknown action',
  ],
  [
    'unknown path',
    { action: 'get', path: 'Vehicle.Nope', requestId: 'h' },
    '404',
    'unavailable_data',
    'unknown signal path',
  ],
  [
    'path of the wrong type',
    { action: 'get', path: 5, requestId: 'h' },
    '400',
    'bad_request',
    'path',
  ],
  [
    'path as a list',
    { action: 'get', path: [SIGNAL.speed], requestId: 'h' },
    '400',
    'bad_request',
    'path',
  ],
  [
    'path with odd characters',
    { action: 'get', path: 'Vehicle.Spëed', requestId: 'h' },
    '400',
    'bad_request',
    'dotted VSS path',
  ],
  [
    'requestId of the wrong type',
    { action: 'get', path: SIGNAL.speed, requestId: 5 },
    '400',
    'bad_request',
    'requestId',
  ],
  [
    'requestId far too long',
    { action: 'get', path: SIGNAL.speed, requestId: 'r'.repeat(10_000) },
    '400',
    'bad_request',
    'requestId',
  ],
  ['filter as a string', sub('timebased'), '400', 'bad_request', 'must be an object'],
  [
    'period as a number',
    sub({ variant: 'timebased', parameter: { period: 100 } }),
    '400',
    'bad_request',
    'period',
  ],
  [
    'subscriptionId as an object',
    { action: 'unsubscribe', subscriptionId: {}, requestId: 'h' },
    '400',
    'bad_request',
    'subscriptionId',
  ],
  [
    'huge message',
    { action: 'get', path: SIGNAL.speed, requestId: 'h', pad: 'x'.repeat(30_000) },
    '400',
    'bad_request',
    'the limit is 16384',
  ],
  ['deeply nested object', deepObject, '400', 'bad_request', 'action is required'],
  ['deeply nested filter', deepFilter, '400', 'bad_request', 'must be an object'],
  [
    '__proto__ key',
    '{"__proto__":{"action":"get"},"requestId":"h"}',
    '400',
    'bad_request',
    'action is required',
  ],
  [
    '__proto__ as path',
    { action: 'get', path: '__proto__', requestId: 'h' },
    '400',
    'bad_request',
    'dotted VSS path',
  ],
  [
    'constructor as path',
    { action: 'get', path: 'constructor', requestId: 'h' },
    '404',
    'unavailable_data',
    'unknown signal path',
  ],
  [
    'toString under a root',
    {
      action: 'get',
      path: 'Vehicle',
      requestId: 'h',
      filter: { variant: 'paths', parameter: 'toString' },
    },
    '404',
    'unavailable_data',
    'Vehicle.toString',
  ],
  [
    'paths parameter as an object',
    {
      action: 'get',
      path: 'Vehicle',
      requestId: 'h',
      filter: { variant: 'paths', parameter: { __proto__: 1 } },
    },
    '400',
    'bad_request',
    'relative path',
  ],
  [
    '__proto__ inside a filter',
    sub(JSON.parse('{"__proto__":{"variant":"timebased"}}')),
    '400',
    'bad_request',
    'variant is required',
  ],
  ['another event name', { action: 'get' }, '400', 'bad_request', 'unknown event "hack"', 'hack'],
];

describe('plain HTTP beside the socket', () => {
  it.each(['/', '//', '/%', '/favicon.ico'])('answers GET %s with 404 at once', async (target) => {
    expect(await statusOf(bridge.url, target)).toBe('HTTP/1.1 404 Not Found');
  });
});

describe('hostile input', () => {
  it.each(table)('%s gets a VISS error', async (_name, payload, number, reason, text, event) => {
    const reply = await exchange(payload, event);
    expect(reply.error).toEqual({ number, reason, description: expect.stringContaining(text) });
    expect(reply.ts).toMatch(/Z$/);
  });

  it('keeps serving, and holds nothing back for any of it', async () => {
    const reply = await exchange({ action: 'get', path: SIGNAL.speed, requestId: 'ok' });
    expect(reply).toMatchObject({ requestId: 'ok', data: { dp: { value: '33' } } });
    const stats = bridge.stats();
    expect(stats.subscriptions).toEqual([]);
    expect(stats.connections).toEqual([
      { id: c.socket.id, writeBuffered: 0, replies: 0, dropped: 0 },
    ]);
    expect(stats.store.rejected).toBe(0);
  });

  it('does not grow memory when the table is sent again and again', async () => {
    const round = async () => {
      for (const [, payload, , , , event] of table) await exchange(payload, event);
    };
    await round();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i += 1) await round();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 1024 * 1024);
    expect(bridge.stats().clients).toBe(1);
  });
});
