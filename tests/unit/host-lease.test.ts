import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { receivedRecords, unauthenticatedCounts, type ReceivedRecord } from '../../cloud/audit.ts';
import type { CloudServer } from '../../cloud/server.ts';
import { createHostClient, type HostClient } from '../../common/hostApi/client.ts';
import type { Host } from '../../electron/host/host.ts';
import { cloudHarness, type Harness } from '../support/cloud.ts';
import { directTransport } from '../support/directTransport.ts';
import { startHost, waitFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

/** A spot near the SF partner station, with digits no area centre shares. */
const CAR = { lat: 37.78123, lon: -122.42345 };
const ODOMETER_M = 14_321_987;

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let cloud: CloudServer;
let host: Host;
let api: HostClient;

async function start(offersDailyCap?: number): Promise<void> {
  tmp = tempDir('dashport-lease-');
  h = cloudHarness();
  cloud = await h.start();
  host = startHost(tmp.dir, cloud.url, { offersDailyCap });
  api = createHostClient(directTransport(host));
}
afterEach(async () => {
  host.close();
  await h.cleanup();
  tmp.cleanup();
});

/** The cloud server's own record of what reached it. */
function received(): ReceivedRecord[] {
  const db = new DatabaseSync(h.dbPath, { readOnly: true });
  try {
    return receivedRecords(db);
  } finally {
    db.close();
  }
}

/** A session touching everything that could carry position or mileage. */
async function session(): Promise<void> {
  await api.call('account.get');
  await api.call('offers.list', { position: CAR, fuelLevel: 'low', timeOfDay: 'morning' });
  await api.call('mileage.report', { odometerM: ODOMETER_M });
  await api.call('testDrives.models');
}

describe('consent enforcement, proven by the cloud server’s own records', () => {
  beforeEach(() => start());

  it('every consent withheld: the cloud received no position and no mileage', async () => {
    await session();
    expect(await api.call('mileage.report', { odometerM: ODOMETER_M })).toEqual({ sent: false });
    const records = received();
    expect(records.map((r) => r.route)).toEqual(
      expect.arrayContaining(['/v1/account', '/v1/offers', '/v1/test-drives/models']),
    );
    expect(records.filter((r) => r.position !== null)).toEqual([]);
    expect(records.filter((r) => r.odometerM !== null)).toEqual([]);
    expect(records.some((r) => r.route === '/v1/account/mileage')).toBe(false);
    // The offers request carried no context at all, only the non-targeted ask.
    const offers = records.find((r) => r.route === '/v1/offers');
    expect(offers?.keys).toEqual(['limit', 'locale', 'personalised']);
  });

  it('a hand-picked area search adds only the area’s fixed centre, never the car', async () => {
    await session();
    await api.call('catalog.merchants', { area: 'san-francisco' });
    // Catalogue reads go without the vehicle token: the cloud cannot tie the search to this car,
    // and only counts it. (host-consent.test.ts shows the centre is what the request carried.)
    expect(received().filter((r) => r.position !== null)).toEqual([]);
    expect(received().filter((r) => r.odometerM !== null)).toEqual([]);
    const db = new DatabaseSync(h.dbPath, { readOnly: true });
    try {
      expect(unauthenticatedCounts(db).filter((c) => c.route === 'GET /v1/merchants')).toEqual([
        expect.objectContaining({ count: 1 }),
      ]);
    } finally {
      db.close();
    }
  });

  it('granted: mileage and the position go, and offers are personalised', async () => {
    for (const purpose of ['location', 'personalised_offers', 'mileage_sharing'] as const) {
      await api.call('consent.set', { purpose, granted: true });
    }
    await api.call('account.get');
    const view = await api.call('offers.list', { position: CAR, fuelLevel: 'low' });
    expect(view.personalised).toBe(true);
    expect(await api.call('mileage.report', { odometerM: ODOMETER_M })).toEqual({ sent: true });
    const records = received();
    expect(records.find((r) => r.route === '/v1/offers')?.position).toEqual(CAR);
    expect(records.find((r) => r.route === '/v1/account/mileage')?.odometerM).toBe(ODOMETER_M);
    expect((await api.call('account.get')).account.lastMileageReport?.odometerM).toBe(ODOMETER_M);
  });

  it('personalised offers without the location consent: context goes, the position does not', async () => {
    await api.call('consent.set', { purpose: 'personalised_offers', granted: true });
    await api.call('offers.list', { position: CAR, fuelLevel: 'low', timeOfDay: 'morning' });
    const offers = received().find((r) => r.route === '/v1/offers');
    expect(offers?.position).toBeNull();
    expect(offers?.keys).toEqual(
      expect.arrayContaining(['personalised', 'fuelLevel', 'timeOfDay']),
    );
  });

  it('withdrawing is as easy as giving, and both are kept with timestamps', async () => {
    const given = await api.call('consent.set', { purpose: 'mileage_sharing', granted: true });
    const entry = given.consents.find((c) => c.purpose === 'mileage_sharing');
    expect(entry).toMatchObject({ granted: true, updatedAt: expect.any(String) });
    const withdrawn = await api.call('consent.set', {
      purpose: 'mileage_sharing',
      granted: false,
    });
    expect(withdrawn.consents.find((c) => c.purpose === 'mileage_sharing')?.granted).toBe(false);
    expect(await api.call('mileage.report', { odometerM: ODOMETER_M })).toEqual({ sent: false });
    expect(received().filter((r) => r.odometerM !== null)).toEqual([]);
  });
});

describe('the cloud’s record of consent', () => {
  beforeEach(() => start());

  it('follows each decision with the car’s own timestamp', async () => {
    const given = await api.call('consent.set', { purpose: 'mileage_sharing', granted: true });
    const withdrawn = await api.call('consent.set', {
      purpose: 'mileage_sharing',
      granted: false,
    });
    const at = (view: typeof given) =>
      view.consents.find((c) => c.purpose === 'mileage_sharing')?.updatedAt;
    const cloudRecords = () => {
      const db = new DatabaseSync(h.dbPath, { readOnly: true });
      try {
        return db.prepare('SELECT purpose, granted, at FROM consent_records ORDER BY at').all() as {
          purpose: string;
          granted: number;
          at: string;
        }[];
      } finally {
        db.close();
      }
    };
    await waitFor(() => (cloudRecords().length === 2 ? true : undefined));
    expect(cloudRecords()).toEqual([
      { purpose: 'mileage_sharing', granted: 1, at: at(given) },
      { purpose: 'mileage_sharing', granted: 0, at: at(withdrawn) },
    ]);
  });
});

describe('the cloud’s record of two decisions in one millisecond', () => {
  it('keeps both, in order', async () => {
    await start();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-24T10:00:00.000Z'));
      await api.call('consent.set', { purpose: 'mileage_sharing', granted: true });
      await api.call('consent.set', { purpose: 'mileage_sharing', granted: false });
    } finally {
      vi.useRealTimers();
    }
    const records = () => {
      const db = new DatabaseSync(h.dbPath, { readOnly: true });
      try {
        return db.prepare('SELECT granted, at FROM consent_records ORDER BY at').all();
      } finally {
        db.close();
      }
    };
    await waitFor(() => (records().length === 2 ? true : undefined));
    expect(records()).toEqual([
      { granted: 1, at: '2026-11-24T10:00:00.000Z' },
      { granted: 0, at: '2026-11-24T10:00:00.001Z' },
    ]);
  });
});

describe('the cloud’s record of consent after a failed send', () => {
  it('reaches the cloud once it is back, with no further change', async () => {
    await start();
    const port = new URL(cloud.url).port;
    await cloud.close();
    await api.call('consent.set', { purpose: 'usage_analytics', granted: true });
    // The send and the client's quick retries fail for good before the cloud returns.
    await waitFor(async () =>
      (await api.call('connectivity.get')).cloud === 'offline' ? true : undefined,
    );
    cloud = await h.start({ port: Number(port) });
    const records = () => {
      const db = new DatabaseSync(h.dbPath, { readOnly: true });
      try {
        return db.prepare('SELECT purpose, granted FROM consent_records').all();
      } finally {
        db.close();
      }
    };
    await waitFor(() => (records().length === 1 ? true : undefined), 15_000);
    expect(records()).toEqual([{ purpose: 'usage_analytics', granted: 1 }]);
  });
});

describe('offers: frequency cap and mutes', () => {
  it('caps new offers per day; an offer already shown may show again', async () => {
    await start(1);
    const first = await api.call('offers.list', {});
    expect(first.offers).toHaveLength(1);
    expect(first).toMatchObject({ shownToday: 0, dailyCap: 1, personalised: false });
    const offer = first.offers[0];
    if (!offer) throw new Error('no offer');
    expect(offer.trigger).toBe('none');
    expect(await api.call('offers.markShown', { offerId: offer.id })).toEqual({
      shownToday: 1,
      dailyCap: 1,
    });
    // Marking twice counts once.
    await api.call('offers.markShown', { offerId: offer.id });
    const again = await api.call('offers.list', {});
    expect(again.shownToday).toBe(1);
    expect(again.offers.map((o) => o.id)).toEqual([offer.id]);
  });

  it('mutes a merchant and all offers; muted-all sends nothing to the cloud', async () => {
    await start();
    const all = await api.call('offers.list', {});
    expect(all.offers.map((o) => o.id)).toContain('civic-roasters-welcome');
    const mutes = await api.call('offers.mute', { merchantId: 'sf-civic-roasters' });
    // Named as the offer named it (kept in the database with the mute).
    expect(mutes).toEqual({
      mutedAll: false,
      mutedMerchants: [{ merchantId: 'sf-civic-roasters', name: 'Civic Center Roasters' }],
    });
    const muted = await api.call('offers.list', {});
    expect(muted.offers.map((o) => o.id)).not.toContain('civic-roasters-welcome');
    await api.call('offers.unmute', { merchantId: 'sf-civic-roasters' });
    expect((await api.call('offers.list', {})).offers.map((o) => o.id)).toContain(
      'civic-roasters-welcome',
    );

    expect(await api.call('offers.muteAll', { muted: true })).toMatchObject({ mutedAll: true });
    const before = received().filter((r) => r.route === '/v1/offers').length;
    const none = await api.call('offers.list', {});
    expect(none.offers).toEqual([]);
    expect(received().filter((r) => r.route === '/v1/offers')).toHaveLength(before);
    await api.call('offers.muteAll', { muted: false });
    expect((await api.call('offers.list', {})).offers.length).toBeGreaterThan(0);
  });
});

describe('account, end of term, test drives and today’s start', () => {
  beforeEach(() => start());

  it('serves the account, cached and marked stale when the cloud is gone', async () => {
    const live = await api.call('account.get');
    expect(live.stale).toBe(false);
    expect(live.account.kind).toBe('lease');
    expect(live.account.endOfTerm.windowOpen).toBe(true);
    await cloud.close();
    const cached = await api.call('account.get');
    expect(cached.stale).toBe(true);
    expect(cached.account.accountId).toBe(live.account.accountId);
  });

  it('books the pre-inspection and records a buy choice at the quoted price', async () => {
    const { slots } = await api.call('account.inspectionSlots');
    const slot = slots[0];
    if (!slot) throw new Error('no inspection slot');
    const booked = await api.call('account.bookInspection', { slotId: slot.slotId });
    expect(booked.account.endOfTerm.inspection?.slotId).toBe(slot.slotId);
    const buy = booked.account.endOfTerm.options.find((o) => o.choice === 'buy');
    const chosen = await api.call('account.endOfTerm', {
      choice: 'buy',
      expectedPriceMinor: buy?.priceMinor ?? undefined,
    });
    expect(chosen.choice).toMatchObject({ choice: 'buy', priceMinor: buy?.priceMinor });
  });

  it('books and cancels a test drive, idempotently', async () => {
    const { models } = await api.call('testDrives.models');
    const model = models[0];
    if (!model) throw new Error('no model');
    const { slots } = await api.call('testDrives.slots', { modelId: model.id });
    const slot = slots.find((s) => s.available);
    if (!slot) throw new Error('no free slot');
    const id = 'tdb-test-0001';
    const booking = await api.call('testDrives.book', { clientBookingId: id, slotId: slot.slotId });
    const retried = await api.call('testDrives.book', { clientBookingId: id, slotId: slot.slotId });
    expect(retried.bookingId).toBe(booking.bookingId);
    expect((await api.call('testDrives.list')).bookings.map((b) => b.state)).toEqual(['booked']);
    expect((await api.call('testDrives.cancel', { clientBookingId: id })).state).toBe('cancelled');
  });

  it('keeps the first odometer of the day', async () => {
    expect(await api.call('lease.todayStart')).toEqual({ todayStart: null });
    await api.call('lease.setTodayStart', { date: '2026-11-23', odometerM: 100 });
    await api.call('lease.setTodayStart', { date: '2026-11-24', odometerM: 5000 });
    const kept = await api.call('lease.setTodayStart', { date: '2026-11-24', odometerM: 7000 });
    expect(kept).toEqual({ todayStart: { date: '2026-11-24', odometerM: 5000 } });
  });
});
