import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { SEED_FEEDS } from '../../cloud/catalogue/seed/places.ts';
import type { FavouriteRequest } from '../../common/cloudApi/favourites.schema.ts';
import { createHostClient, type HostClient } from '../../common/hostApi/client.ts';
import { distanceM } from '../../common/geo.ts';
import type { Host } from '../../electron/host/host.ts';
import { cloudHarness, type Harness } from '../support/cloud.ts';
import { directTransport } from '../support/directTransport.ts';
import { ALWAYS_OPEN_MERCHANT, freePort, orderFor, startHost } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let cloud: CloudServer;
let host: Host;
let api: HostClient;

beforeEach(async () => {
  tmp = tempDir('dashport-catalog-');
  h = cloudHarness();
  cloud = await h.start();
  host = startHost(tmp.dir, cloud.url);
  api = createHostClient(directTransport(host));
});
afterEach(async () => {
  host.close();
  await h.cleanup();
  tmp.cleanup();
});

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected the call to fail');
}

const coffee = (label: string): FavouriteRequest => ({
  label,
  merchantId: ALWAYS_OPEN_MERCHANT,
  fulfilment: 'pickup',
  lines: [{ itemId: 'prepay-30', quantity: 1, optionIds: ['regular'] }],
});

describe('catalogue online', () => {
  it('lists the hand-pickable areas with i18n keys and centres', async () => {
    const { areas } = await api.call('catalog.areas');
    expect(areas.map((a) => a.id)).toEqual(['san-francisco', 'dearborn', 'hangzhou', 'munich']);
    expect(areas[0]).toMatchObject({ nameKey: 'areas.sanFrancisco', centre: { lat: 37.7793 } });
  });

  it.each(['san-francisco', 'dearborn', 'hangzhou', 'munich'] as const)(
    'finds every seeded merchant of %s in its area',
    async (area) => {
      const list = await api.call('catalog.merchants', { area });
      expect(list).toMatchObject({ areaId: area, stale: false });
      const feed = SEED_FEEDS.find((f) => f.place === area);
      expect(list.merchants.map((m) => m.id).sort()).toEqual(
        feed?.merchants.map((m) => m.id).sort(),
      );
    },
  );

  it('answers a merchant with its menu; an unknown one is not_found', async () => {
    const view = await api.call('catalog.merchant', { merchantId: ALWAYS_OPEN_MERCHANT });
    expect(view.stale).toBe(false);
    expect(view.merchant.menu.sections.length).toBeGreaterThan(0);
    expect(await errorCode(api.call('catalog.merchant', { merchantId: 'gone-merchant' }))).toBe(
      'not_found',
    );
  });
});

describe('catalogue offline', () => {
  it('serves cached merchants, menus, favourites and cards marked stale, with when they were fetched', async () => {
    await api.call('consent.set', { purpose: 'location', granted: true });
    const car = { lat: 37.7793, lon: -122.4193 };
    const near = await api.call('catalog.merchants', { position: car });
    const area = await api.call('catalog.merchants', { area: 'munich', category: 'coffee' });
    const menu = await api.call('catalog.merchant', { merchantId: ALWAYS_OPEN_MERCHANT });
    await api.call('favourites.add', { favouriteId: 'fav-offline-01', favourite: coffee('Fuel') });
    const favourites = await api.call('favourites.list');
    const cards = await api.call('payments.list');

    await cloud.close();

    const nearOffline = await api.call('catalog.merchants', { position: car });
    expect(nearOffline.stale).toBe(true);
    expect(nearOffline.merchants.map((m) => m.id)).toEqual(near.merchants.map((m) => m.id));
    expect(nearOffline.fetchedAt).toBe(near.fetchedAt);
    const areaOffline = await api.call('catalog.merchants', { area: 'munich', category: 'coffee' });
    expect(areaOffline).toMatchObject({ stale: true, fetchedAt: area.fetchedAt });
    expect(areaOffline.merchants.every((m) => m.category === 'coffee')).toBe(true);
    expect(areaOffline.merchants.map((m) => m.id)).toEqual(area.merchants.map((m) => m.id));
    const menuOffline = await api.call('catalog.merchant', { merchantId: ALWAYS_OPEN_MERCHANT });
    expect(menuOffline).toMatchObject({ stale: true, fetchedAt: menu.fetchedAt });
    expect(menuOffline.merchant.menu).toEqual(menu.merchant.menu);
    expect(await api.call('favourites.list')).toMatchObject({
      stale: true,
      favourites: favourites.favourites,
    });
    expect(await api.call('payments.list')).toMatchObject({
      stale: true,
      paymentMethods: cards.paymentMethods,
    });
    expect((await api.call('connectivity.get')).cloud).toBe('offline');
  });

  it('recomputes distances for where the car is now, from the cached merchants', async () => {
    await api.call('consent.set', { purpose: 'location', granted: true });
    await api.call('catalog.merchants', { position: { lat: 37.7793, lon: -122.4193 } });
    await cloud.close();
    const moved = { lat: 37.7863, lon: -122.4215 }; // 800 m north, at the fuel station
    const list = await api.call('catalog.merchants', { position: { ...moved, heading: 0 } });
    expect(list.stale).toBe(true);
    const [nearest] = list.merchants;
    expect(nearest?.id).toBe(ALWAYS_OPEN_MERCHANT);
    expect(nearest?.distanceM).toBe(Math.round(distanceM(moved, nearest!.position)));
    expect(list.merchants.every((m) => m.ahead !== null)).toBe(true);
    const distances = list.merchants.map((m) => m.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('says unavailable where nothing was cached', async () => {
    await api.call('catalog.merchants', { area: 'munich' });
    await cloud.close();
    expect(await errorCode(api.call('catalog.merchants', { area: 'hangzhou' }))).toBe(
      'unavailable',
    );
    expect(await errorCode(api.call('catalog.merchant', { merchantId: 'muc-leopold-cafe' }))).toBe(
      'unavailable',
    );
    expect(await errorCode(api.call('favourites.list'))).toBe('unavailable');
  });
});

describe('favourites', () => {
  it('adds, reorders (kept in the car, also offline), and removes', async () => {
    await api.call('favourites.add', { favouriteId: 'fav-first-001', favourite: coffee('First') });
    const two = await api.call('favourites.add', {
      favouriteId: 'fav-second-01',
      favourite: coffee('Second'),
    });
    expect(two.favourites.map((f) => f.label)).toEqual(['First', 'Second']);
    expect(two.favourites[0]).toMatchObject({ orderable: true, totalMinor: 3000, currency: 'USD' });
    const reordered = await api.call('favourites.reorder', { favouriteIds: ['fav-second-01'] });
    expect(reordered.favourites.map((f) => f.id)).toEqual(['fav-second-01', 'fav-first-001']);

    // Restarted and offline: the arrangement stays.
    host.close();
    const port = new URL(cloud.url).port;
    await cloud.close();
    host = startHost(tmp.dir, `http://127.0.0.1:${port}`);
    api = createHostClient(directTransport(host));
    const offline = await api.call('favourites.reorder', {
      favouriteIds: ['fav-first-001', 'fav-second-01'],
    });
    expect(offline).toMatchObject({ stale: true });
    expect(offline.favourites.map((f) => f.id)).toEqual(['fav-first-001', 'fav-second-01']);
    expect(
      await errorCode(
        api.call('favourites.add', { favouriteId: 'fav-third-01', favourite: coffee('x') }),
      ),
    ).toBe('unavailable');

    cloud = await h.start({ port: Number(port) });
    const removed = await api.call('favourites.remove', { favouriteId: 'fav-first-001' });
    expect(removed.favourites.map((f) => f.id)).toEqual(['fav-second-01']);
    // Removing again (a retry after a lost reply) is not an error.
    expect((await api.call('favourites.remove', { favouriteId: 'fav-first-001' })).stale).toBe(
      false,
    );
  });

  it('passes the cloud refusal of an impossible favourite on as invalid input', async () => {
    const bad = { ...coffee('Bad'), lines: [{ itemId: 'no-such-item', quantity: 1 }] };
    expect(
      await errorCode(api.call('favourites.add', { favouriteId: 'fav-bad-0001', favourite: bad })),
    ).toBe('invalid_input');
  });
});

describe('orders through the host API', () => {
  it('names a queued order from the cached menu, and refuses a reused id', async () => {
    const { merchant } = await api.call('catalog.merchant', { merchantId: ALWAYS_OPEN_MERCHANT });
    const request = orderFor(merchant);
    const placed = await api.call('orders.place', { clientOrderId: 'order-named-0001', request });
    expect(placed.summary).toMatchObject({
      merchantName: merchant.name,
      currency: 'USD',
      estimatedTotalMinor: merchant.menu.sections[0]?.items[0]?.priceMinor,
    });
    expect(placed.summary.lines[0]?.name).toBe(merchant.menu.sections[0]?.items[0]?.name);
    expect(placed.summary.lines[0]?.options[0]?.name).not.toBeNull();
    expect(
      await errorCode(
        api.call('orders.place', {
          clientOrderId: 'order-named-0001',
          request: { ...request, note: 'changed my mind' },
        }),
      ),
    ).toBe('conflict');
    expect(await errorCode(api.call('orders.get', { clientOrderId: 'order-never-0001' }))).toBe(
      'not_found',
    );
    expect(await errorCode(api.call('orders.place', { clientOrderId: 'bad id!', request }))).toBe(
      'invalid_input',
    );
  });

  it('places an order whose menu was never loaded, without names', async () => {
    host.close();
    host = startHost(tmp.dir, `http://127.0.0.1:${await freePort()}`);
    api = createHostClient(directTransport(host));
    const placed = await api.call('orders.place', {
      clientOrderId: 'order-blind-0001',
      request: {
        merchantId: ALWAYS_OPEN_MERCHANT,
        currency: 'USD',
        fulfilment: 'pickup',
        paymentMethodId: 'pm_demo1visa4242',
        lines: [{ itemId: 'prepay-30', quantity: 1, optionIds: ['regular'] }],
      },
    });
    expect(placed).toMatchObject({
      delivery: 'queued',
      order: null,
      summary: { merchantName: null, estimatedTotalMinor: null },
    });
    expect((await api.call('orders.list')).orders.map((o) => o.clientOrderId)).toEqual([
      'order-blind-0001',
    ]);
  });
});
