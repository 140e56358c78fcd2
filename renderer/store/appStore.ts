import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HostClient } from '../../common/hostApi/client.ts';
import { createCartSlice, type CartSlice } from './cartSlice.ts';
import { createConsentSlice, type ConsentSlice } from './consentSlice.ts';
import { createFavouritesSlice, type FavouritesSlice } from './favouritesSlice.ts';
import { createNavSlice, type NavSlice } from './navSlice.ts';
import { createOrdersSlice, type OrdersSlice } from './ordersSlice.ts';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice.ts';
import { SNAPSHOT_CHANNELS, type HostSnapshot } from '../../common/hostApi/bootSnapshot.ts';
import { createVehicleSlice, initialDerived, type VehicleSlice } from './vehicleSlice.ts';

/** One store of typed slices, one concern each; the host client reaches their actions by closure, never as state. */
export type AppState = NavSlice &
  VehicleSlice &
  SettingsSlice &
  OrdersSlice &
  ConsentSlice &
  CartSlice &
  FavouritesSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(host: HostClient, initial: HostSnapshot): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createNavSlice(...a),
    ...createVehicleSlice(...a),
    ...createSettingsSlice(host, initial)(...a),
    ...createOrdersSlice(host)(...a),
    ...createConsentSlice(host)(...a),
    ...createCartSlice(...a),
    ...createFavouritesSlice(host)(...a),
  }));
  store.setState(initialDerived(store.getState()));
  // Another window (or the engineering screen) may change settings: the host's event is the truth.
  host.on('settings.changed', (settings) => store.getState().receiveSettings(settings));
  host.on('connectivity.changed', (state) => store.getState().setCloud(state));
  host.on('orders.updated', (order) => store.getState().receiveOrder(order));
  host.on('consent.changed', (view) => store.getState().receiveConsent(view));
  // Orders and consent are not on the first frame: asked once the first values are in (catchUp).
  return store;
}

/** Reads everything the first paint needs from the host, in parallel. */
export async function loadHostSnapshot(host: HostClient): Promise<HostSnapshot> {
  const { config, system, settings, connectivity } = SNAPSHOT_CHANNELS;
  const [c, sys, set, conn] = await Promise.all([
    host.call(config),
    host.call(system),
    host.call(settings),
    host.call(connectivity),
  ]);
  return { config: c, system: sys, settings: set, connectivity: conn };
}
