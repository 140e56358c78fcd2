import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tmp.ts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import type { Connectivity } from '../../common/hostApi/contract.schema.ts';
import { backoffDelay } from '../../electron/host/cloudClient/backoff.ts';
import { CloudClient, CloudError } from '../../electron/host/cloudClient/client.ts';
import {
  CLOUD_TOKEN_CREDENTIAL,
  resolveCloudToken,
} from '../../electron/host/cloudClient/token.ts';
import { takeFromEnv } from '../../common/node/secretFile.ts';
import { CloudMonitor } from '../../electron/host/cloudMonitor.ts';
import { cloudHarness, TOKEN_1, WEDNESDAY, type Harness } from '../support/cloud.ts';
import { freePort } from '../support/hostCommerce.ts';

/** A stand-in for a cloud that misbehaves in one way, counting the requests it gets. */
async function misbehaving(
  handler: (res: ServerResponse, req: IncomingMessage) => void,
): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    handler(res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function failureOf(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudError) return error;
    throw error;
  }
  throw new Error('expected a CloudError');
}

describe('cloud client against the real cloud', () => {
  let h: Harness;
  let cloud: CloudServer;
  const reach: boolean[] = [];
  let client: CloudClient;
  beforeAll(async () => {
    h = cloudHarness();
    cloud = await h.start({ now: () => WEDNESDAY });
    client = new CloudClient({
      baseUrl: cloud.url,
      token: TOKEN_1,
      onReachability: (online) => reach.push(online),
    });
  });
  afterAll(async () => {
    client.close();
    await h.cleanup();
  });

  it('returns validated answers and reports the cloud reachable', async () => {
    const found = await client.call('searchMerchants', {
      query: { lat: 37.7793, lon: -122.4193, radiusM: 2000, limit: 5 },
    });
    expect(found.merchants.length).toBeGreaterThan(0);
    expect(found.merchants[0]).toHaveProperty('distanceM');
    expect((await client.call('listPaymentMethods')).paymentMethods[0]?.id).toBe(
      'pm_demo1visa4242',
    );
    expect(reach.at(-1)).toBe(true);
  });

  it('sends the token only on vehicle routes, never on catalogue reads', async () => {
    const seen: string[] = [];
    const recorder = await misbehaving((res, req) => {
      seen.push(`${req.url} ${req.headers.authorization ?? '-'}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    const spy = new CloudClient({ baseUrl: recorder.url, token: 'secret-token', retries: 0 });
    // {} breaks every schema; what matters here is what the cloud was sent.
    await failureOf(spy.call('getMerchant', { params: { merchantId: 'sf-van-ness-fuel' } }));
    await failureOf(spy.call('listFavourites'));
    spy.close();
    await recorder.close();
    expect(seen).toEqual([
      '/v1/merchants/sf-van-ness-fuel -',
      '/v1/favourites Bearer secret-token',
    ]);
  });

  it('turns a 404 into a typed http error carrying the cloud code', async () => {
    const error = await failureOf(
      client.call('getMerchant', { params: { merchantId: 'no-such-merchant' } }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 404, code: 'not_found' });
    expect(error.transient).toBe(false);
  });

  it('refuses vehicle routes without a token, before sending anything', async () => {
    const anonymous = new CloudClient({ baseUrl: cloud.url, token: null });
    const error = await failureOf(anonymous.call('listFavourites'));
    expect(error).toMatchObject({ kind: 'http', status: 401, code: 'unauthorized' });
    anonymous.close();
  });
});

describe('cloud client when the cloud misbehaves', () => {
  const servers: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('reports a closed port as offline, after its quick retries', async () => {
    const reach: boolean[] = [];
    const client = new CloudClient({
      baseUrl: `http://127.0.0.1:${await freePort()}`,
      token: TOKEN_1,
      retries: 2,
      backoff: { baseMs: 5, maxMs: 10 },
      onReachability: (online) => reach.push(online),
    });
    const error = await failureOf(client.call('listOrders', { query: { limit: 100 } }));
    expect(error.kind).toBe('offline');
    expect(error.transient).toBe(true);
    expect(reach).toEqual([false, false, false]);
    client.close();
  });

  it('retries idempotent requests on 5xx with backoff, and never a non-idempotent one', async () => {
    const server = await misbehaving((res) => {
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'internal', message: 'busy' } }));
    });
    servers.push(server);
    const client = new CloudClient({
      baseUrl: server.url,
      token: TOKEN_1,
      retries: 3,
      backoff: { baseMs: 5, maxMs: 20 },
    });
    const get = await failureOf(client.call('listFavourites'));
    expect(get).toMatchObject({ kind: 'http', status: 503, code: 'internal' });
    expect(server.hits()).toBe(4);
    const del = await failureOf(
      client.call('deleteFavourite', { params: { favouriteId: 'fav-00000001' } }),
    );
    expect(del.status).toBe(503);
    expect(server.hits()).toBe(5);
    client.close();
  });

  it('gives up on a silent cloud after the timeout', async () => {
    const server = await misbehaving(() => {
      /* never answers */
    });
    servers.push(server);
    const client = new CloudClient({
      baseUrl: server.url,
      token: TOKEN_1,
      timeoutMs: 150,
      retries: 0,
    });
    const started = Date.now();
    const error = await failureOf(client.call('listPaymentMethods'));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    client.close();
  });

  it('refuses an answer that breaks the cloud API schema', async () => {
    const server = await misbehaving((res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ paymentMethods: [{ id: 'card-number-4111111111111111' }] }));
    });
    servers.push(server);
    const client = new CloudClient({ baseUrl: server.url, token: TOKEN_1 });
    const error = await failureOf(client.call('listPaymentMethods'));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/paymentMethods\.0/);
    client.close();
  });

  it('refuses a reply that is not JSON', async () => {
    const server = await misbehaving((res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>');
    });
    servers.push(server);
    const client = new CloudClient({ baseUrl: server.url, token: TOKEN_1, retries: 0 });
    expect((await failureOf(client.call('listFavourites'))).kind).toBe('invalid_response');
    client.close();
  });
});

describe('backoff, token and connectivity', () => {
  it('waits a random time under a ceiling that doubles up to the maximum', () => {
    const policy = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(2, policy, () => 0.999)).toBe(399);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(4, policy)));
    expect(spread.size).toBeGreaterThan(10);
  });

  describe('the cloud token', () => {
    const tmp = tempDir();
    afterAll(() => tmp.cleanup());
    const LONG = 'k'.repeat(40);
    const secretAt = (name: string, text: string, mode = 0o600) => {
      const path = join(tmp.dir, name);
      writeFileSync(path, text, { mode });
      chmodSync(path, mode);
      return path;
    };
    const base = { env: {}, fromEnv: undefined, allowEnv: true, variantName: 'x' };

    it('comes from the systemd credential first, then a token file, then the environment', () => {
      const credentials = join(tmp.dir, 'creds');
      mkdirSync(credentials, { mode: 0o700 });
      writeFileSync(join(credentials, CLOUD_TOKEN_CREDENTIAL), `${LONG}c\n`, { mode: 0o400 });
      const file = secretAt('token', `${LONG}f\n`);
      const env = { CREDENTIALS_DIRECTORY: credentials };
      expect(resolveCloudToken({ ...base, env, file, fromEnv: `${LONG}e` })).toEqual({
        ok: true,
        token: `${LONG}c`,
        from: 'credential',
      });
      expect(resolveCloudToken({ ...base, file, fromEnv: `${LONG}e` })).toMatchObject({
        token: `${LONG}f`,
        from: 'file',
      });
      expect(resolveCloudToken({ ...base, fromEnv: `${LONG}e` })).toMatchObject({
        token: `${LONG}e`,
        from: 'env',
      });
    });

    it('never from the environment on a unit or in a package', () => {
      expect(resolveCloudToken({ ...base, fromEnv: LONG, allowEnv: false })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/LoadCredential/),
      });
    });

    it('refuses a token file other users can read, and short or malformed tokens', () => {
      const open = secretAt('open', LONG, 0o644);
      expect(resolveCloudToken({ ...base, file: open })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/mode 0644/),
      });
      expect(resolveCloudToken({ ...base, fromEnv: 'short' }).ok).toBe(false);
      expect(resolveCloudToken({ ...base, fromEnv: `${LONG} space` }).ok).toBe(false);
      expect(resolveCloudToken({ ...base, file: join(tmp.dir, 'missing') })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/ENOENT/),
      });
    });

    it('falls back to the demo token for the dev variant only', () => {
      expect(resolveCloudToken({ ...base, variantName: 'dev' })).toEqual({
        ok: true,
        token: 'dev-vehicle-token',
        from: 'demo',
      });
      expect(resolveCloudToken({ ...base, variantName: 'sedan-eu' })).toEqual({
        ok: true,
        token: null,
        from: 'none',
      });
      // The demo seed's other tokens are short too, and accepted as given.
      expect(resolveCloudToken({ ...base, fromEnv: 'dev-vehicle-token-2' }).ok).toBe(true);
    });

    it('leaves the environment once taken', () => {
      const env: Record<string, string | undefined> = { DASHPORT_CLOUD_TOKEN: LONG, OTHER: '1' };
      expect(takeFromEnv(env, 'DASHPORT_CLOUD_TOKEN')).toBe(LONG);
      expect(env).toEqual({ OTHER: '1' });
    });
  });

  it('reports each change of connectivity once, from polls and from requests alike', async () => {
    const seen: Connectivity['cloud'][] = [];
    const monitor = new CloudMonitor({
      cloudUrl: `http://127.0.0.1:${await freePort()}`,
      timeoutMs: 200,
      onChange: (state) => seen.push(state.cloud),
    });
    await monitor.check();
    monitor.report(false);
    monitor.report(true);
    monitor.report(true);
    await monitor.check();
    expect(seen).toEqual(['offline', 'online', 'offline']);
    expect(monitor.current.cloud).toBe('offline');
    monitor.stop();
    monitor.report(true);
    expect(seen).toHaveLength(3);
  });
});
