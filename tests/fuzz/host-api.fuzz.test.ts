import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_CHANNELS, TRANSPORT } from '../../common/hostApi/channels.ts';
import { isHostEnvelope } from '../../common/hostApi/errors.ts';
import type { CloudServer } from '../../cloud/server.ts';
import type { Host } from '../../electron/host/host.ts';
import { newHostSecret } from '../../electron/host/hostSecret.ts';
import { startWebServer, type WebServer } from '../../electron/host/webServer.ts';
import { cloudHarness } from '../support/cloud.ts';
import { startHost } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';
import { anyJson, fuzzParams, FUZZ_RUNS, mutated, measured } from './fuzzSupport.ts';

/** Valid inputs of a few channels, for mutation: deep enough to reach the services. */
const SEEDS: Record<string, unknown> = {
  'catalog.merchants': { area: 'san-francisco', category: 'coffee' },
  'catalog.merchant': { merchantId: 'sf-van-ness-fuel' },
  'settings.update': { themeMode: 'night' },
  'consent.set': { purpose: 'location', granted: true },
  'orders.get': { clientOrderId: '00000000-0000-4000-8000-000000000000' },
  'offers.list': { position: { lat: 37.78, lon: -122.42 }, fuelLevel: 'low' },
};

const call = fc.oneof(
  fc.tuple(fc.constantFrom(...HOST_CHANNELS), anyJson),
  fc
    .constantFrom(...Object.entries(SEEDS))
    .chain(([channel, input]) => fc.tuple(fc.constant(channel), mutated(input))),
  fc.tuple(anyJson, anyJson),
);

const SECRET = newHostSecret();
const tmp = tempDir();
const h = cloudHarness();
let cloud: CloudServer;
let host: Host;
let server: WebServer;

beforeAll(async () => {
  cloud = await h.start({ rateLimits: { vehiclePerMinute: 1e5, addressPerMinute: 1e5 } });
  host = startHost(join(tmp.dir, 'host'), cloud.url);
  const rendererRoot = join(tmp.dir, 'renderer');
  mkdirSync(rendererRoot);
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
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
  await h.cleanup();
  tmp.cleanup();
});

function connect(): Promise<Socket> {
  const socket = io(server.url, {
    transports: ['websocket'],
    extraHeaders: { Origin: server.url },
    auth: { secret: SECRET },
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('fuzz: host API envelopes over socket.io', () => {
  it(`answers ${FUZZ_RUNS} generated calls with a typed error or a valid value`, async () => {
    const socket = await connect();
    await measured('host API', async (counts) => {
      await fc.assert(
        fc.asyncProperty(call, async ([channel, input]) => {
          const reply: unknown = await socket
            .timeout(10_000)
            .emitWithAck(TRANSPORT.invoke, channel, input);
          expect(isHostEnvelope(reply)).toBe(true);
          const envelope = reply as { ok: boolean; error?: { code: string; message: string } };
          if (envelope.ok) counts.accepted++;
          else {
            // A handler that throws something unplanned answers `internal`: that is the bug.
            expect(envelope.error?.code, envelope.error?.message).not.toBe('internal');
            counts.refused++;
          }
        }),
        fuzzParams(),
      );
      socket.close();
      const fresh = await connect();
      expect(
        await fresh.timeout(5000).emitWithAck(TRANSPORT.invoke, 'settings.get', null),
      ).toMatchObject({ ok: true });
      fresh.close();
      await new Promise((r) => setTimeout(r, 200));
    });
  });
});
