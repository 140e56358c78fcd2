import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Variant } from '../../common/variant.schema.ts';
import { CloudCache } from './cache/cloudCache.ts';
import { CatalogService } from './catalog/catalogService.ts';
import { MerchantImages } from './media/merchantImages.ts';
import type { BackoffPolicy } from './cloudClient/backoff.ts';
import { CloudClient } from './cloudClient/client.ts';
import { CloudMonitor } from './cloudMonitor.ts';
import { ConsentService } from './consent/consentService.ts';
import { ConsentStore } from './consent/consentStore.ts';
import { ConsentSync } from './consent/consentSync.ts';
import { openHostDatabase } from './db.ts';
import { Disposables } from './disposables.ts';
import { HostEventBus } from './events.ts';
import { FavouritesService } from './favourites/favouritesService.ts';
import { PaymentMethodsService } from './favourites/paymentMethodsService.ts';
import { FinanceService } from './finance/financeService.ts';
import { log } from './log.ts';
import { OfferService } from './offers/offerService.ts';
import { OrderService } from './orders/orderService.ts';
import { OrderStore } from './orders/orderStore.ts';
import { OrderSync } from './orders/orderSync.ts';
import { Outbox } from './orders/outbox.ts';
import { SettingsService } from './settings/settingsService.ts';
import { SettingsStore } from './settings/settingsStore.ts';
import { TestDriveService } from './testDrives/testDriveService.ts';

export interface HostServicesOptions {
  variant: Variant;
  dataDir: string;
  /** The vehicle's cloud token, already resolved; null: vehicle routes unavailable. */
  token: string | null;
  cloudPollMs?: number;
  cloudTimeoutMs?: number;
  outboxBackoff?: BackoffPolicy;
  offersDailyCap?: number;
}

/** Every host service, built once; handlers reach them by name. */
export interface HostServices {
  db: DatabaseSync;
  /** Where the database files are (the engineering screen lists them). */
  dataDir: string;
  events: HostEventBus;
  monitor: CloudMonitor;
  settings: SettingsService;
  consent: ConsentService;
  orders: OrderService;
  outbox: Outbox;
  catalog: CatalogService;
  images: MerchantImages;
  favourites: FavouritesService;
  paymentMethods: PaymentMethodsService;
  finance: FinanceService;
  testDrives: TestDriveService;
  offers: OfferService;
}

/**
 * Builds the host's services in one place, in dependency order, and registers each one's
 * teardown as it is built. Background work (polls, the outbox, order sync) starts in `start`.
 */
export function createHostServices(options: HostServicesOptions): {
  services: HostServices;
  start: () => void;
  disposables: Disposables;
} {
  const { variant, token } = options;
  const disposables = new Disposables();
  const db = disposables.add(openHostDatabase(join(options.dataDir, 'dashport.db')), (d) =>
    d.close(),
  );
  const events = new HostEventBus((error) =>
    log.error('host.invalid_event', { error: error.message }),
  );
  const settings = new SettingsService(
    new SettingsStore(db, {
      language: variant.defaultLocale,
      distanceUnit: variant.distanceUnit,
      themeMode: 'auto',
    }),
    variant,
    events,
  );
  const consentStore = new ConsentStore(db);
  const cache = new CloudCache(db);

  // Connectivity comes from the health poll and from every real request; its return is the
  // moment to send what waits and to catch up on order changes missed while offline.
  const monitor: CloudMonitor = disposables.add(
    new CloudMonitor({
      cloudUrl: variant.cloudUrl,
      intervalMs: options.cloudPollMs ?? 5000,
      onChange: (state) => {
        events.emit('connectivity.changed', state);
        if (state.cloud === 'online') {
          void consentSync.kick();
          outbox.kick({ retryNow: true });
          sync.reconnectNow();
          void sync.resync();
        }
      },
    }),
    (m) => m.stop(),
  );
  const client = disposables.add(
    new CloudClient({
      baseUrl: variant.cloudUrl,
      token,
      timeoutMs: options.cloudTimeoutMs,
      onReachability: (online) => monitor.report(online),
    }),
    (c) => c.close(),
  );

  const store = new OrderStore(db);
  const outbox: Outbox = disposables.add(
    new Outbox({
      db,
      orders: store,
      send: (clientOrderId, request) =>
        client.call('putOrder', { params: { clientOrderId }, body: request }),
      onChange: (clientOrderId) => orders.notify(clientOrderId),
      backoff: options.outboxBackoff,
      log,
    }),
    (o) => o.close(),
  );
  const orders: OrderService = new OrderService({
    db,
    outbox,
    store,
    cache,
    emit: (order) => events.emit('orders.updated', order),
    log,
  });
  const sync: OrderSync = disposables.add(
    new OrderSync({
      cloudUrl: variant.cloudUrl,
      token,
      client,
      orders,
      store,
      onConnected: () => monitor.report(true),
      log,
    }),
    (s) => s.close(),
  );
  const consentSync: ConsentSync = disposables.add(new ConsentSync({ db, client, log }), (c) =>
    c.close(),
  );
  const consent = new ConsentService(consentStore, {
    events,
    forgetPositions: () => cache.forgetPositions(),
    syncSoon: () => void consentSync.kick(),
  });
  const finance = new FinanceService({ db, client, cache, consent: consentStore, log });
  const images = disposables.add(
    new MerchantImages({ db, cloudBase: variant.cloudUrl, log }),
    (i) => i.close(),
  );
  const services: HostServices = {
    db,
    dataDir: options.dataDir,
    events,
    monitor,
    settings,
    consent,
    orders,
    outbox,
    catalog: new CatalogService({ client, cache, consent: consentStore, images, log }),
    images,
    favourites: new FavouritesService({ db, client, cache, log }),
    paymentMethods: new PaymentMethodsService({ client, cache, log }),
    finance,
    testDrives: new TestDriveService({ client, cache, log }),
    offers: new OfferService({
      db,
      client,
      consent: consentStore,
      locale: () => settings.get().language,
      leaseEnding: () => finance.cachedAccount()?.endOfTerm.windowOpen,
      dailyCap: options.offersDailyCap,
    }),
  };

  const start = () => {
    monitor.start();
    outbox.start();
    void consentSync.kick();
    sync.start();
  };
  return { services, start, disposables };
}
