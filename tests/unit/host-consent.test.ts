import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { PICKABLE_AREAS } from '../../common/areas.ts';
import { createHostClient, type HostClient } from '../../common/hostApi/client.ts';
import { HostApiError } from '../../common/hostApi/errors.ts';
import type { ConsentView } from '../../common/hostApi/commerce.schema.ts';
import type { Host } from '../../electron/host/host.ts';
import { cloudHarness, type Harness } from '../support/cloud.ts';
import { directTransport } from '../support/directTransport.ts';
import { startHost } from '../support/hostCommerce.ts';
import { startRecordingProxy } from '../support/recordingProxy.ts';
import { tempDir } from '../support/tmp.ts';

/** Where the car is in these tests: a spot in Dearborn with digits no area centre shares. */
const CAR = { lat: 42.31234, lon: -83.21987, heading: 90 };

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let cloud: CloudServer;
let host: Host;
let api: HostClient;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

beforeEach(async () => {
  tmp = tempDir('dashport-consent-');
  h = cloudHarness();
  cloud = await h.start();
  proxy = await startRecordingProxy(cloud.url);
  host = startHost(tmp.dir, proxy.url);
  api = createHostClient(directTransport(host));
});
afterEach(async () => {
  host.close();
  await proxy.close();
  await h.cleanup();
  tmp.cleanup();
});

/** Every query string the host sent the cloud, parsed. */
function queries(): URLSearchParams[] {
  return proxy.requests.map((r) => new URL(r.url, 'http://x').searchParams);
}

/** In any request the host made (path, query or body), or anywhere in the cloud's logs. */
function carPositionSent(): boolean {
  const sent = proxy.requests.map((r) => `${r.url} ${r.body}`).concat(h.logs);
  return sent.some((text) => text.includes(String(CAR.lat)) || text.includes(String(CAR.lon)));
}

describe('location consent', () => {
  it('is withheld by default', async () => {
    expect(await api.call('consent.get')).toEqual({
      consents: ['location', 'personalised_offers', 'usage_analytics', 'mileage_sharing'].map(
        (purpose) => ({ purpose, granted: false, updatedAt: null }),
      ),
    });
  });

  it('withheld: a search around the car is refused and the position never leaves the car', async () => {
    const error = await api.call('catalog.merchants', { position: CAR }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostApiError);
    expect(error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/consent/) });
    expect(proxy.requests.filter((r) => r.url.includes('/v1/merchants'))).toEqual([]);
    expect(carPositionSent()).toBe(false);
  });

  it('a hand-picked area sends only the area centre, never the car position', async () => {
    const list = await api.call('catalog.merchants', { area: 'dearborn', category: 'coffee' });
    expect(list.merchants.length).toBeGreaterThan(0);
    const dearborn = PICKABLE_AREAS.find((a) => a.id === 'dearborn');
    const searches = queries().filter((q) => q.has('lat'));
    expect(searches).toHaveLength(1);
    expect(Object.fromEntries(searches[0] ?? [])).toEqual({
      lat: String(dearborn?.centre.lat),
      lon: String(dearborn?.centre.lon),
      radiusM: String(dearborn?.radiusM),
      category: 'coffee',
      limit: '50',
    });
    expect(carPositionSent()).toBe(false);
  });

  it('granted: the search carries the car position; withdrawn: refused again and forgotten', async () => {
    const changes: ConsentView[] = [];
    api.on('consent.changed', (view) => changes.push(view));
    const granted = await api.call('consent.set', { purpose: 'location', granted: true });
    expect(granted.consents[0]).toMatchObject({ purpose: 'location', granted: true });
    expect(changes).toEqual([granted]);

    await api.call('catalog.merchants', { position: CAR });
    const [search] = queries().filter((q) => q.has('lat'));
    expect(search?.get('lat')).toBe(String(CAR.lat));
    expect(search?.get('lon')).toBe(String(CAR.lon));
    expect(search?.get('heading')).toBe(String(CAR.heading));
    // Sent with consent, yet the cloud's log keeps a coarse cell at most, never the position.
    expect(h.logs.some((l) => l.includes(String(CAR.lat)) || l.includes(String(CAR.lon)))).toBe(
      false,
    );
    expect(h.logs.some((l) => l.includes('"cell":"42.3,-83.3"'))).toBe(true);

    await api.call('consent.set', { purpose: 'location', granted: false });
    expect(changes.map((c) => c.consents[0]?.granted)).toEqual([true, false]);
    const before = proxy.requests.length;
    await expect(api.call('catalog.merchants', { position: CAR })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(proxy.requests.slice(before).some((r) => r.url.includes('/v1/merchants'))).toBe(false);
    // The cache no longer holds where the car searched.
    const db = new DatabaseSync(join(tmp.dir, 'dashport.db'), { readOnly: true });
    const { n } = db
      .prepare(`SELECT count(*) AS n FROM cache_searches WHERE kind = 'position'`)
      .get() as { n: number };
    const log = db.prepare('SELECT purpose, granted FROM consent_log ORDER BY id').all();
    db.close();
    expect(n).toBe(0);
    expect(log).toEqual([
      { purpose: 'location', granted: 1 },
      { purpose: 'location', granted: 0 },
    ]);
  });

  it('is kept across a restart, and repeating the same answer emits nothing', async () => {
    await api.call('consent.set', { purpose: 'location', granted: true });
    host.close();
    host = startHost(tmp.dir, proxy.url);
    api = createHostClient(directTransport(host));
    const changes: unknown[] = [];
    api.on('consent.changed', (view) => changes.push(view));
    expect((await api.call('consent.get')).consents[0]?.granted).toBe(true);
    await api.call('consent.set', { purpose: 'location', granted: true });
    expect(changes).toEqual([]);
  });

  it('refuses an unknown purpose', async () => {
    const reply = await host.dispatch('consent.set', { purpose: 'marketing', granted: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('no other request the host makes carries a position', async () => {
    await api.call('payments.list');
    await api.call('favourites.list');
    await api.call('orders.list');
    await api.call('catalog.merchant', { merchantId: 'dbn-michigan-ave-coffee' });
    expect(queries().filter((q) => q.has('lat') || q.has('lon'))).toEqual([]);
  });
});
