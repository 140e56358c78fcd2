import { useTranslation } from 'react-i18next';
import { flagNames } from '../../../../common/drive/restrictions.ts';
import type { VssPath } from '../../../../common/vss/signals.ts';
import { RestrictedList } from '../../../safety/RestrictedList.tsx';
import { useAppStore } from '../../../store/context.tsx';
import { signalsByPath, type SignalSample } from '../../../store/vehicleSlice.ts';
import { STALE_AFTER_MS } from '../../../vehicle/subscriptions.ts';
import { useTicker } from './useTicker.ts';

type Row = { kind: 'drive' } | { kind: 'signal'; path: VssPath; sample: SignalSample };

function SignalRow({ path, sample, now }: { path: VssPath; sample: SignalSample; now: number }) {
  const { t } = useTranslation('settings');
  const ageMs = Math.max(0, now - sample.receivedAt);
  const stale = ageMs > (STALE_AFTER_MS[path] ?? Number.POSITIVE_INFINITY);
  return (
    <div className="engineering__signal" data-testid={`signal-${path}`} data-stale={stale}>
      <span className="engineering__path">{path}</span>
      <span className="engineering__value" data-testid={`signal-value-${path}`}>
        {String(sample.value)}
      </span>
      <span className="label">
        {t('engineering.age', { seconds: (ageMs / 1000).toFixed(1) })}
        {stale && ` · ${t('engineering.stale')}`}
      </span>
    </div>
  );
}

/** Every signal as the app holds it, after the drive state and the restrictions in force. */
export function SignalsTab() {
  const { t } = useTranslation('settings');
  const signals = useAppStore((s) => s.signals);
  const driveState = useAppStore((s) => s.driveState);
  const uxFlags = useAppStore((s) => s.uxFlags);
  // Ages tick once a second, as well as with each new value.
  const now = useTicker(1000);
  const rows: Row[] = [
    { kind: 'drive' },
    ...signalsByPath(signals).map(([path, sample]): Row => ({ kind: 'signal', path, sample })),
  ];
  const driveLine = t('engineering.driveLine', {
    state: driveState,
    flags: flagNames(uxFlags).join(', ') || t('engineering.noFlags'),
  });
  // The drive state heads the list rather than standing above it: on a short panel the list's
  // page controls need the height.
  return (
    <RestrictedList
      items={rows}
      keyOf={(row) => (row.kind === 'drive' ? '' : row.path)}
      label={t('engineering.signals')}
      testId="engineering-signals"
      renderItem={(row) =>
        row.kind === 'drive' ? (
          <span data-testid="engineering-drive">{driveLine}</span>
        ) : (
          <SignalRow
            path={row.path}
            sample={row.sample}
            now={Math.max(now, row.sample.receivedAt)}
          />
        )
      }
    />
  );
}
