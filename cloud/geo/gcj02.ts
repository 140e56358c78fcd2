import type { LatLon } from '../../common/geo.ts';

/**
 * GCJ-02 ("Mars coordinates"), the obfuscated datum Chinese map providers (AMap, Tencent) publish
 * positions in, and WGS-84, which the car's GNSS and everything else in Dashport uses. The offset
 * is a few hundred metres, enough to put a merchant on the wrong street. The forward transform is
 * the widely published public-domain approximation (Krasovsky 1940 ellipsoid); the inverse has no
 * closed form and is solved by fixed-point iteration.
 */

const A = 6378245.0; // Krasovsky 1940 semi-major axis, metres
const EE = 0.006693421622965943; // its first eccentricity squared
const PI = Math.PI;

/** GCJ-02 applies inside mainland China's rough bounding box only; elsewhere it equals WGS-84. */
export function outsideChina(p: LatLon): boolean {
  return p.lon < 72.004 || p.lon > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  return r;
}

function shiftLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  return r;
}

export function wgs84ToGcj02(p: LatLon): LatLon {
  if (outsideChina(p)) return { lat: p.lat, lon: p.lon };
  const x = p.lon - 105;
  const y = p.lat - 35;
  const radLat = (p.lat / 180) * PI;
  const sin = Math.sin(radLat);
  const magic = 1 - EE * sin * sin;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (shiftLat(x, y) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  const dLon = (shiftLon(x, y) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return { lat: p.lat + dLat, lon: p.lon + dLon };
}

/** Iterates until the forward transform of the result lands within ~1 mm of the input. */
export function gcj02ToWgs84(p: LatLon): LatLon {
  if (outsideChina(p)) return { lat: p.lat, lon: p.lon };
  let w: LatLon = { lat: p.lat, lon: p.lon };
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(w);
    const dLat = p.lat - g.lat;
    const dLon = p.lon - g.lon;
    w = { lat: w.lat + dLat, lon: w.lon + dLon };
    if (Math.abs(dLat) < 1e-9 && Math.abs(dLon) < 1e-9) break;
  }
  return w;
}
