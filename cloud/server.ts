import type { AddressInfo } from 'node:net';
import type { DatabaseSync } from 'node:sqlite';
import { createLogger, type Logger } from '../common/log.ts';
import { createCloudApp, type CloudApp, type ServedRoute } from './app.ts';
import { openCloudDatabase } from './db/open.ts';
import type { CloudRoute } from './http/define.ts';

export interface CloudOptions {
  host: string;
  port: number;
  dbPath: string;
  logger?: Logger;
  /** Routes registered after the built-in ones, declared with `defineRoute`. */
  extraRoutes?: readonly CloudRoute[];
}

export interface CloudServer {
  url: string;
  db: DatabaseSync;
  routes: readonly ServedRoute[];
  close(): Promise<void>;
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/** Opens the database, serves the API, and resolves once listening. */
export async function startCloud(options: CloudOptions): Promise<CloudServer> {
  const log =
    options.logger ??
    createLogger(
      'cloud',
      (line) => process.stderr.write(line),
      Boolean(process.env.DASHPORT_DEBUG),
    );
  const db = openCloudDatabase(options.dbPath);
  let cloud: CloudApp | undefined;
  try {
    cloud = createCloudApp({ db, log, extraRoutes: options.extraRoutes });
    await cloud.app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await cloud?.app.close();
    db.close();
    throw error;
  }
  const { app, served } = cloud;
  const url = urlOf(app.server.address() as AddressInfo);
  log.info('listening', { url, db: options.dbPath });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      db.close();
      log.info('closed');
    })());
  return { url, db, routes: served, close };
}
