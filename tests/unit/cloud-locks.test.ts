import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneAudit, receivedRecords, unauthenticatedCounts } from '../../cloud/audit.ts';
import { tokenDigest } from '../../cloud/auth.ts';
import { MIN_TOKEN_CHARS } from '../../common/demoTokens.ts';
import { parseCloudArgs } from '../../cloud/args.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import { api, cloudHarness, TOKEN_1, type Harness } from '../support/cloud.ts';

const SF = 'lat=37.77931&lon=-122.41932';
const randomToken = () => randomBytes(30).toString('base64url');

let h: Harness;
beforeEach(() => {
  h = cloudHarness();
});
afterEach(async () => {
  await h.cleanup();
});

function addVehicle(cloud: CloudServer, id: string, token: string): void {
  cloud.db
    .prepare('INSERT INTO vehicles (id, name, token_sha256, created_at) VALUES (?, ?, ?, ?)')
    .run(id, id, tokenDigest(token), new Date().toISOString());
}

describe('cloud rate limits', () => {
  it('answers a flood from one address with 429s, and its audit stays bounded', async () => {
    const cloud = await h.start({ rateLimits: { vehiclePerMinute: 1000, addressPerMinute: 20 } });
    const anonymous = api(cloud);
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      // Known routes, unknown paths and made-up tokens all count against the address.
      const path = i % 3 === 0 ? `/v1/merchants?${SF}` : i % 3 === 1 ? `/nope/${i}` : '/v1/orders';
      const res = await (i % 3 === 2 ? api(cloud, randomToken()) : anonymous).get(path);
      statuses.push(res.status);
      if (res.status === 429) {
        expect(ErrorResponseSchema.parse(res.body).error.code).toBe('rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // No row per request without a vehicle: a count per day and route, of the admitted ones only.
    expect(receivedRecords(cloud.db)).toEqual([]);
    const counts = unauthenticatedCounts(cloud.db);
    expect(counts.map((c) => c.route).sort()).toEqual([
      'GET (no route)',
      'GET /v1/merchants',
      'GET /v1/orders',
    ]);
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(20);
  });

  it('gives each vehicle its own budget, apart from its address', async () => {
    const cloud = await h.start({ rateLimits: { vehiclePerMinute: 15, addressPerMinute: 5 } });
    for (let i = 0; i < 5; i++) expect((await api(cloud).get('/v1/categories')).status).toBe(200);
    expect((await api(cloud).get('/v1/categories')).status).toBe(429);
    const car = api(cloud, TOKEN_1);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await car.get('/v1/payment-methods')).status);
    expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(15).every((s) => s === 429)).toBe(true);
    expect(receivedRecords(cloud.db)).toHaveLength(15);
  });

  it('still serves a valid request of another vehicle during a flood', async () => {
    const cloud = await h.start({ rateLimits: { vehiclePerMinute: 10, addressPerMinute: 10 } });
    for (let i = 0; i < 30; i++) await api(cloud, TOKEN_1).get('/v1/payment-methods');
    expect((await api(cloud, TOKEN_1).get('/v1/payment-methods')).status).toBe(429);
    expect((await api(cloud, 'dev-vehicle-token-2').get('/v1/payment-methods')).status).toBe(200);
  });
});

describe('cloud tokens', () => {
  it('refuses a short token even when a vehicle has it; accepts 32 characters', async () => {
    const cloud = await h.start();
    addVehicle(cloud, 'veh-short', 'x');
    addVehicle(cloud, 'veh-31', 'a'.repeat(MIN_TOKEN_CHARS - 1));
    const long = randomToken();
    addVehicle(cloud, 'veh-long', long);
    expect((await api(cloud, 'x').get('/v1/payment-methods')).status).toBe(401);
    expect(
      (await api(cloud, 'a'.repeat(MIN_TOKEN_CHARS - 1)).get('/v1/payment-methods')).status,
    ).toBe(401);
    expect((await api(cloud, long).get('/v1/payment-methods')).status).toBe(200);
    // The demo seed's short tokens are the exception, in a seeded demo database only.
    expect((await api(cloud, TOKEN_1).get('/v1/payment-methods')).status).toBe(200);
  });
});

describe('cloud audit and logs', () => {
  it('prunes audit rows older than the configured days, at start and on demand', async () => {
    let cloud = await h.start();
    await api(cloud, TOKEN_1).get('/v1/payment-methods');
    await api(cloud).get('/v1/categories');
    const insertOld = (server: CloudServer, at: string) =>
      server.db
        .prepare(
          `INSERT INTO received_data (received_at, vehicle_id, method, route, keys_json)
             VALUES (?, 'veh-demo-1', 'GET', '/v1/offers', '[]')`,
        )
        .run(at);
    insertOld(cloud, '2020-01-01T00:00:00.000Z');
    cloud.db
      .prepare(`INSERT INTO unauthenticated_requests (day, route, count) VALUES (?, ?, 7)`)
      .run('2020-01-01', 'GET /v1/categories');
    expect(receivedRecords(cloud.db)).toHaveLength(2);
    await cloud.close();

    cloud = await h.start({ auditDays: 7 });
    expect(receivedRecords(cloud.db).map((r) => r.receivedAt.slice(0, 4))).toEqual([
      String(new Date().getUTCFullYear()),
    ]);
    expect(unauthenticatedCounts(cloud.db).map((c) => c.day)).not.toContain('2020-01-01');
    insertOld(cloud, new Date(Date.now() - 8 * 86_400_000).toISOString());
    expect(pruneAudit(cloud.db, new Date(), 7)).toBe(1);
  });

  it('logs no coordinates: the path without its query and a coarse cell', async () => {
    const cloud = await h.start();
    await api(cloud).get(`/v1/merchants?${SF}&radiusM=2000`);
    const line = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === 'request');
    expect(line).toMatchObject({
      route: '/v1/merchants',
      path: '/v1/merchants',
      cell: '37.7,-122.5',
    });
    expect(h.logs.join('\n')).not.toMatch(/37\.779|122\.419/);
  });

  it('takes its limits and retention from the command line, each checked', () => {
    const parsed = parseCloudArgs(
      ['--audit-days', '14', '--rate-vehicle', '300', '--rate-address', '60'],
      '/',
    );
    expect(parsed).toMatchObject({
      ok: true,
      args: { auditDays: 14, rateLimits: { vehiclePerMinute: 300, addressPerMinute: 60 } },
    });
    expect(parseCloudArgs(['--audit-days', '0'], '/')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/--audit-days "0"/),
    });
    expect(parseCloudArgs(['--rate-address', 'lots'], '/')).toMatchObject({ ok: false });
  });
});
