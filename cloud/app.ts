import type { DatabaseSync } from 'node:sqlite';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from '../common/log.ts';
import { installReceivedDataLog } from './audit.ts';
import { bindRoute } from './http/bind.ts';
import type { CloudRoute } from './http/define.ts';
import { installFailureHandlers } from './http/failures.ts';
import { requestLogFields } from './http/requestLog.ts';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './http/rateLimit.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import { cloudRoutes } from './routes/index.ts';
import type { CloudServices } from './services.ts';
import { CLOUD_VERSION } from './version.ts';

/** Order and catalogue payloads are small; a low limit keeps a misbehaving client cheap. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ServedRoute {
  method: string;
  url: string;
}

export interface CloudApp {
  app: FastifyInstance;
  /** What fastify actually serves (HEAD twins of GET routes left out); tests hold the document to it. */
  served: readonly ServedRoute[];
}

export interface CloudAppOptions {
  db: DatabaseSync;
  log: Logger;
  now: () => Date;
  services: CloudServices;
  /** Routes registered after the built-in ones, through the same declaration helper. */
  extraRoutes?: readonly CloudRoute[];
  rateLimits?: RateLimits;
}

const DESCRIPTION = [
  'Reference implementation of the services API the Dashport head unit consumes.',
  'Positions are WGS-84 degrees; money is an integer amount of minor units with an ISO 4217',
  'currency. Order changes are also pushed over socket.io on this server (path /v1/events,',
  'handshake `auth: { token }`, event `order.updated` with `{ order, cursor }`, to the owning',
  'vehicle only); after a reconnect resync with GET /v1/orders?since=<cursor>.',
].join(' ');

export async function createCloudApp({
  db,
  log,
  now,
  services,
  extraRoutes = [],
  rateLimits = DEFAULT_RATE_LIMITS,
}: CloudAppOptions): Promise<CloudApp> {
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, requestTimeout: 30_000 });
  const served: ServedRoute[] = [];
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    for (const method of methods) if (method !== 'HEAD') served.push({ method, url: route.url });
  });
  // The API speaks JSON only; anything else is answered 415 rather than parsed as text.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
  });
  app.addHook('onResponse', async (request, reply) => {
    log.info('request', requestLogFields(request, reply));
  });
  // Before the 404 handler is set, which takes the root hooks present at that moment.
  await installRateLimits(app, db, rateLimits);
  installFailureHandlers(app, log);
  installReceivedDataLog(app, { db, now, log });

  // The document describes the route that serves it, so that route reads it lazily.
  const routes = [...cloudRoutes(() => document), ...extraRoutes];
  const document = buildOpenApiDocument(
    routes.map((r) => r.endpoint),
    {
      title: 'Dashport cloud services API',
      version: CLOUD_VERSION,
      description: DESCRIPTION,
    },
  );
  for (const route of routes) bindRoute(app, route, { db, log, now, services });
  return { app, served };
}
