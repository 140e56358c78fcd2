import { describe, expect, it } from 'vitest';
import {
  angleDiffDeg,
  bearingDeg,
  boundingBox,
  distanceM,
  etaMinutes,
  isAhead,
} from '../../common/geo.ts';
import { openState, type OpeningHours } from '../../common/openingHours.ts';
import { merchantsFromFeed } from '../../cloud/catalogue/import.ts';
import { SEED_FEEDS } from '../../cloud/catalogue/seed/places.ts';
import { gcj02ToWgs84, outsideChina, wgs84ToGcj02 } from '../../cloud/geo/gcj02.ts';

describe('geo', () => {
  it('measures great-circle distances', () => {
    // One degree of latitude is ~111.2 km on the mean sphere.
    expect(distanceM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, -1);
    // The comma2k19 drive: 37.720998,-122.472305 → 37.730081,-122.471816, about 1.0 km north.
    const d = distanceM({ lat: 37.720998, lon: -122.472305 }, { lat: 37.730081, lon: -122.471816 });
    expect(d).toBeGreaterThan(1000);
    expect(d).toBeLessThan(1020);
    expect(distanceM({ lat: 48.1374, lon: 11.5755 }, { lat: 48.1374, lon: 11.5755 })).toBe(0);
  });

  it('gives bearings clockwise from north in [0, 360)', () => {
    const here = { lat: 37.7793, lon: -122.4193 };
    expect(bearingDeg(here, { lat: 37.79, lon: -122.4193 })).toBeCloseTo(0, 5);
    expect(bearingDeg(here, { lat: 37.7793, lon: -122.4 })).toBeCloseTo(90, 1);
    expect(bearingDeg(here, { lat: 37.77, lon: -122.4193 })).toBeCloseTo(180, 5);
    expect(bearingDeg(here, { lat: 37.7793, lon: -122.44 })).toBeCloseTo(270, 1);
  });

  it('calls a bearing ahead within ±45° of the heading, across north', () => {
    expect(angleDiffDeg(350, 10)).toBe(20);
    expect(isAhead(0, 44)).toBe(true);
    expect(isAhead(0, 45)).toBe(true);
    expect(isAhead(0, 46)).toBe(false);
    expect(isAhead(10, 330)).toBe(true);
    expect(isAhead(90, 270)).toBe(false);
    expect(isAhead(359, 1)).toBe(true);
  });

  it('estimates whole minutes at city speed, at least one', () => {
    expect(etaMinutes(0)).toBe(1);
    expect(etaMinutes(5000)).toBe(13); // 6.5 km of road at 30 km/h
  });

  it('bounds a radius with a box that contains the whole circle', () => {
    const c = { lat: 48.1374, lon: 11.5755 };
    const box = boundingBox(c, 2000);
    for (let b = 0; b < 360; b += 5) {
      // A point 1999 m away in each direction, walked out by bisection on distance.
      let lo = 0;
      let hi = 0.05;
      const at = (t: number) => ({
        lat: c.lat + t * Math.cos((b * Math.PI) / 180),
        lon: c.lon + (t * Math.sin((b * Math.PI) / 180)) / Math.cos((c.lat * Math.PI) / 180),
      });
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (distanceM(c, at(mid)) < 1999) lo = mid;
        else hi = mid;
      }
      const p = at(lo);
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(p.lat).toBeLessThanOrEqual(box.maxLat);
      expect(p.lon).toBeGreaterThanOrEqual(box.minLon as number);
      expect(p.lon).toBeLessThanOrEqual(box.maxLon as number);
    }
    expect(boundingBox({ lat: 10, lon: 179.99 }, 5000).minLon).toBeNull();
  });
});

describe('opening hours in the merchant’s time zone', () => {
  const cafe: OpeningHours = {
    timeZone: 'America/Los_Angeles',
    alwaysOpen: false,
    periods: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, open: '06:30', close: '18:00' })),
  };

  it('reads local wall-clock time, including daylight saving', () => {
    // 2026-03-11 is a Wednesday; PDT (UTC-7) since 8 March.
    expect(openState(cafe, new Date('2026-03-11T13:29:00Z'))).toEqual({
      open: false,
      nextChange: { day: 3, time: '06:30' },
    });
    expect(openState(cafe, new Date('2026-03-11T13:30:00Z'))).toEqual({
      open: true,
      nextChange: { day: 3, time: '18:00' },
    });
    // Friday 18:00 local: closed until Monday.
    expect(openState(cafe, new Date('2026-03-14T01:00:00Z'))).toEqual({
      open: false,
      nextChange: { day: 1, time: '06:30' },
    });
  });

  it('handles periods past midnight, 24:00, split days and always-open', () => {
    const lateNight: OpeningHours = {
      timeZone: 'Europe/Berlin',
      alwaysOpen: false,
      periods: [{ day: 7, open: '22:00', close: '02:00' }],
    };
    // Monday 01:30 in Berlin (CET, UTC+1) belongs to Sunday's period.
    expect(openState(lateNight, new Date('2026-03-09T00:30:00Z')).open).toBe(true);
    expect(openState(lateNight, new Date('2026-03-09T01:30:00Z')).open).toBe(false);
    const split: OpeningHours = {
      timeZone: 'Asia/Shanghai',
      alwaysOpen: false,
      periods: [
        { day: 3, open: '10:30', close: '14:00' },
        { day: 3, open: '16:30', close: '24:00' },
        { day: 4, open: '00:00', close: '01:00' },
      ],
    };
    // Wednesday 15:00 in Shanghai: between lunch and dinner.
    expect(openState(split, new Date('2026-03-11T07:00:00Z'))).toEqual({
      open: false,
      nextChange: { day: 3, time: '16:30' },
    });
    // Wednesday 23:00: open, and 24:00 + Thursday 00:00 merge into one closing at 01:00.
    expect(openState(split, new Date('2026-03-11T15:00:00Z'))).toEqual({
      open: true,
      nextChange: { day: 4, time: '01:00' },
    });
    expect(openState({ timeZone: 'UTC', alwaysOpen: true, periods: [] }, new Date())).toEqual({
      open: true,
      nextChange: null,
    });
    expect(openState({ timeZone: 'UTC', alwaysOpen: false, periods: [] }, new Date())).toEqual({
      open: false,
      nextChange: null,
    });
  });
});

describe('GCJ-02 ↔ WGS-84', () => {
  it('matches published reference pairs (eviltransform, coordtransform)', () => {
    const pairs: [number, number, number, number][] = [
      // WGS-84 lat, lon → GCJ-02 lat, lon
      [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // Shanghai
      [22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // Shenzhen
      [39.911954, 116.377817, 39.91334545536069, 116.38404722455657], // Beijing
      [39.915, 116.404, 39.91640428150164, 116.41024449916938], // Beijing, Tiananmen
    ];
    for (const [lat, lon, gLat, gLon] of pairs) {
      const g = wgs84ToGcj02({ lat, lon });
      expect(g.lat).toBeCloseTo(gLat, 9);
      expect(g.lon).toBeCloseTo(gLon, 9);
    }
  });

  it('offsets Hangzhou by a few hundred metres and inverts to within 1e-7°', () => {
    const wgs = { lat: 30.2741, lon: 120.1551 };
    const gcj = wgs84ToGcj02(wgs);
    expect(gcj.lat - wgs.lat).toBeCloseTo(-0.00233, 4);
    expect(gcj.lon - wgs.lon).toBeCloseTo(0.00469, 4);
    const metres = distanceM(wgs, gcj);
    expect(metres).toBeGreaterThan(400);
    expect(metres).toBeLessThan(600);
    const back = gcj02ToWgs84(gcj);
    expect(Math.abs(back.lat - wgs.lat)).toBeLessThan(1e-7);
    expect(Math.abs(back.lon - wgs.lon)).toBeLessThan(1e-7);
  });

  it('leaves positions outside China untouched', () => {
    for (const p of [
      { lat: 37.7793, lon: -122.4193 },
      { lat: 48.1374, lon: 11.5755 },
    ]) {
      expect(outsideChina(p)).toBe(true);
      expect(wgs84ToGcj02(p)).toEqual(p);
      expect(gcj02ToWgs84(p)).toEqual(p);
    }
  });

  it('converts the Hangzhou feed (GCJ-02) on import, and no other', () => {
    for (const feed of SEED_FEEDS) {
      const imported = merchantsFromFeed(feed);
      feed.merchants.forEach((source, i) => {
        const m = imported[i];
        const expected =
          feed.coordinateSystem === 'GCJ02'
            ? gcj02ToWgs84({ lat: source.lat, lon: source.lon })
            : { lat: source.lat, lon: source.lon };
        expect(m?.position.lat).toBeCloseTo(expected.lat, 7);
        expect(m?.position.lon).toBeCloseTo(expected.lon, 7);
        // And back: the stored WGS-84 position re-encodes to the feed's GCJ-02 one (±1 cm).
        if (feed.coordinateSystem === 'GCJ02' && m) {
          const again = wgs84ToGcj02(m.position);
          expect(distanceM(again, { lat: source.lat, lon: source.lon })).toBeLessThan(0.05);
          expect(distanceM(m.position, { lat: source.lat, lon: source.lon })).toBeGreaterThan(300);
        }
      });
    }
    expect(SEED_FEEDS.find((f) => f.place === 'hangzhou')?.coordinateSystem).toBe('GCJ02');
  });
});
