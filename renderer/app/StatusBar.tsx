import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/context.tsx';
import { Button } from '../ui/Button.tsx';
import { formatClock } from '../ui/format.ts';
import { useAfterStart } from '../ui/startPhase.ts';
import { useClock } from '../ui/useClock.ts';
import { useClockPattern } from '../ui/useClockPattern.ts';

type PillState = 'ok' | 'pending' | 'down';

function StatusPill({ label, state, text }: { label: string; state: PillState; text: string }) {
  return (
    <span className="status-pill" data-state={state} role="status" aria-label={`${label}: ${text}`}>
      <span className="status-pill__dot" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}

export function StatusBar() {
  const { t, i18n } = useTranslation('common');
  const brand = useAppStore((s) => s.config.brand.name);
  const bridge = useAppStore((s) => s.bridge);
  const cloud = useAppStore((s) => s.cloud);
  const passenger = useAppStore((s) => s.passenger.active);
  const exitPassenger = useAppStore((s) => s.exitPassengerMode);
  const now = useClock();
  const clockPattern = useClockPattern();
  const clockReady = useAfterStart();
  const bridgeState: PillState =
    bridge === 'connected' ? 'ok' : bridge === 'connecting' ? 'pending' : 'down';
  const cloudState: PillState =
    cloud === 'online' ? 'ok' : cloud === 'unknown' ? 'pending' : 'down';
  return (
    <header className="status-bar" data-testid="status-bar">
      <span className="status-bar__brand">{brand}</span>
      <StatusPill
        label={t('status.vehicle')}
        state={bridgeState}
        text={t(`status.bridge.${bridge}`)}
      />
      <StatusPill
        label={t('status.cloud')}
        state={cloudState}
        text={t(`status.cloudState.${cloud}`)}
      />
      {passenger && (
        <Button onClick={exitPassenger} data-testid="passenger-exit">
          {t('safety.passengerModeOn')}
        </Button>
      )}
      <time className="status-bar__clock" dateTime={now.toISOString()}>
        {clockReady && formatClock(now, i18n.language, clockPattern)}
      </time>
    </header>
  );
}
