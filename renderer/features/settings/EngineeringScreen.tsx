import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flagNames } from '../../../common/drive/restrictions.ts';
import type { VssPath } from '../../../common/vss/signals.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAppStore } from '../../store/context.tsx';
import { useScreenParams } from '../../store/useScreen.ts';
import type { SignalSample } from '../../store/vehicleSlice.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { STALE_AFTER_MS } from '../../vehicle/subscriptions.ts';

/** "Chrome 156.0", "Electron 45.4": the runtime as the page's own user agent names it. */
export function runtimeOf(userAgent: string): { chrome: string | null; electron: string | null } {
  return {
    chrome: /Chrome\/(\d+\.\d+)/.exec(userAgent)?.[1] ?? null,
    electron: /Electron\/(\d+\.\d+\.\d+)/.exec(userAgent)?.[1] ?? null,
  };
}

function Fact({ label, value, id }: { label: string; value: string; id: string }) {
  return (
    <>
      <dt className="label">{label}</dt>
      <dd data-testid={`engineering-${id}`}>{value}</dd>
    </>
  );
}

function SystemTab() {
  const { t, i18n } = useTranslation('settings');
  const system = useAppStore((s) => s.system);
  const cloud = useAppStore((s) => s.cloud);
  const bridge = useAppStore((s) => s.bridge);
  const runtime = runtimeOf(navigator.userAgent);
  return (
    <dl className="engineering__facts">
      <Fact id="version" label={t('engineering.version')} value={system.version} />
      <Fact
        id="build"
        label={t('engineering.buildTime')}
        value={formatDateTime(system.buildTime, i18n.language)}
      />
      <Fact id="variant" label={t('engineering.variant')} value={system.variant} />
      <Fact
        id="runtime"
        label={t('engineering.runtime')}
        value={
          runtime.electron
            ? t('engineering.electron', { electron: runtime.electron, chrome: runtime.chrome })
            : t('engineering.browser', { chrome: runtime.chrome ?? '?' })
        }
      />
      <Fact id="bridge" label={t('engineering.bridge')} value={t(`engineering.link.${bridge}`)} />
      <Fact
        id="cloud"
        label={t('engineering.cloud')}
        value={t(`engineering.cloudState.${cloud}`)}
      />
    </dl>
  );
}

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

function SignalsTab() {
  const { t } = useTranslation('settings');
  const signals = useAppStore((s) => s.signals);
  const driveState = useAppStore((s) => s.driveState);
  const uxFlags = useAppStore((s) => s.uxFlags);
  // Ages tick once a second, as well as with each new value.
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const rows = (Object.entries(signals) as [VssPath, SignalSample][]).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <>
      <p data-testid="engineering-drive">
        {t('engineering.driveLine', {
          state: driveState,
          flags: flagNames(uxFlags).join(', ') || t('engineering.noFlags'),
        })}
      </p>
      <RestrictedList
        items={rows}
        keyOf={([path]) => path}
        label={t('engineering.signals')}
        testId="engineering-signals"
        renderItem={([path, sample]) => (
          <SignalRow path={path} sample={sample} now={Math.max(now, sample.receivedAt)} />
        )}
      />
    </>
  );
}

function HostTab() {
  const { t, i18n } = useTranslation('settings');
  const [status, refresh] = useHostQuery('engineering.status', undefined);
  if (status.status !== 'ok') {
    return (
      <p className="label" aria-busy={status.status === 'loading'}>
        {status.status === 'loading' ? t('engineering.loading') : t('engineering.failed')}
      </p>
    );
  }
  const kb = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const { outbox, files } = status.value;
  return (
    <>
      <dl className="engineering__facts">
        <Fact id="outbox" label={t('engineering.outbox')} value={String(outbox.queued)} />
        <Fact
          id="last-error"
          label={t('engineering.lastError')}
          value={outbox.lastError ?? t('engineering.none')}
        />
        {files.map((f) => (
          <Fact
            key={f.name}
            id={`file-${f.name}`}
            label={f.name}
            value={t('engineering.size', { kb: kb.format(f.bytes / 1024) })}
          />
        ))}
      </dl>
      <Button onClick={refresh} data-testid="engineering-refresh">
        {t('engineering.refresh')}
      </Button>
    </>
  );
}

/**
 * The engineering screen, for an OEM engineer on the bench: what runs, and the car's signals as
 * the app sees them. Reached from Settings by seven taps on the version and the variant's PIN
 * (checked by the host), parked only, never in the nav bar.
 */
export function EngineeringScreen() {
  const { t } = useTranslation('settings');
  const { unlocked } = useScreenParams('engineering');
  const reset = useAppStore((s) => s.reset);
  const title = <h1 className="screen__title">{t('engineering.title')}</h1>;
  if (!unlocked) {
    return (
      <div className="engineering">
        {title}
        <p data-testid="engineering-locked">{t('engineering.locked')}</p>
        <Button onClick={() => reset({ name: 'settings' })} data-testid="engineering-to-settings">
          {t('engineering.toSettings')}
        </Button>
      </div>
    );
  }
  return (
    <div className="engineering">
      <Tabs
        title={title}
        testId="engineering-tabs"
        tabs={[
          { id: 'system', label: t('engineering.tabSystem'), content: <SystemTab /> },
          { id: 'signals', label: t('engineering.tabSignals'), content: <SignalsTab /> },
          { id: 'host', label: t('engineering.tabHost'), content: <HostTab /> },
        ]}
      />
    </div>
  );
}
