import type { DatabaseSync } from 'node:sqlite';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../common/log.ts';
import { requestVehicle } from './http/requestVehicle.ts';

/**
 * The server's own record of what vehicles sent it: per request the vehicle, the route,
 * every query and body key, and any position or odometer values found. It is what a
 * provider would have to disclose, and what a test reads to prove a car sent nothing covered by a
 * withheld consent. Recorded before validation: a refused request of a car still carried its data
 * here. Rows live for the configured number of days (`pruneAudit`).
 */

export interface ReceivedRecord {
  id: number;
  receivedAt: string;
  vehicleId: string | null;
  method: string;
  /** The route pattern (`/v1/merchants/:merchantId`), or the path when no route matched. */
  route: string;
  /** Query and body key paths (`lat`, `records[].purpose`), names only. */
  keys: string[];
  /** Set when either coordinate arrived (the other may be missing). */
  position: { lat: number | null; lon: number | null } | null;
  odometerM: number | null;
}

const LAT_KEYS = new Set(['lat', 'latitude']);
const LON_KEYS = new Set(['lon', 'lng', 'long', 'longitude']);
/** Anything naming an odometer or mileage reading counts as mileage. */
const MILEAGE_KEY = /odometer|mileage|traveleddistance/i;

const MAX_DEPTH = 6;
const MAX_KEYS = 200;

interface Found {
  keys: string[];
  lat: number | null;
  lon: number | null;
  odometerM: number | null;
}

function numeric(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) {
    return Number(value);
  }
  return null;
}

function scan(node: unknown, path: string, depth: number, found: Found): void {
  if (depth > MAX_DEPTH || found.keys.length >= MAX_KEYS) return;
  if (Array.isArray(node)) {
    for (const item of node) scan(item, `${path}[]`, depth + 1, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const keyPath = path ? `${path}.${key}` : key;
    if (!found.keys.includes(keyPath) && found.keys.length < MAX_KEYS) found.keys.push(keyPath);
    const lower = key.toLowerCase();
    const n = Array.isArray(value) ? null : numeric(value);
    if (n !== null && LAT_KEYS.has(lower) && found.lat === null) found.lat = n;
    else if (n !== null && LON_KEYS.has(lower) && found.lon === null) found.lon = n;
    else if (n !== null && MILEAGE_KEY.test(key) && found.odometerM === null) found.odometerM = n;
    scan(value, keyPath, depth + 1, found);
  }
}

/** What one request carried, from its parsed query and body. */
export function inspectPayload(query: unknown, body: unknown): Found {
  const found: Found = { keys: [], lat: null, lon: null, odometerM: null };
  scan(query, '', 0, found);
  scan(body, '', 0, found);
  found.keys.sort();
  return found;
}

/** What the 404 handler's requests are recorded under: their paths are the client's to choose. */
export const UNMATCHED_ROUTE = '(no route)';

/**
 * Records every request that reaches a handler (or the 404 handler) once its body is parsed: one
 * row per request of a known vehicle; requests without one are only counted per day and route,
 * so a flood leaves a bounded trace. A failure to record is logged and does not fail the request.
 */
export function installReceivedDataLog(
  app: FastifyInstance,
  options: { db: DatabaseSync; now: () => Date; log: Logger },
): void {
  const { db, now, log } = options;
  const insert = db.prepare(
    `INSERT INTO received_data (received_at, vehicle_id, method, route, keys_json, lat, lon,
       odometer_m) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare(
    `INSERT INTO unauthenticated_requests (day, route, count) VALUES (?, ?, 1)
       ON CONFLICT (day, route) DO UPDATE SET count = count + 1`,
  );
  app.addHook('preHandler', async (request) => {
    try {
      const at = now().toISOString();
      const pattern = request.is404 ? undefined : request.routeOptions.url;
      const vehicle = requestVehicle(db, request);
      if (!vehicle) {
        // Unmatched paths are the client's to choose: counted under one name, not as given.
        count.run(at.slice(0, 10), `${request.method} ${pattern ?? UNMATCHED_ROUTE}`);
        return;
      }
      const route = (pattern ?? request.url.split('?')[0] ?? '').slice(0, 200);
      const found = inspectPayload(request.query, request.body);
      insert.run(
        at,
        vehicle.id,
        request.method,
        route,
        JSON.stringify(found.keys),
        found.lat,
        found.lon,
        found.odometerM,
      );
    } catch (error) {
      log.error('received_data_failed', { error: String(error) });
    }
  });
}

/** Unauthenticated requests per day and `METHOD route`, for tests and audits. */
export function unauthenticatedCounts(
  db: DatabaseSync,
): { day: string; route: string; count: number }[] {
  return db
    .prepare('SELECT day, route, count FROM unauthenticated_requests ORDER BY day, route')
    .all() as { day: string; route: string; count: number }[];
}

/** Deletes audit rows older than `days` days; returns how many rows went. */
export function pruneAudit(db: DatabaseSync, now: Date, days: number): number {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows = db.prepare('DELETE FROM received_data WHERE received_at < ?').run(cutoff);
  const counts = db
    .prepare('DELETE FROM unauthenticated_requests WHERE day < ?')
    .run(cutoff.slice(0, 10));
  return Number(rows.changes) + Number(counts.changes);
}

interface Row {
  id: number;
  received_at: string;
  vehicle_id: string | null;
  method: string;
  route: string;
  keys_json: string;
  lat: number | null;
  lon: number | null;
  odometer_m: number | null;
}

/** The record, oldest first. For tests and audits; no route serves it. */
export function receivedRecords(db: DatabaseSync): ReceivedRecord[] {
  const rows = db.prepare('SELECT * FROM received_data ORDER BY id').all() as unknown as Row[];
  return rows.map((r) => ({
    id: r.id,
    receivedAt: r.received_at,
    vehicleId: r.vehicle_id,
    method: r.method,
    route: r.route,
    keys: JSON.parse(r.keys_json) as string[],
    position: r.lat !== null || r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    odometerM: r.odometer_m,
  }));
}
