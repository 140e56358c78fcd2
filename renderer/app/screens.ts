import type { ComponentType } from 'react';
import type { PublicVariantConfig } from '../../common/hostApi/contract.schema.ts';
import { CheckoutScreen } from '../features/services/CheckoutScreen.tsx';
import { FavouritesScreen } from '../features/services/FavouritesScreen.tsx';
import { MerchantScreen } from '../features/services/MerchantScreen.tsx';
import { MerchantsScreen } from '../features/services/MerchantsScreen.tsx';
import { OrderScreen } from '../features/services/OrderScreen.tsx';
import { OrdersScreen } from '../features/services/OrdersScreen.tsx';
import { ServicesScreen } from '../features/services/ServicesScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { EngineeringScreen } from '../features/settings/EngineeringScreen.tsx';
import { ConsentScreen } from '../features/consent/ConsentScreen.tsx';
import { LeaseEndScreen } from '../features/lease/LeaseEndScreen.tsx';
import { LeaseScreen } from '../features/lease/LeaseScreen.tsx';
import { OffersScreen } from '../features/offers/OffersScreen.tsx';
import { TestDrivesScreen } from '../features/testDrives/TestDrivesScreen.tsx';
import type { Availability } from '../safety/permissions.ts';
import type { Screen, ScreenName } from '../store/navSlice.ts';
import type { NavIconName } from '../ui/NavIcon.tsx';
import { HomeRoute } from './HomeRoute.tsx';

export interface ScreenEntry {
  component: ComponentType;
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
    component: ServicesScreen,
    titleKey: 'screen.services',
    navIcon: 'services',
    inNavBar: true,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  merchants: {
    component: MerchantsScreen,
    titleKey: 'screen.merchants',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
    auditParams: { name: 'merchants', category: 'coffee', area: 'san-francisco' },
  },
  merchant: {
    component: MerchantScreen,
    titleKey: 'screen.merchant',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
    auditParams: { name: 'merchant', merchantId: 'sf-hayes-espresso' },
  },
  checkout: {
    component: CheckoutScreen,
    titleKey: 'screen.checkout',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  order: {
    component: OrderScreen,
    titleKey: 'screen.order',
    inNavBar: false,
    availability: 'always',
    feature: 'services',
  },
  orders: {
    component: OrdersScreen,
    titleKey: 'screen.orders',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  favourites: {
    component: FavouritesScreen,
    titleKey: 'screen.favourites',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'services',
  },
  // The lease screen is always available but shows only a gauge and one line while moving; its
  // details, payment and contract text are gated inside (parked or passenger).
  lease: {
    component: LeaseScreen,
    titleKey: 'lease:title',
    navIcon: 'lease',
    inNavBar: true,
    availability: 'always',
    feature: 'lease',
  },
  leaseEnd: {
    component: LeaseEndScreen,
    titleKey: 'lease:end.title',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'lease',
  },
  // Offers only in Park (A6): not even a passenger unlocks them while moving.
  offers: {
    component: OffersScreen,
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
    component: ConsentScreen,
    titleKey: 'consent:title',
    inNavBar: false,
    availability: 'parked',
  },
  testDrives: {
    component: TestDrivesScreen,
    titleKey: 'testDrives:title',
    inNavBar: false,
    availability: 'parked-or-passenger',
    feature: 'testDrives',
    auditParams: { name: 'testDrives', modelId: 'ex3' },
  },
  settings: {
    component: SettingsScreen,
    titleKey: 'screen.settings',
    navIcon: 'settings',
    inNavBar: true,
    availability: 'parked-or-passenger',
  },
  engineering: {
    component: EngineeringScreen,
    titleKey: 'screen.engineering',
    inNavBar: false,
    availability: 'parked',
    auditParams: { name: 'engineering', unlocked: true },
  },
};
