import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

/** The finance account (lease, subscription or loan), its mileage and today's drive. */
export function leaseHandlers({
  finance,
}: Pick<HostServices, 'finance'>): NamespaceHandlers<'account' | 'mileage' | 'lease'> {
  return {
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
  };
}
