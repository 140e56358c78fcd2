import type { ComponentType } from 'react';
import type { PublicVariantConfig } from '../../common/hostApi/contract.schema.ts';
import type { Availability } from '../safety/permissions.ts';
import type { Screen, ScreenName } from '../store/navSlice.ts';
import type { NavIconName } from '../ui/NavIcon.tsx';
import { HomeRoute } from './HomeRoute.tsx';
import { lazyScreen } from './lazyScreen.ts';

export interface ScreenEntry {
  component: ComponentType;
  /**
   * Loads the screen's chunk ahead of use. Home is in the boot bundle; every other screen is its
   * own chunk, fetched when the main thread is idle after the first paint (`preloadScreens`).
   */
  preload?: () => Promise<void>;
  /** i18n key in the common namespace. */
  titleKey: string;
  /** The nav-bar pictogram; set for exactly the screens in the nav bar. */
  navIcon?: NavIconName;
  inNavBar: boolean;
  /** When the screen may be used; otherwise the gate's "available when parked" state shows. */
  availability: Availability;
  /** The variant feature the screen belongs to; off, it is not offered in the nav bar. */
  feature?: keyof PublicVariantConfig['features'];
  /**
   * For a screen that shows more with parameters: an example the safety audit opens it with (a
   * seeded merchant, say), besides opening it by name alone.
   */
  auditParams?: Screen;
}

/** Every screen the app has. The safety audit walks this registry, so a screen missing here is a test failure. */
export const SCREENS: Record<ScreenName, ScreenEntry> = {
  home: {
    component: HomeRoute,
    titleKey: 'screen.home',
    navIcon: 'home',
    inNavBar: true,
    availability: 'always',
  },
  // Browsing, cart and checkout need the car parked or a confirmed passenger; the driver's one
  // ordering action (a favourite, from home) and an order's progress are always available.
  services: {
    ...lazyScreen(() =>
      import('../features/services/ServicesScreen.tsx').then((m) => m.ServicesScreen),
    ),
    titleKey: 'screen.services',
    navIcon: 'services',
    inNavBar: true,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  merchants: {
    ...lazyScreen(() =>
      import('../features/services/MerchantsScreen.tsx').then((m) => m.MerchantsScreen),
    ),
    titleKey: 'screen.merchants',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
    auditParams: { name: 'merchants', category: 'coffee', area: 'san-francisco' },
  },
  merchant: {
    ...lazyScreen(() =>
      import('../features/services/MerchantScreen.tsx').then((m) => m.MerchantScreen),
    ),
    titleKey: 'screen.merchant',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
    auditParams: { name: 'merchant', merchantId: 'sf-hayes-espresso' },
  },
  checkout: {
    ...lazyScreen(() =>
      import('../features/services/CheckoutScreen.tsx').then((m) => m.CheckoutScreen),
    ),
    titleKey: 'screen.checkout',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  order: {
    ...lazyScreen(() => import('../features/services/OrderScreen.tsx').then((m) => m.OrderScreen)),
    titleKey: 'screen.order',
    inNavBar: false,
    availability: 'always',
    feature: 'services',
  },
  orders: {
    ...lazyScreen(() =>
      import('../features/services/OrdersScreen.tsx').then((m) => m.OrdersScreen),
    ),
    titleKey: 'screen.orders',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  favourites: {
    ...lazyScreen(() =>
      import('../features/services/FavouritesScreen.tsx').then((m) => m.FavouritesScreen),
    ),
    titleKey: 'screen.favourites',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  // The lease screen is always available but shows only a gauge and one line while moving; its
  // details, payment and contract text are gated inside (parked or passenger).
  lease: {
    ...lazyScreen(() => import('../features/lease/LeaseScreen.tsx').then((m) => m.LeaseScreen)),
    titleKey: 'lease:title',
    navIcon: 'lease',
    inNavBar: true,
    availability: 'always',
    feature: 'lease',
  },
  leaseEnd: {
    ...lazyScreen(() =>
      import('../features/lease/LeaseEndScreen.tsx').then((m) => m.LeaseEndScreen),
    ),
    titleKey: 'lease:end.title',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'lease',
  },
  // Offers only in Park (A6): not even a passenger unlocks them while moving.
  offers: {
    ...lazyScreen(() => import('../features/offers/OffersScreen.tsx').then((m) => m.OffersScreen)),
    titleKey: 'offers:title',
    navIcon: 'offers',
    inNavBar: true,
    availability: 'parked',
    feature: 'offers',
  },
  // Consent is a setup task with notices to read (NO_SETUP, A4), and the decision is the
  // driver's own, not a passenger's: parked only. Reached from Settings and from Offers, which
  // leaves the nav bar room for its labels in German.
  consent: {
    ...lazyScreen(() =>
      import('../features/consent/ConsentScreen.tsx').then((m) => m.ConsentScreen),
    ),
    titleKey: 'consent:title',
    inNavBar: false,
    availability: 'parked',
  },
  testDrives: {
    ...lazyScreen(() =>
      import('../features/testDrives/TestDrivesScreen.tsx').then((m) => m.TestDrivesScreen),
    ),
    titleKey: 'testDrives:title',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'testDrives',
    auditParams: { name: 'testDrives', modelId: 'ex3' },
  },
  settings: {
    ...lazyScreen(() =>
      import('../features/settings/SettingsScreen.tsx').then((m) => m.SettingsScreen),
    ),
    titleKey: 'screen.settings',
    navIcon: 'settings',
    inNavBar: true,
    availability: 'parked-or-passenger',
  },
  engineering: {
    ...lazyScreen(() =>
      import('../features/settings/EngineeringScreen.tsx').then((m) => m.EngineeringScreen),
    ),
    titleKey: 'screen.engineering',
    inNavBar: false,
    availability: 'parked',
    auditParams: { name: 'engineering', unlocked: true },
  },
};

/**
 * Loads every screen's chunk once `live` resolves, each when the main thread is next idle: the
 * nav bar's screens first (a tap there is the likeliest next step, often right after the start),
 * then the others. One at a time, so that a tap never waits behind all of them.
 */
export async function preloadScreens(
  live: Promise<void>,
  whenIdle: () => Promise<void>,
): Promise<void> {
  const entries = Object.values(SCREENS).filter((e) => e.preload);
  const ordered = [...entries.filter((e) => e.inNavBar), ...entries.filter((e) => !e.inNavBar)];
  await live;
  for (const entry of ordered) {
    await whenIdle();
    // A chunk that fails to load now is asked for again when its screen opens.
    await entry.preload?.().catch(() => {});
  }
}
