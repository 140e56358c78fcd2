import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../common/cloudApi/finance.schema.ts';
import type { MileageProjection } from '../../../common/lease/projection.ts';
import { formatMoney } from '../../ui/format.ts';
import { formatDay, formatUnits } from './leaseModel.ts';

/** The next instalment, its amount and due day, or that all are paid. */
export function nextPaymentText(account: Account, t: TFunction<'lease'>, lng: string): string {
  const next = account.nextPayment;
  if (!next) return t('allPaid');
  return t('nextPaymentValue', {
    amount: formatMoney(next.amountMinor, account.contract.currency, lng),
    date: formatDay(next.dueDate, lng),
  });
}

/** Over or on pace, by how much and at what projected cost, or the term ended: one phrase. */
export function usePaceText(p: MileageProjection): string {
  const { t, i18n } = useTranslation('lease');
  const units = (n: number) => formatUnits(n, p.unit, i18n.language);
  if (p.status === 'over_pace') {
    return t('glance.overPace', {
      distance: units(Math.max(0, p.usedUnits - p.allowedToDateUnits)),
      cost: formatMoney(p.projectedOverageCostMinor, p.currency, i18n.language),
    });
  }
  if (p.status === 'ended') return t('glance.ended');
  return t('glance.onPace', { distance: units(Math.max(0, p.allowedToDateUnits - p.usedUnits)) });
}
