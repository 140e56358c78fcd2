/**
 * Positions are WGS-84 degrees end to end (what the car's GNSS reports). Pure math, no I/O,
 * shared by the cloud (search), the host (cached catalogue offline) and the renderer.
 */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), metres; haversine error stays under 0.5 % at city scale. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** A merchant counts as "ahead" when its bearing is within this many degrees of the heading. */
export const AHEAD_HALF_ANGLE_DEG = 45;

/** Assumed average urban driving speed for rough ETAs. */
export const CITY_SPEED_KMH = 30;

/** Roads are longer than the straight line; a typical urban detour factor. */
export const ROAD_DETOUR_FACTOR = 1.3;

const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Normalises any angle to [0, 360). */
export function normalizeDeg(deg: number): number {
  const r = deg % 360;
  return r < 0 ? r + 360 : r === 0 ? 0 : r; // `=== 0` folds -0 into 0
}

/** Initial great-circle bearing from `from` to `to`, degrees clockwise from true north, [0, 360). */
export function bearingDeg(from: LatLon, to: LatLon): number {
  const φ1 = from.lat * RAD;
  const φ2 = to.lat * RAD;
  const dλ = (to.lon - from.lon) * RAD;
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  return normalizeDeg(Math.atan2(y, x) / RAD);
}

/** Smallest absolute difference between two headings, [0, 180]. */
export function angleDiffDeg(a: number, b: number): number {
  const d = Math.abs(normalizeDeg(a) - normalizeDeg(b));
  return d > 180 ? 360 - d : d;
}

/** True when `bearing` lies within ±`halfAngle` of `heading` (the car's direction of travel). */
export function isAhead(
  headingDeg: number,
  bearing: number,
  halfAngle = AHEAD_HALF_ANGLE_DEG,
): boolean {
  return angleDiffDeg(headingDeg, bearing) <= halfAngle;
}

/**
 * Rough driving time in whole minutes (at least 1) for a straight-line distance, at the assumed
 * city speed and detour factor. It is a hint for sorting and display, not a routed ETA.
 */
export function etaMinutes(straightLineM: number, speedKmh = CITY_SPEED_KMH): number {
  const metresPerMinute = (speedKmh * 1000) / 60;
  return Math.max(1, Math.ceil((straightLineM * ROAD_DETOUR_FACTOR) / metresPerMinute));
}

/**
 * A latitude/longitude box that contains every point within `radiusM` of `center` (for an
 * indexed SQL prefilter before the exact distance). Longitude bounds are null near the poles or
 * across the antimeridian, where the box would wrap.
 */
export function boundingBox(
  center: LatLon,
  radiusM: number,
): { minLat: number; maxLat: number; minLon: number | null; maxLon: number | null } {
  const angular = radiusM / EARTH_RADIUS_M; // radians
  const dLat = angular / RAD;
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  // Exact widest longitude offset of a spherical cap (not r / cos φ, which undershoots).
  const s = Math.sin(angular) / Math.cos(center.lat * RAD);
  if (minLat <= -90 || maxLat >= 90 || s >= 1)
    return { minLat, maxLat, minLon: null, maxLon: null };
  const dLon = Math.asin(s) / RAD;
  const minLon = center.lon - dLon;
  const maxLon = center.lon + dLon;
  if (minLon < -180 || maxLon > 180) return { minLat, maxLat, minLon: null, maxLon: null };
  return { minLat, maxLat, minLon, maxLon };
}
