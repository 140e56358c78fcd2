import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../common/log.ts';
import { createFavouriteService, type FavouriteService } from './account/favourites.ts';
import { createPaymentStore, type PaymentStore } from './account/payments.ts';
import { createCatalogueStore, type CatalogueStore } from './catalogue/store.ts';
import { createConsentStore, type ConsentStore } from './consents/store.ts';
import { createFinanceService, type FinanceService } from './finance/service.ts';
import { createOfferService, type OfferService } from './offers/service.ts';
import { createOrderService, type OrderService } from './orders/service.ts';
import { createOrderStore } from './orders/store.ts';
import { createTestDriveService, type TestDriveService } from './testDrives/service.ts';

/** The domain behind the routes, built once per server over its database and clock. */
export interface CloudServices {
  catalogue: CatalogueStore;
  orders: OrderService;
  payments: PaymentStore;
  favourites: FavouriteService;
  finance: FinanceService;
  testDrives: TestDriveService;
  offers: OfferService;
  consents: ConsentStore;
}

export function createServices(options: {
  db: DatabaseSync;
  now: () => Date;
  log: Logger;
}): CloudServices {
  const { db, now, log } = options;
  const catalogue = createCatalogueStore(db);
  const payments = createPaymentStore(db);
  const orders = createOrderService({
    store: createOrderStore(db),
    catalogue,
    payments,
    now,
    log,
  });
  const favourites = createFavouriteService({ db, catalogue, now });
  const testDrives = createTestDriveService({ db, now });
  const finance = createFinanceService({
    db,
    payments,
    modelExists: (id) => testDrives.exists(id),
    now,
  });
  const offers = createOfferService({ db, catalogue });
  const consents = createConsentStore(db);
  return { catalogue, orders, payments, favourites, finance, testDrives, offers, consents };
}
