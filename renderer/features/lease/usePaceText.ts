import { useTranslation } from 'react-i18next';
import type { MileageProjection } from '../../../common/lease/projection.ts';
import { formatMoney } from '../../ui/format.ts';
import { formatUnits } from './leaseModel.ts';

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
