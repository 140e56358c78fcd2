import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/context.tsx';
import { passengerSeatOccupied } from '../store/vehicleSlice.ts';
import { Button } from '../ui/Button.tsx';
import type { Availability } from './permissions.ts';
import { useAllowed } from './useAllowed.ts';

/**
 * Shows the screen when its availability allows, otherwise a glanceable "available when parked"
 * card: one line, one icon-sized symbol, and the passenger button when a passenger could unlock it.
 */
export function ScreenGate({
  availability,
  children,
}: {
  availability: Availability;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  const seatOccupied = useAppStore((s) => passengerSeatOccupied(s.signals));
  const enter = useAppStore((s) => s.enterPassengerMode);
  const allowed = useAllowed(availability);
  if (allowed) return <>{children}</>;
  const passengerCanUnlock = availability === 'parked-or-passenger';
  return (
    <section className="gate" data-testid="screen-gate">
      <h1 className="gate__title">{t('safety.availableWhenParked')}</h1>
      {passengerCanUnlock && (
        <>
          <Button
            variant="primary"
            disabled={!seatOccupied}
            onClick={() => enter(performance.now())}
            data-testid="passenger-confirm"
          >
            {t('safety.imPassenger')}
          </Button>
          {!seatOccupied && <p className="label">{t('safety.passengerSeatEmpty')}</p>}
        </>
      )}
    </section>
  );
}
