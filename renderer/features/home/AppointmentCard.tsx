import { useTranslation } from 'react-i18next';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAllowed } from '../../safety/useAllowed.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import type { Appointment } from '../../data/appointment.ts';

/**
 * The next appointment on the home screen: when, what and where, in one line. Opening it is for
 * the parked car or a passenger, like the screens its details are on.
 */
export function AppointmentCard({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation('home');
  const push = useAppStore((s) => s.push);
  const mayOpen = useAllowed('parked-or-passenger');
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
        <LimitedText text={appointment.line} />
      </p>
      {mayOpen && (
        <Button onClick={() => push(appointment.screen)} data-testid="home-appointment-open">
          {t('openAppointment')}
        </Button>
      )}
    </section>
  );
}
