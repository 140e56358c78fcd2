import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudRoutes } from '../../cloud/routes/index.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { fillPath, openApiPath } from '../../common/cloudApi/endpoint.ts';
import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { CloudClient, CloudError } from '../../electron/host/cloudClient/client.ts';
import { cloudFailureToHost } from '../../electron/host/cloudClient/failures.ts';
import { cloudHarness, TOKEN_1, WEDNESDAY, type Harness } from '../support/cloud.ts';

describe('the cloud API is declared once (common/cloudApi/endpoints.ts)', () => {
  const routes = cloudRoutes(() => ({
    openapi: '3.1.0',
    info: { title: 't', version: '0' },
    paths: {},
    components: { schemas: {} },
  }));

  it('keys every endpoint by its own operation id', () => {
    for (const [key, endpoint] of Object.entries(cloudApi)) expect(endpoint.operationId).toBe(key);
  });

  it('has exactly one server handler per endpoint, and no handler without an endpoint', () => {
    const handled = routes.map((r) => r.endpoint.operationId).sort();
    expect(handled).toEqual(Object.keys(cloudApi).sort());
    for (const route of routes)
      expect(route.endpoint).toBe(cloudApi[route.endpoint.operationId as keyof typeof cloudApi]);
  });

  it('marks only safe-to-repeat operations idempotent', () => {
    const unsafe = Object.values(cloudApi)
      .filter((e) => !e.idempotent)
      .map((e) => e.operationId)
      .sort();
    // A second delete answers 404; end of term and inspection record a new choice each time.
    expect(unsafe).toEqual(['bookInspection', 'chooseEndOfTerm', 'deleteFavourite']);
    for (const e of Object.values(cloudApi))
      if (e.method === 'GET') expect(e.idempotent).toBe(true);
  });

  it('fills path parameters URL-encoded and refuses a missing one', () => {
    expect(fillPath('/v1/orders/:clientOrderId', { clientOrderId: 'a b/c' })).toBe(
      '/v1/orders/a%20b%2Fc',
    );
    expect(() => fillPath('/v1/orders/:clientOrderId', {})).toThrow(/missing path parameter/);
    expect(openApiPath(cloudApi.putOrder.path)).toBe('/v1/orders/{clientOrderId}');
  });
});

describe('the served OpenAPI document is the table', () => {
  let h: Harness;
  let cloud: CloudServer;
  beforeAll(async () => {
    h = cloudHarness();
    cloud = await h.start({ now: () => WEDNESDAY });
  });
  afterAll(async () => {
    await h.cleanup();
  });

  it('lists each endpoint at its path and method with its auth', async () => {
    const doc = (await (await fetch(`${cloud.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; security?: unknown }>>;
    };
    for (const e of Object.values(cloudApi)) {
      const op = doc.paths[openApiPath(e.path)]?.[e.method.toLowerCase()];
      expect(op?.operationId, e.operationId).toBe(e.operationId);
      expect(op?.security !== undefined, e.operationId).toBe(e.auth === 'vehicle');
    }
  });

  it('lets the host client call endpoints by operation id against the real server', async () => {
    const client = new CloudClient({ baseUrl: cloud.url, token: TOKEN_1 });
    const health = await client.call('getHealth');
    expect(health.status).toBe('ok');
    const merchant = await client.call('getMerchant', {
      params: { merchantId: 'sf-van-ness-fuel' },
    });
    expect(merchant.id).toBe('sf-van-ness-fuel');
    const image = await client.call('getImage', { params: { name: 'sf-van-ness-fuel.svg' } });
    expect(image).toMatch(/^<svg/);
    client.close();
  });
});

describe('retries follow the table’s idempotency flag', () => {
  let hits = 0;
  let url = '';
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    ['listFavourites', 3],
    ['deleteFavourite', 1],
  ] as const)('%s is sent %i time(s) when the cloud answers 503', async (operation, times) => {
    hits = 0;
    const client = new CloudClient({
      baseUrl: url,
      token: 'x'.repeat(32),
      retries: 2,
      backoff: { baseMs: 1, maxMs: 2 },
    });
    const call =
      operation === 'deleteFavourite'
        ? client.call('deleteFavourite', { params: { favouriteId: 'fav-00000001' } })
        : client.call('listFavourites');
    await expect(call).rejects.toBeInstanceOf(CloudError);
    expect(hits).toBe(times);
    client.close();
  });
});

describe('cloud failures map to host errors in one place', () => {
  it.each([
    [new CloudError('offline', 'down'), 'unavailable'],
    [new CloudError('timeout', 'slow'), 'unavailable'],
    [new CloudError('invalid_response', 'junk', { status: 200 }), 'unavailable'],
    [new CloudError('http', 'busy', { status: 503 }), 'unavailable'],
    [new CloudError('http', 'token', { status: 401, code: 'unauthorized' }), 'unavailable'],
    [new CloudError('http', 'gone', { status: 404, code: 'not_found' }), 'not_found'],
    [new CloudError('http', 'taken', { status: 409, code: 'slot_taken' }), 'conflict'],
    [new CloudError('http', 'closed', { status: 422, code: 'merchant_closed' }), 'invalid_input'],
  ])('%s -> %s', (error, code) => {
    expect(cloudFailureToHost(error)?.code).toBe(code);
  });

  it('leaves other errors to the dispatcher as internal', () => {
    expect(cloudFailureToHost(new Error('bug'))).toBeUndefined();
  });
});
