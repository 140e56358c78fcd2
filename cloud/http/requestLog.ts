import type { FastifyReply, FastifyRequest } from 'fastify';
import { inspectPayload } from '../audit.ts';

/** About 11 km of latitude: enough to see where load comes from, too coarse to follow a car. */
const CELL_DEGREES = 0.1;

function cellOf(lat: number | null, lon: number | null): string | undefined {
  if (lat === null || lon === null) return undefined;
  const snap = (v: number) => (Math.floor(v / CELL_DEGREES) * CELL_DEGREES).toFixed(1);
  return `${snap(lat)},${snap(lon)}`;
}

/**
 * One request's log fields: the route pattern and the path without its query (which carries
 * positions), plus a coarse cell when the query held a position. Logs never see a coordinate.
 */
export function requestLogFields(
  request: FastifyRequest,
  reply: FastifyReply,
): Record<string, unknown> {
  const path = (request.url.split('?')[0] ?? '').slice(0, 200);
  const { lat, lon } = inspectPayload(request.query, undefined);
  const cell = cellOf(lat, lon);
  return {
    reqId: request.id,
    method: request.method,
    route: request.is404 ? null : (request.routeOptions.url ?? null),
    path,
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime),
    ...(cell ? { cell } : {}),
  };
}
