import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { PICKABLE_AREAS } from '../../common/areas.ts';
import { StopListSchema } from '../../common/cloudApi/endpoints.schema.ts';
import { createHostClient } from '../../common/hostApi/client.ts';
import { HostApiError } from '../../common/hostApi/errors.ts';
import type { Host } from '../../electron/host/host.ts';
import { cloudHarness, WEDNESDAY, type Harness } from '../support/cloud.ts';
import { directTransport } from '../support/directTransport.ts';
import { startHost } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

/** San Francisco City Hall, heading north-east along Market Street. */
const CAR = { lat: 37.7793, lon: -122.4193, heading: 45 };

/*
 * The worked example of docs/architecture.md ("a host channel backed by a new cloud endpoint"):
 * GET /v1/stops in the cloud and catalog.stops in the host.
 */
describe('combined stops: stations with coffee or food open beside them', () => {
  let h: Harness;
  let cloud: CloudServer;
  beforeAll(async () => {
    h = cloudHarness();
    cloud = await h.start({ now: () => WEDNESDAY });
  });
  afterAll(async () => {
    await h.cleanup();
  });

  async function stops(query: string) {
    const res = await fetch(`${cloud.url}/v1/stops?${query}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('pairs each station with the merchants within walking distance, nearest first', async () => {
    const { status, body } = await stops(
      `lat=${CAR.lat}&lon=${CAR.lon}&energy=ev_charging&walkM=600`,
    );
    expect(status).toBe(200);
    const list = body.stops as {
      station: { id: string };
      nearby: { id: string; walkM: number }[];
    }[];
    const market = list.find((s) => s.station.id === 'sf-market-ev');
    expect(market?.nearby.map((m) => m.id)).toContain('sf-mission-taqueria');
    for (const stop of list) {
      expect(stop.nearby.length).toBeGreaterThan(0);
      const walks = stop.nearby.map((m) => m.walkM);
      expect(walks).toEqual([...walks].sort((a, b) => a - b));
      expect(Math.max(...walks)).toBeLessThanOrEqual(600);
    }
  });

  it('leaves out stations with nothing beside them, and keeps fuel and charging apart', async () => {
    const tight = await stops(`lat=${CAR.lat}&lon=${CAR.lon}&energy=ev_charging&walkM=100`);
    expect(tight.body.stops).toEqual([]);
    const fuel = await stops(`lat=${CAR.lat}&lon=${CAR.lon}&energy=fuel&walkM=400`);
    const ids = (fuel.body.stops as { station: { id: string; category: string } }[]).map(
      (s) => s.station,
    );
    expect(ids.map((s) => s.id)).toContain('sf-van-ness-fuel');
    expect(ids.every((s) => s.category === 'fuel')).toBe(true);
  });

  it('refuses a malformed query with the field named', async () => {
    const { status, body } = await stops(`lat=${CAR.lat}&lon=${CAR.lon}&energy=diesel`);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('query.energy');
  });

  describe('through the host channel', () => {
    let tmp: ReturnType<typeof tempDir>;
    let host: Host;
    beforeAll(() => {
      tmp = tempDir();
      host = startHost(tmp.dir, cloud.url);
    });
    afterAll(() => {
      host.close();
      tmp.cleanup();
    });
    const client = () => createHostClient(directTransport(host));

    it('is refused without the location consent, before anything is sent', async () => {
      const before = h.logs.length;
      const error = await client()
        .call('catalog.stops', { position: CAR, energy: 'fuel' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HostApiError);
      expect((error as HostApiError).code).toBe('forbidden');
      expect(h.logs.slice(before).some((l) => l.includes('/v1/stops'))).toBe(false);
    });

    it('answers with the cloud’s stops once location is allowed', async () => {
      await client().call('consent.set', { purpose: 'location', granted: true });
      const { stops: found } = await client().call('catalog.stops', {
        position: CAR,
        energy: 'fuel',
      });
      expect(found.map((s) => s.station.id)).toContain('sf-van-ness-fuel');
    });
  });
});

/** Local noon on a Wednesday in each demo area: its merchants are open. */
const NOON: Record<string, string> = {
  'san-francisco': '2026-03-11T19:00:00.000Z',
  dearborn: '2026-03-11T16:00:00.000Z',
  hangzhou: '2026-03-11T04:00:00.000Z',
  munich: '2026-03-11T11:00:00.000Z',
};

describe('the demo areas each have combined stops, for fuel and for charging', () => {
  it.each(PICKABLE_AREAS.map((a) => [a.id, a.centre] as const))('%s', async (id, centre) => {
    const h = cloudHarness();
    try {
      const cloud = await h.start({ now: () => new Date(NOON[id]!) });
      for (const energy of ['fuel', 'ev_charging']) {
        const res = await fetch(
          `${cloud.url}/v1/stops?lat=${centre.lat}&lon=${centre.lon}&energy=${energy}&radiusM=20000`,
        );
        const { stops } = StopListSchema.parse(await res.json());
        expect(stops.length, `${id} ${energy}`).toBeGreaterThan(0);
        // Within the host's default walk (400 m): a short walk, not a second trip.
        for (const stop of stops) expect(stop.nearby[0]!.walkM).toBeLessThanOrEqual(400);
      }
    } finally {
      await h.cleanup();
    }
  });
});
