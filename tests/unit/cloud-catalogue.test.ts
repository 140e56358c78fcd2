import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CategoriesResponseSchema,
  MERCHANT_CATEGORIES,
  MerchantDetailSchema,
  MerchantSearchResponseSchema,
  type MerchantResult,
} from '../../common/cloudApi/catalog.schema.ts';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import { bearingDeg, distanceM, isAhead } from '../../common/geo.ts';
import { tokenDigest } from '../../cloud/auth.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { api, cloudHarness, WEDNESDAY, type Harness } from '../support/cloud.ts';

let h: Harness;
let server: CloudServer;

beforeEach(async () => {
  h = cloudHarness();
  server = await h.start({ now: () => WEDNESDAY });
});
afterEach(() => h.cleanup());

async function search(query: string): Promise<MerchantResult[]> {
  const res = await api(server).get(`/v1/merchants?${query}`);
  expect(res.status).toBe(200);
  return MerchantSearchResponseSchema.parse(res.body).merchants;
}

const SIM_START = { lat: 37.7793, lon: -122.4193 };
/** First fix of the recorded comma2k19 drive, heading about 2° (north) on 19th Avenue. */
const TRACE_START = { lat: 37.720998, lon: -122.472305 };

describe('demo catalogue', () => {
  it('has every category in display order, each with merchants', async () => {
    const res = await api(server).get('/v1/categories');
    const { categories } = CategoriesResponseSchema.parse(res.body);
    expect(categories.map((c) => c.id)).toEqual([...MERCHANT_CATEGORIES]);
    for (const c of categories) expect(c.merchantCount).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['San Francisco (simulator start)', SIM_START, 'USD', 'America/Los_Angeles'],
    ['San Francisco (recorded drive)', TRACE_START, 'USD', 'America/Los_Angeles'],
    ['Dearborn', { lat: 42.3223, lon: -83.1763 }, 'USD', 'America/Detroit'],
    ['Hangzhou', { lat: 30.2741, lon: 120.1551 }, 'CNY', 'Asia/Shanghai'],
    ['Munich', { lat: 48.1374, lon: 11.5755 }, 'EUR', 'Europe/Berlin'],
  ])('serves %s in its local currency and time zone', async (_place, at, currency, zone) => {
    const found = await search(`lat=${at.lat}&lon=${at.lon}&radiusM=10000&limit=100`);
    const minimum = at === TRACE_START ? 4 : 8;
    expect(found.length).toBeGreaterThanOrEqual(minimum);
    for (const m of found) {
      expect(m.currency).toBe(currency);
      expect(m.openingHours.timeZone).toBe(zone);
    }
    if (at !== TRACE_START) expect(new Set(found.map((m) => m.category)).size).toBe(7);
  });

  it('is seeded identically on every fresh database and not rewritten on restart', async () => {
    const other = cloudHarness();
    try {
      await other.start();
      const dump = (path: string) => {
        const db = new DatabaseSync(path, { readOnly: true });
        try {
          return {
            merchants: db.prepare('SELECT * FROM merchants ORDER BY id').all(),
            payments: db.prepare('SELECT * FROM payment_methods ORDER BY id').all(),
            vehicles: db.prepare('SELECT id, name, token_sha256 FROM vehicles ORDER BY id').all(),
            state: db.prepare('SELECT seed_version, seeded_at FROM catalogue_state').get(),
          };
        } finally {
          db.close();
        }
      };
      const a = dump(h.dbPath);
      const b = dump(other.dbPath);
      expect(a.merchants).toEqual(b.merchants);
      expect(a.payments).toEqual(b.payments);
      expect(a.vehicles).toEqual(b.vehicles);
      await server.close();
      server = await h.start({ now: () => new Date('2030-01-01T00:00:00Z') });
      expect(dump(h.dbPath)).toEqual(a); // same seeded_at: nothing was rewritten
    } finally {
      await other.cleanup();
    }
  });

  it('stores vehicle tokens as SHA-256 only', () => {
    const db = new DatabaseSync(h.dbPath, { readOnly: true });
    try {
      const rows = db.prepare('SELECT * FROM vehicles').all();
      expect(JSON.stringify(rows)).not.toContain('dev-vehicle-token');
      expect(rows.map((r) => r.token_sha256)).toContain(tokenDigest('dev-vehicle-token'));
    } finally {
      db.close();
    }
  });
});

describe('merchant search', () => {
  it('returns merchants within the radius, nearest first, with true distances', async () => {
    const found = await search(`lat=${SIM_START.lat}&lon=${SIM_START.lon}&radiusM=1500&limit=100`);
    expect(found.length).toBeGreaterThanOrEqual(8);
    const distances = found.map((m) => m.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const m of found) {
      expect(m.distanceM).toBeLessThanOrEqual(1500);
      expect(Math.abs(m.distanceM - distanceM(SIM_START, m.position))).toBeLessThanOrEqual(0.5);
      expect(m.bearingDeg).toBeCloseTo(bearingDeg(SIM_START, m.position), 1);
      expect(m.ahead).toBeNull(); // no heading given
      expect(m.etaMinutes).toBeGreaterThanOrEqual(1);
      expect(m.imageUrl).toBe(`/v1/images/${m.id}.svg`);
    }
    // Nothing from other cities, and a smaller radius keeps only the nearer ones.
    const near = await search(`lat=${SIM_START.lat}&lon=${SIM_START.lon}&radiusM=300`);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(found.length);
    expect(near).toEqual(found.slice(0, near.length));
    expect(await search('lat=0&lon=0&radiusM=50000')).toEqual([]);
  });

  it('limits the count and filters by category', async () => {
    const q = `lat=${SIM_START.lat}&lon=${SIM_START.lon}&radiusM=20000`;
    expect(await search(`${q}&limit=3`)).toHaveLength(3);
    const fuel = await search(`${q}&category=fuel&limit=100`);
    expect(fuel.length).toBeGreaterThanOrEqual(2);
    for (const m of fuel) expect(m.category).toBe('fuel');
  });

  it('marks merchants ahead from the heading along the recorded drive', async () => {
    const q = `lat=${TRACE_START.lat}&lon=${TRACE_START.lon}&radiusM=3000&limit=100`;
    const north = await search(`${q}&heading=2`);
    const byId = new Map(north.map((m) => [m.id, m]));
    expect(byId.get('sf-19th-ave-gas')?.ahead).toBe(true);
    expect(byId.get('sf-junipero-wash')?.ahead).toBe(false);
    for (const m of north) expect(m.ahead).toBe(isAhead(2, m.bearingDeg));
    // Turn around: what was behind is now ahead.
    const south = await search(`${q}&heading=182`);
    expect(south.find((m) => m.id === 'sf-19th-ave-gas')?.ahead).toBe(false);
    expect(south.find((m) => m.id === 'sf-junipero-wash')?.ahead).toBe(true);
    // The first station ahead, as a low-fuel suggestion would pick it.
    const fuelAhead = (await search(`${q}&heading=2&category=fuel`)).find((m) => m.ahead);
    expect(fuelAhead?.id).toBe('sf-19th-ave-gas');
  });

  it('says what is open now in the merchant’s own time zone', async () => {
    // 11:00 in San Francisco on a Wednesday; 02:00 Thursday in Hangzhou.
    const sf = await search(`lat=${SIM_START.lat}&lon=${SIM_START.lon}&radiusM=2000&limit=100`);
    expect(sf.find((m) => m.id === 'sf-civic-roasters')).toMatchObject({
      openNow: true,
      nextChange: { day: 3, time: '18:00' },
    });
    expect(sf.find((m) => m.id === 'sf-van-ness-fuel')).toMatchObject({
      openNow: true,
      nextChange: null,
    });
    const hz = await search('lat=30.2741&lon=120.1551&radiusM=5000&limit=100');
    expect(hz.find((m) => m.id === 'hz-hubin-coffee')).toMatchObject({
      openNow: false,
      nextChange: { day: 4, time: '08:00' },
    });
    expect(hz.find((m) => m.id === 'hz-yanan-fuel')?.openNow).toBe(true);
  });

  it.each([
    ['lat missing', 'lon=1', 'query.lat'],
    ['lat not a number', 'lat=abc&lon=1', 'query.lat'],
    ['lat in hex', 'lat=0x10&lon=1', 'query.lat'],
    ['lat out of range', 'lat=91&lon=1', 'query.lat'],
    ['radius zero', 'lat=1&lon=1&radiusM=0', 'query.radiusM'],
    ['radius too large', 'lat=1&lon=1&radiusM=50001', 'query.radiusM'],
    ['unknown category', 'lat=1&lon=1&category=bakery', 'query.category'],
    ['heading out of range', 'lat=1&lon=1&heading=361', 'query.heading'],
    ['limit too high', 'lat=1&lon=1&limit=101', 'query.limit'],
  ])('answers 400 invalid_request for %s', async (_what, query, path) => {
    const res = await api(server).get(`/v1/merchants?${query}`);
    expect(res.status).toBe(400);
    const { error } = ErrorResponseSchema.parse(res.body);
    expect(error.code).toBe('invalid_request');
    expect(error.issues?.map((i) => i.path)).toContain(path);
  });
});

describe('merchant detail and images', () => {
  it('returns the menu as sections → items → option groups, prices in minor units', async () => {
    const res = await api(server).get('/v1/merchants/sf-civic-roasters');
    expect(res.status).toBe(200);
    const m = MerchantDetailSchema.parse(res.body);
    expect(m).toMatchObject({ currency: 'USD', deliversToCar: true, openNow: true });
    const items = m.menu.sections.flatMap((s) => s.items);
    const latte = items.find((i) => i.id === 'latte');
    expect(latte).toMatchObject({ priceMinor: 525, available: true });
    expect(latte?.optionGroups.find((g) => g.id === 'size')).toMatchObject({ min: 1, max: 1 });
    // The documented rejection case: the seasonal item is sold out at this merchant.
    expect(items.find((i) => i.id === 'seasonal')?.available).toBe(false);
    for (const item of items) {
      expect(Number.isInteger(item.priceMinor)).toBe(true);
      for (const g of item.optionGroups)
        for (const o of g.options) expect(o).not.toHaveProperty('optionGroups');
    }
  });

  it('prices each place in its own currency and language', async () => {
    const muc = MerchantDetailSchema.parse(
      (await api(server).get('/v1/merchants/muc-viktualien-kaffee')).body,
    );
    expect(muc.currency).toBe('EUR');
    expect(muc.tax).toEqual({ rateBp: 1900, included: true });
    expect(muc.menu.sections[0]?.name).toBe('Kaffee');
    const hz = MerchantDetailSchema.parse(
      (await api(server).get('/v1/merchants/hz-hubin-coffee')).body,
    );
    expect(hz.currency).toBe('CNY');
    expect(hz.menu.sections[0]?.items[0]).toMatchObject({ name: '拿铁', priceMinor: 2800 });
  });

  it('answers an unknown merchant 404 not_found and a malformed id 400', async () => {
    const missing = await api(server).get('/v1/merchants/no-such-merchant');
    expect(missing.status).toBe(404);
    expect(ErrorResponseSchema.parse(missing.body).error.code).toBe('not_found');
    const bad = await api(server).get('/v1/merchants/Not%20An%20Id');
    expect(bad.status).toBe(400);
    expect(ErrorResponseSchema.parse(bad.body).error.code).toBe('invalid_request');
  });

  it('serves deterministic, self-contained SVG images', async () => {
    const get = () => fetch(`${server.url}/v1/images/hz-hubin-coffee.svg`);
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await first.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title>湖滨咖啡</title>');
    expect(svg).not.toMatch(/<script|href=|url\((?!#)/);
    expect(await (await get()).text()).toBe(svg);
    const missing = await fetch(`${server.url}/v1/images/nobody.svg`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${server.url}/v1/images/..%2Fsecret.svg`)).status).toBe(400);
  });
});
