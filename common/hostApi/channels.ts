/**
 * Names of the host API's request channels and events. Kept free of zod so the renderer and
 * preload bundles can import them without pulling in schema code; `contract.ts` is checked
 * against these lists by the compiler.
 */
export const HOST_CHANNELS = [
  'system.info',
  'app.config',
  'app.bridgeAccess',
  'settings.get',
  'settings.update',
  'connectivity.get',
  'orders.place',
  'orders.list',
  'orders.get',
  'catalog.merchants',
  'catalog.merchant',
  'catalog.areas',
  'catalog.stops',
  'favourites.list',
  'favourites.add',
  'favourites.remove',
  'favourites.reorder',
  'payments.list',
  'consent.get',
  'consent.set',
  'account.get',
  'account.payInstalment',
  'account.mileagePacks',
  'account.buyMileagePack',
  'account.endOfTerm',
  'account.inspectionSlots',
  'account.bookInspection',
  'mileage.report',
  'lease.todayStart',
  'lease.setTodayStart',
  'offers.list',
  'offers.markShown',
  'offers.mute',
  'offers.unmute',
  'offers.muteAll',
  'testDrives.models',
  'testDrives.slots',
  'testDrives.book',
  'testDrives.cancel',
  'testDrives.list',
  'engineering.unlock',
  'engineering.status',
  'engineering.export',
] as const;
export type HostChannel = (typeof HOST_CHANNELS)[number];

export const HOST_EVENTS = [
  'settings.changed',
  'connectivity.changed',
  'orders.updated',
  'consent.changed',
  'engineering.exportProgress',
] as const;
export type HostEvent = (typeof HOST_EVENTS)[number];

export function isHostChannel(value: unknown): value is HostChannel {
  return typeof value === 'string' && (HOST_CHANNELS as readonly string[]).includes(value);
}

export function isHostEvent(value: unknown): value is HostEvent {
  return typeof value === 'string' && (HOST_EVENTS as readonly string[]).includes(value);
}

/** Transport-level names: one invoke channel and one event channel, for IPC and socket.io alike. */
export const TRANSPORT = {
  invoke: 'dashport:invoke',
  event: 'dashport:event',
} as const;
