import { engineeringHandlers, type EngineeringDeps } from './engineering.ts';
import type { HostHandlers } from '../dispatch.ts';
import type { HostServices } from '../services.ts';
import { catalogHandlers } from './catalog.ts';
import { consentHandlers } from './consent.ts';
import { favouritesHandlers } from './favourites.ts';
import { leaseHandlers } from './lease.ts';
import { offersHandlers } from './offers.ts';
import { ordersHandlers } from './orders.ts';
import { settingsHandlers } from './settings.ts';
import { systemHandlers, type SystemFacts } from './system.ts';
import { testDrivesHandlers } from './testDrives.ts';

/** The whole handler table, one group per namespace; the compiler checks every channel has one. */
export function hostHandlers(
  services: HostServices,
  facts: SystemFacts,
  engineering: Pick<EngineeringDeps, 'secrets' | 'recentLog'>,
): HostHandlers {
  return {
    ...systemHandlers(services, facts),
    ...settingsHandlers(services),
    ...ordersHandlers(services),
    ...catalogHandlers(services),
    ...favouritesHandlers(services),
    ...consentHandlers(services),
    ...leaseHandlers(services),
    ...offersHandlers(services),
    ...testDrivesHandlers(services),
    ...engineeringHandlers({ services, facts, ...engineering }),
  };
}
