import type { DatabaseSync } from 'node:sqlite';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../common/log.ts';
import { bearerToken, vehicleForToken } from './auth.ts';

/**
 * The server's own record of what reached it: per request the vehicle (if a valid token came),
 * the route, every query and body key, and any position or odometer values found. It is what a
 * provider would have to disclose, and what a test reads to prove a car sent nothing covered by a
 * withheld consent. Recorded before authentication and validation: a refused request still
 * carried its data here.
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

/**
 * Records every request that reaches a handler (or the 404 handler) once its body is parsed.
 * A failure to record is logged and does not fail the request.
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
  app.addHook('preHandler', async (request) => {
    try {
      const found = inspectPayload(request.query, request.body);
      const vehicle = vehicleForToken(db, bearerToken(request.headers.authorization));
      const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
      insert.run(
        now().toISOString(),
        vehicle?.id ?? null,
        request.method,
        route.slice(0, 200),
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
