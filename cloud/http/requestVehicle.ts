import type { FastifyRequest } from 'fastify';
import type { DatabaseSync } from 'node:sqlite';
import { bearerToken, vehicleForToken, type Vehicle } from '../auth.ts';

const found = new WeakMap<FastifyRequest, Vehicle | null>();

/**
 * The vehicle a request's bearer token names, looked up once per request: the rate limit, the
 * audit and the route binder all ask.
 */
export function requestVehicle(db: DatabaseSync, request: FastifyRequest): Vehicle | null {
  if (!found.has(request)) {
    found.set(request, vehicleForToken(db, bearerToken(request.headers.authorization)));
  }
  return found.get(request) ?? null;
}
