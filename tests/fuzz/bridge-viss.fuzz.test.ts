import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../bridge/server.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { anyJson, fuzzParams, FUZZ_RUNS, measured } from './fuzzSupport.ts';

const PATHS = [
  SIGNAL.speed,
  SIGNAL.selectedGear,
  'Vehicle',
  'Vehicle.*',
  'Vehicle.Nope',
  '',
  'a'.repeat(300),
];

/** Mostly VISS-shaped, each field drawn from valid, wrong-typed and hostile values. */
const vissish = fc.record(
  {
    action: fc.oneof(fc.constantFrom('get', 'subscribe', 'unsubscribe', 'set'), anyJson),
    path: fc.oneof(fc.constantFrom(...PATHS), anyJson),
    requestId: fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), anyJson),
    subscriptionId: fc.oneof(fc.string({ maxLength: 20 }), anyJson),
    filter: fc.oneof(
      fc.record({
        variant: fc.constantFrom('timebased', 'change', 'range', 'paths', 'x'),
        parameter: anyJson,
      }),
      anyJson,
    ),
  },
  { requiredKeys: [] },
);

const OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'xx'] as const;
/** Well-formed requests with values near and past the edges of what is valid. */
const nearlyValid = fc.record(
  {
    action: fc.constantFrom('get', 'subscribe', 'unsubscribe'),
    path: fc.constantFrom(SIGNAL.speed, SIGNAL.selectedGear, 'Vehicle.Cabin', 'Vehicle.Speed.x'),
    requestId: fc.uuid(),
    subscriptionId: fc.constantFrom('1', '2', '999'),
    filter: fc.option(
      fc.oneof(
        fc.record({
          variant: fc.constant('timebased'),
          parameter: fc.record({ period: fc.integer({ min: -5, max: 100_000 }).map(String) }),
        }),
        fc.record({
          variant: fc.constant('change'),
          parameter: fc.record({
            'logic-op': fc.constantFrom(...OPS),
            diff: fc.oneof(fc.double().map(String), fc.constant('NaN')),
          }),
        }),
        fc.record({
          variant: fc.constant('range'),
          parameter: fc.record({
            'logic-op': fc.constantFrom(...OPS),
            boundary: fc.integer().map(String),
          }),
        }),
        fc.record({
          variant: fc.constant('paths'),
          parameter: fc.oneof(
            fc.constantFrom('*', 'Speed', '../x'),
            fc.array(fc.string(), { maxLength: 3 }),
          ),
        }),
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['action', 'path', 'requestId'] },
);

let bridge: Bridge;
let socket: Socket;
beforeAll(async () => {
  // Limits raised so the fuzzer measures answers, not the rate limiter (tested on its own).
  bridge = await startBridge({
    host: '127.0.0.1',
    port: 0,
    limits: { rate: { ratePerSecond: 1e6, burst: 1e6, abuseStrikes: 1e9 } },
    statsIntervalMs: 0,
  });
  bridge.store.set(SIGNAL.speed, 12, 1);
});
afterAll(async () => {
  await bridge.close();
});

function connect(): Promise<Socket> {
  const s = io(bridge.url, { transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** The next reply that is not a subscription notification. */
function nextReply(s: Socket): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(VISS_EVENT, on);
      reject(new Error('no answer within 2 s'));
    }, 2000);
    const on = (message: Record<string, unknown>) => {
      if (message.action === 'subscription') return;
      clearTimeout(timer);
      s.off(VISS_EVENT, on);
      resolve(message);
    };
    s.on(VISS_EVENT, on);
  });
}

describe('fuzz: VISS messages to the bridge', () => {
  it(`answers ${FUZZ_RUNS} generated messages with a VISS error or a valid reply`, async () => {
    socket = await connect();
    await measured('bridge VISS', async (counts) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(nearlyValid, vissish, anyJson), async (message) => {
          const reply = nextReply(socket);
          socket.emit(VISS_EVENT, message);
          const answer = await reply;
          expect(typeof answer.ts).toBe('string');
          if ('error' in answer) {
            const error = answer.error as Record<string, unknown>;
            expect(error.number).toMatch(/^\d{3}$/);
            expect(typeof error.description).toBe('string');
            expect(typeof error.reason).toBe('string');
            counts.refused++;
          } else {
            expect(['get', 'subscribe', 'unsubscribe']).toContain(answer.action);
            counts.accepted++;
          }
        }),
        fuzzParams(),
      );
      socket.close();
      // A fresh client is still served, and the store answers as before.
      const fresh = await connect();
      const reply = nextReply(fresh);
      fresh.emit(VISS_EVENT, { action: 'get', path: SIGNAL.speed, requestId: 'after' });
      expect(await reply).toMatchObject({ action: 'get', requestId: 'after' });
      fresh.close();
      await new Promise((r) => setTimeout(r, 200));
    });
  });
});
