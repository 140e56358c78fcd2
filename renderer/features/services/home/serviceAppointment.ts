import { useTranslation } from 'react-i18next';
import type { LocalOrder } from '../../../../common/hostApi/commerce.schema.ts';
import { useAppStore } from '../../../store/context.tsx';
import { serviceDropOff } from '../orderView.ts';
import { formatDateTime } from '../../../ui/format.ts';
import { useClock } from '../../../ui/useClock.ts';
import type { Appointment } from '../../../data/appointment.ts';

/** A service booking still counts as the next appointment this long after its drop-off time. */
const DROP_OFF_GRACE_MS = 30 * 60_000;

/** A vehicle service booked for a drop-off time, not refused or cancelled. */
export function isServiceBooking(order: LocalOrder): boolean {
  return (
    serviceDropOff(order) !== null &&
    order.delivery !== 'failed' &&
    order.order?.state !== 'cancelled' &&
    order.order?.state !== 'rejected'
  );
}

/** The soonest service drop-off still to come (or just due), if any. */
export function nextServiceBooking(orders: readonly LocalOrder[], now: number): LocalOrder | null {
  return (
    orders
      .filter((o) => isServiceBooking(o) && serviceDropOff(o)! + DROP_OFF_GRACE_MS > now)
      .sort((a, b) => serviceDropOff(a)! - serviceDropOff(b)!)[0] ?? null
  );
}

/** The next service booking as an appointment for the home screen; nothing while `enabled` is false. */
export function useNextServiceBooking(enabled: boolean): Appointment | null {
  const { t, i18n } = useTranslation('services');
  const orders = useAppStore((s) => s.orders);
  const now = useClock();
  const next = enabled ? nextServiceBooking(orders, now.getTime()) : null;
  if (!next) return null;
  const service = next.summary.lines[0]?.name ?? t('category.vehicle_service');
  return {
    startsAt: serviceDropOff(next)!,
    line: t('home.serviceLine', {
      service,
      at: formatDateTime(next.summary.pickupAt!, i18n.language),
      merchant: next.summary.merchantName ?? next.order?.merchantName ?? '',
    }),
    screen: { name: 'order', clientOrderId: next.clientOrderId },
  };
}
