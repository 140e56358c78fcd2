import { useTranslation } from 'react-i18next';
import type { TestDriveBooking } from '../../../common/cloudApi/testDrives.schema.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';
import type { Appointment } from '../../data/appointment.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useClock } from '../../ui/useClock.ts';

/** The soonest booking still to come, if any. */
export function nextBooking(
  bookings: readonly TestDriveBooking[],
  now: Date,
): TestDriveBooking | undefined {
  return bookings
    .filter((b) => b.state === 'booked' && Date.parse(b.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
}

/** The next booked test drive as an appointment for the home screen; nothing while `enabled` is false. */
export function useNextTestDrive(enabled: boolean): Appointment | null {
  const { t, i18n } = useTranslation('testDrives');
  const now = useClock();
  const [bookings] = useHostQuery('testDrives.list', enabled ? undefined : null);
  const next = bookings.status === 'ok' ? nextBooking(bookings.value.bookings, now) : undefined;
  if (!enabled || !next) return null;
  return {
    startsAt: Date.parse(next.start),
    line: t('bookingLine', {
      model: next.modelName,
      at: formatDateTime(next.start, i18n.language),
      dealer: next.dealer.name,
    }),
    screen: { name: 'testDrives', modelId: next.modelId },
  };
}
