import type { AddressInfo } from 'node:net';
import type { DatabaseSync } from 'node:sqlite';
import { createLogger, type Logger } from '../common/log.ts';
import { createCloudApp, type CloudApp, type ServedRoute } from './app.ts';
import { seedDatabase } from './catalogue/import.ts';
import { openCloudDatabase } from './db/open.ts';
import { attachOrderEvents, type OrderEvents } from './events.ts';
import type { CloudRoute } from './http/define.ts';
import { startMerchantSimulator, type MerchantSimulator } from './orders/simulator.ts';
import { DEFAULT_AUDIT_DAYS, startAuditPruning } from './auditPruning.ts';
import type { RateLimits } from './http/rateLimit.ts';
import { createServices } from './services.ts';

/** Default time between two merchant steps of an order (submitted → accepted → …). */
export const DEFAULT_ORDER_STEP_MS = 5000;

export interface CloudOptions {
  host: string;
  port: number;
  dbPath: string;
  logger?: Logger;
  /** Merchant simulator step; 0 turns it off (orders stay submitted). */
  orderStepMs?: number;
  /** The clock for opening hours and timestamps; tests pin it. */
  now?: () => Date;
  /** Routes registered after the built-in ones, declared with `defineRoute`. */
  extraRoutes?: readonly CloudRoute[];
  /** Requests per minute per vehicle and per address (`DEFAULT_RATE_LIMITS`). */
  rateLimits?: RateLimits;
  /** Received-data audit rows older than this many days are deleted (at start, then hourly). */
  auditDays?: number;
}

export interface CloudServer {
  url: string;
  db: DatabaseSync;
  routes: readonly ServedRoute[];
  /** Sockets connected to the order event channel. */
  eventConnections(): number;
  close(): Promise<void>;
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Opens and seeds the database, serves the API and order events, and resolves once listening. */
export async function startCloud(options: CloudOptions): Promise<CloudServer> {
  const log =
    options.logger ??
    createLogger(
      'cloud',
      (line) => process.stderr.write(line),
      Boolean(process.env.DASHPORT_DEBUG),
    );
  const now = options.now ?? (() => new Date());
  const stepMs = options.orderStepMs ?? DEFAULT_ORDER_STEP_MS;
  const db = openCloudDatabase(options.dbPath);
  let cloud: CloudApp | undefined;
  let events: OrderEvents | undefined;
  let simulator: MerchantSimulator | undefined;
  let pruner: { stop(): void } | undefined;
  try {
    const seeded = seedDatabase(db, now());
    pruner = startAuditPruning({ db, now, log, days: options.auditDays ?? DEFAULT_AUDIT_DAYS });
    if (seeded.catalogueWritten) log.info('catalogue_seeded', { merchants: seeded.merchants });
    const services = createServices({ db, now, log });
    cloud = await createCloudApp({
      db,
      log,
      now,
      services,
      extraRoutes: options.extraRoutes,
      rateLimits: options.rateLimits,
    });
    events = attachOrderEvents({ server: cloud.app.server, db, orders: services.orders, log });
    await cloud.app.listen({ host: options.host, port: options.port });
    // Started last: it may move overdue orders on at once, and their events need listeners.
    simulator = startMerchantSimulator({
      orders: services.orders,
      catalogue: services.catalogue,
      stepMs,
      now,
      log,
    });
  } catch (error) {
    pruner?.stop();
    events?.close();
    await cloud?.app.close();
    db.close();
    throw error;
  }
  const { app, served } = cloud;
  const url = urlOf(app.server.address() as AddressInfo);
  log.info('listening', { url, db: options.dbPath, orderStepMs: stepMs });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      simulator?.close();
      pruner?.stop();
      events?.close();
      await app.close();
      db.close();
      log.info('closed');
    })());
  const orderEvents = events;
  return { url, db, routes: served, eventConnections: () => orderEvents.connections(), close };
}
