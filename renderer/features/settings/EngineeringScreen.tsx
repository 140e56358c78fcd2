import { useTranslation } from 'react-i18next';
import { useHostQuery } from '../../data/useHostQuery.ts';
import { useAppStore } from '../../store/context.tsx';
import { useScreenParams } from '../../store/useScreen.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Tabs } from '../../ui/Tabs.tsx';
import { BridgeTab } from './engineering/BridgeTab.tsx';
import { Fact } from './engineering/Fact.tsx';
import { ExportTab, HostTab } from './engineering/HostTabs.tsx';
import { LogTab } from './engineering/LogTab.tsx';
import { SignalsTab } from './engineering/SignalsTab.tsx';

/** "Chrome 156.0", "Electron 45.4": the runtime as the page's own user agent names it. */
export function runtimeOf(userAgent: string): { chrome: string | null; electron: string | null } {
  return {
    chrome: /Chrome\/(\d+\.\d+)/.exec(userAgent)?.[1] ?? null,
    electron: /Electron\/(\d+\.\d+\.\d+)/.exec(userAgent)?.[1] ?? null,
  };
}

/** The commit the page was built from, as the build wrote it into the page; null if it did not. */
export function commitOf(doc: Document): string | null {
  return doc.querySelector('meta[name="dashport-commit"]')?.getAttribute('content') || null;
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
        id="commit"
        label={t('engineering.commit')}
        value={commitOf(document) ?? t('engineering.unknown')}
      />
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

type HostSideTab = 'host' | 'log' | 'export';

/** What the host tells only an unlocked session, for the tabs that show it. */
function HostSide({ session, tab }: { session: string | undefined; tab: HostSideTab }) {
  const { t } = useTranslation('settings');
  // Without a session (the screen opened by name) nothing is asked: the host would refuse it.
  const [status, refresh] = useHostQuery('engineering.status', session ? { session } : null);
  if (!session || (status.status === 'error' && status.code === 'forbidden')) {
    return <p data-testid="engineering-session-ended">{t('engineering.sessionEnded')}</p>;
  }
  if (status.status !== 'ok') {
    return (
      <p className="label" aria-busy={status.status === 'loading'}>
        {status.status === 'loading' ? t('engineering.loading') : t('engineering.failed')}
      </p>
    );
  }
  if (tab === 'host') return <HostTab status={status.value} refresh={refresh} />;
  if (tab === 'log') return <LogTab lines={status.value.log} refresh={refresh} />;
  return <ExportTab session={session} exportDir={status.value.exportDir} />;
}

/**
 * The engineering screen, for an OEM engineer on the bench: what runs, the bridge link and the
 * car's signals as the app sees them, the host's side and its log, and a diagnostics export.
 * Reached from Settings by seven taps on the version and the variant's PIN (checked by the host,
 * which then hands out the session every host request here carries), parked only, never in the
 * nav bar.
 */
export function EngineeringScreen() {
  const { t } = useTranslation('settings');
  const { unlocked, session } = useScreenParams('engineering');
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
  const hostSide = (tab: HostSideTab) => <HostSide session={session} tab={tab} />;
  return (
    <div className="engineering">
      <Tabs
        title={title}
        testId="engineering-tabs"
        tabs={[
          { id: 'system', label: t('engineering.tabSystem'), content: <SystemTab /> },
          { id: 'bridge', label: t('engineering.tabBridge'), content: <BridgeTab /> },
          { id: 'signals', label: t('engineering.tabSignals'), content: <SignalsTab /> },
          { id: 'host', label: t('engineering.tabHost'), content: hostSide('host') },
          { id: 'log', label: t('engineering.tabLog'), content: hostSide('log') },
          { id: 'export', label: t('engineering.tabExport'), content: hostSide('export') },
        ]}
      />
    </div>
  );
}
