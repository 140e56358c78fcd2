/** The cloud services API contract: the server validates with these, the host's client too. */
export * from './catalog.ts';
export * from './consents.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './favourites.ts';
export * from './finance.ts';
export * from './offers.ts';
export * from './orders.ts';
export * from './payments.ts';
export * from './testDrives.ts';
