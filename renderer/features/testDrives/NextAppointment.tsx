import { useTranslation } from 'react-i18next';
import type { TestDriveBooking } from '../../../common/cloudApi/testDrives.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAllowed } from '../../safety/useAllowed.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useClock } from '../../ui/useClock.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';

/** The soonest booking still to come, if any. */
export function nextBooking(
  bookings: readonly TestDriveBooking[],
  now: Date,
): TestDriveBooking | undefined {
  return bookings
    .filter((b) => b.state === 'booked' && Date.parse(b.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
}

/**
 * The next appointment on the home screen: when, what and where, in one line. Opening the
 * bookings is for the parked car or a passenger, like the screen they are on.
 */
export function NextAppointment() {
  const { t, i18n } = useTranslation('testDrives');
  const push = useAppStore((s) => s.push);
  const mayOpen = useAllowed('parked-or-passenger');
  const now = useClock();
  const [bookings] = useHostQuery('testDrives.list', undefined);
  const next = bookings.status === 'ok' ? nextBooking(bookings.value.bookings, now) : undefined;
  if (!next) return null;
  return (
    <section
      className="card home-appointment"
      data-testid="home-appointment"
      aria-labelledby="home-appointment-title"
    >
      <h2 className="section-title" id="home-appointment-title">
        {t('nextAppointment')}
      </h2>
      <p className="home-appointment__line" data-testid="home-appointment-line">
        <LimitedText
          text={t('bookingLine', {
            model: next.modelName,
            at: formatDateTime(next.start, i18n.language),
            dealer: next.dealer.name,
          })}
        />
      </p>
      {mayOpen && (
        <Button
          onClick={() => push({ name: 'testDrives', modelId: next.modelId })}
          data-testid="home-appointment-open"
        >
          {t('openBooking')}
        </Button>
      )}
    </section>
  );
}
