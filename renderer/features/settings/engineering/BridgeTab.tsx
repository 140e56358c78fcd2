import { useTranslation } from 'react-i18next';
import type { PublicVariantConfig } from '../../../../common/hostApi/contract.schema.ts';
import { useAppStore } from '../../../store/context.tsx';
import { Fact } from './Fact.tsx';
import { useTicker } from './useTicker.ts';

/** Rejected paths named on the screen, most frequent first; a bundle has them all. */
const REJECTED_SHOWN = 3;

/** Where the bridge reads the car, as the line configures it. */
function useSourceLabel(signals: PublicVariantConfig['vehicle']['signals']): string {
  const { t } = useTranslation('settings');
  if (signals.source === 'simulator') return t('engineering.source.simulator');
  return t('engineering.source.can', {
    profile: signals.profile,
    interfaces: (signals.interfaces ?? ['can0']).join(', '),
  });
}

/** The bridge link: source, state and the vehicle client's counters, refreshed every second. */
export function BridgeTab() {
  const { t, i18n } = useTranslation('settings');
  const bridge = useAppStore((s) => s.bridge);
  const link = useAppStore((s) => s.link);
  const source = useSourceLabel(useAppStore((s) => s.config.vehicle.signals));
  const now = useTicker(1000);
  const stats = link?.snapshot(now);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const rejectedPaths = Object.entries(stats?.rejectedByPath ?? {})
    .sort(([, a], [, b]) => b - a)
    .slice(0, REJECTED_SHOWN)
    .map(([path, n]) => `${path} ${number.format(n)}`)
    .join(', ');
  return (
    <dl className="engineering__facts">
      <Fact id="bridge-source" label={t('engineering.bridgeSource')} value={source} />
      <Fact
        id="bridge-state"
        label={t('engineering.bridge')}
        value={t(`engineering.link.${bridge}`)}
      />
      <Fact
        id="bridge-rate"
        label={t('engineering.messagesPerSecond')}
        value={number.format(stats?.messagesPerSecond ?? 0)}
      />
      <Fact
        id="bridge-reconnects"
        label={t('engineering.reconnects')}
        value={number.format(stats?.reconnects ?? 0)}
      />
      <Fact
        id="bridge-rejected"
        label={t('engineering.rejected')}
        value={number.format(stats?.rejected ?? 0)}
      />
      <Fact
        id="bridge-rejected-paths"
        label={t('engineering.rejectedByPath')}
        value={rejectedPaths || t('engineering.none')}
      />
    </dl>
  );
}
