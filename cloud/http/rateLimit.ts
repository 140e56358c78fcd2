import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatabaseSync } from 'node:sqlite';
import { ApiError } from './errors.ts';
import { requestVehicle } from './requestVehicle.ts';

export interface RateLimits {
  /** Requests per minute for one vehicle (a known token), wherever it connects from. */
  vehiclePerMinute: number;
  /** Requests per minute from one address without a known token (IPv6 by /64). */
  addressPerMinute: number;
}

/**
 * A car polls every few seconds and browses in bursts; an engineer's script or a flood of
 * made-up tokens comes from an address without a known vehicle.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { vehiclePerMinute: 600, addressPerMinute: 120 };

const VEHICLE = 'vehicle:';

/**
 * The bucket a request counts against: its vehicle when the token names one, else its address.
 * Made-up tokens share their address's bucket, so cycling them buys nothing.
 */
export function rateKey(db: DatabaseSync, request: FastifyRequest): string {
  const vehicle = requestVehicle(db, request);
  return vehicle ? `${VEHICLE}${vehicle.id}` : `address:${request.ip}`;
}

/**
 * Fastify's rate-limit plugin as a root onRequest hook, so it covers every route and the 404
 * handler alike; answered in the API's one error shape (429 `rate_limited`, with Retry-After).
 * Refused requests end before the body is parsed and before the audit hook.
 */
export async function installRateLimits(
  app: FastifyInstance,
  db: DatabaseSync,
  limits: RateLimits,
): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    timeWindow: 60_000,
    max: (_request, key) =>
      key.startsWith(VEHICLE) ? limits.vehiclePerMinute : limits.addressPerMinute,
    keyGenerator: (request) => rateKey(db, request),
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'rate_limited',
        `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
  app.addHook('onRequest', app.rateLimit());
}
