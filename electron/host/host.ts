import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { hostContract, type SystemInfo } from '../../common/hostApi/contract.ts';
import type { Variant } from '../../common/variant.ts';
import { AccountService } from './catalog/accountService.ts';
import { CatalogCache } from './catalog/catalogCache.ts';
import { CatalogService } from './catalog/catalogService.ts';
import type { BackoffPolicy } from './cloudClient/backoff.ts';
import { CloudClient } from './cloudClient/client.ts';
import { resolveCloudToken } from './cloudClient/token.ts';
import { CloudMonitor } from './cloudMonitor.ts';
import { ConsentStore } from './consent/consentStore.ts';
import { ConsentSync } from './consent/consentSync.ts';
import { openHostDatabase } from './db.ts';
import { FinanceService } from './finance/financeService.ts';
import { TestDriveService } from './finance/testDriveService.ts';
import { OfferService } from './offers/offerService.ts';
import { createDispatcher, HostFailure, type Dispatch } from './dispatch.ts';
import { HostEventBus } from './events.ts';
import { log } from './log.ts';
import { OrderService } from './orders/orderService.ts';
import { OrderStore } from './orders/orderStore.ts';
import { OrderSync } from './orders/orderSync.ts';
import { Outbox } from './orders/outbox.ts';
import { SettingsStore } from './settingsStore.ts';

export interface HostOptions {
  variant: Variant;
  /** Folder for the database; the Electron shell passes app.getPath('userData'). */
  dataDir: string;
  version: string;
  buildTime: string;
  transport: SystemInfo['transport'];
  cloudPollMs?: number;
  /**
   * The vehicle's cloud token. Undefined: DASHPORT_CLOUD_TOKEN, else the demo token for the dev
   * variant. Null: none (vehicle routes unavailable).
   */
  cloudToken?: string | null;
  /** Per-request timeout towards the cloud. */
  cloudTimeoutMs?: number;
  /** Waits between order sends while the cloud cannot take them. */
  outboxBackoff?: BackoffPolicy;
  /** Offers shown per day at most (OFFERS_DAILY_CAP unless a test sets another). */
  offersDailyCap?: number;
  /** Lets end-to-end tests reach the renderer's store; never set on a head unit. */
  testHooks?: boolean;
}

export interface Host {
  dispatch: Dispatch;
  events: HostEventBus;
  variant: Variant;
  /** Checks the cloud now instead of waiting for the next poll (after a reconnect, and in tests). */
  checkCloud(): Promise<void>;
  /** Orders stored but not yet accepted by the cloud. */
  pendingOrders(): number;
  close(): void;
}

/** Starts the head unit's local services. Plain Node: the same code runs under Electron and in browser mode. */
export function createHost(options: HostOptions): Host {
  const { variant } = options;
  const token = resolveToken(options);
  const db: DatabaseSync = openHostDatabase(join(options.dataDir, 'dashport.db'));
  const events = new HostEventBus();
  const settings = new SettingsStore(db, {
    language: variant.defaultLocale,
    distanceUnit: variant.distanceUnit,
    themeMode: 'auto',
  });
  const consent = new ConsentStore(db);
  const cache = new CatalogCache(db);

  // Connectivity comes from the health poll and from every real request; its return is the
  // moment to send what waits and to catch up on order changes missed while offline.
  const monitor = new CloudMonitor({
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
  });
  const client = new CloudClient({
    baseUrl: variant.cloudUrl,
    token,
    timeoutMs: options.cloudTimeoutMs,
    onReachability: (online) => monitor.report(online),
  });

  const store = new OrderStore(db);
  const outbox: Outbox = new Outbox({
    db,
    orders: store,
    send: (clientOrderId, request) => client.putOrder(clientOrderId, request),
    onChange: (clientOrderId) => orders.notify(clientOrderId),
    backoff: options.outboxBackoff,
    log,
  });
  const orders: OrderService = new OrderService({
    db,
    outbox,
    store,
    cache,
    emit: (order) => events.emit('orders.updated', order),
    log,
  });
  const sync: OrderSync = new OrderSync({
    cloudUrl: variant.cloudUrl,
    token,
    client,
    orders,
    store,
    onConnected: () => monitor.report(true),
    log,
  });
  const catalog = new CatalogService({ client, cache, consent, log });
  const account = new AccountService({ db, client, cache, log });
  const consentSync: ConsentSync = new ConsentSync({ db, client, log });
  const finance = new FinanceService({ db, client, cache, consent, log });
  const testDrives = new TestDriveService({ client, cache, log });
  const offers = new OfferService({
    db,
    client,
    consent,
    locale: () => settings.get().language,
    leaseEnding: () => finance.cachedAccount()?.endOfTerm.windowOpen,
    dailyCap: options.offersDailyCap,
  });

  const { cloudUrl: _cloudUrl, $schema: _schema, ...publicVariant } = variant;

  const dispatch = createDispatcher(
    hostContract,
    {
      'system.info': () => ({
        name: 'dashport',
        version: options.version,
        variant: variant.name,
        buildTime: options.buildTime,
        transport: options.transport,
        testHooks: options.testHooks ?? false,
      }),
      'app.config': () => publicVariant,
      'settings.get': () => settings.get(),
      'settings.update': (patch) => {
        if (patch.language && !variant.locales.includes(patch.language)) {
          throw new HostFailure(
            'invalid_input',
            `Language ${patch.language} is not enabled for this vehicle`,
          );
        }
        const next = settings.update(patch);
        events.emit('settings.changed', next);
        return next;
      },
      'connectivity.get': () => monitor.current,
      'orders.place': (input) => orders.place(input.clientOrderId, input.request),
      'orders.list': () => orders.list(),
      'orders.get': (input) => orders.get(input.clientOrderId),
      'catalog.merchants': (input) => catalog.merchants(input),
      'catalog.merchant': (input) => catalog.merchant(input.merchantId),
      'catalog.areas': () => catalog.areas(),
      'favourites.list': () => account.favourites(),
      'favourites.add': (input) => account.addFavourite(input.favouriteId, input.favourite),
      'favourites.remove': (input) => account.removeFavourite(input.favouriteId),
      'favourites.reorder': (input) => account.reorderFavourites(input.favouriteIds),
      'payments.list': () => account.paymentMethods(),
      'consent.get': () => consent.view(),
      'consent.set': (input) => {
        const { view, changed } = consent.set(input.purpose, input.granted);
        // Withdrawn: the positions the car searched around go too.
        if (input.purpose === 'location' && !input.granted) cache.forgetPositions();
        if (changed) {
          events.emit('consent.changed', view);
          // The provider's record follows; the car enforces either way.
          void consentSync.kick();
        }
        return view;
      },
      'account.get': () => finance.account(),
      'account.payInstalment': (input) => finance.payInstalment(input),
      'account.mileagePacks': () => finance.packs(),
      'account.buyMileagePack': (input) => finance.buyPack(input),
      'account.endOfTerm': (input) => finance.endOfTerm(input),
      'account.inspectionSlots': () => finance.inspectionSlots(),
      'account.bookInspection': (input) => finance.bookInspection(input.slotId),
      'mileage.report': (input) => finance.reportMileage(input.odometerM),
      'lease.todayStart': () => finance.todayStart(),
      'lease.setTodayStart': (input) => finance.setTodayStart(input),
      'offers.list': (input) => offers.list(input),
      'offers.markShown': (input) => offers.markShown(input.offerId),
      'offers.mute': (input) => offers.mute(input.merchantId),
      'offers.unmute': (input) => offers.unmute(input.merchantId),
      'offers.muteAll': (input) => offers.muteAll(input.muted),
      'testDrives.models': () => testDrives.models(),
      'testDrives.slots': (input) => testDrives.slots(input.modelId),
      'testDrives.book': (input) => testDrives.book(input.clientBookingId, input.slotId),
      'testDrives.cancel': (input) => testDrives.cancel(input.clientBookingId),
      'testDrives.list': () => testDrives.list(),
    },
    (channel, error) => log.error('host.handler_failed', { channel, error: String(error) }),
  );

  monitor.start();
  outbox.start();
  void consentSync.kick();
  sync.start();

  let closed = false;
  return {
    dispatch,
    events,
    variant,
    checkCloud: async () => {
      await monitor.check();
    },
    pendingOrders: () => outbox.pending(),
    close() {
      if (closed) return;
      closed = true;
      monitor.stop();
      outbox.close();
      sync.close();
      consentSync.close();
      client.close();
      db.close();
    },
  };
}

function resolveToken(options: HostOptions): string | null {
  if (options.cloudToken !== undefined) return options.cloudToken;
  const resolved = resolveCloudToken({ env: process.env, variantName: options.variant.name });
  if (!resolved.ok) throw new Error(`DASHPORT_CLOUD_TOKEN: ${resolved.problem}`);
  return resolved.token;
}
