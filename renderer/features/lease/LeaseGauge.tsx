import { useTranslation } from 'react-i18next';
import type { MileageProjection } from '../../../common/lease/projection.ts';
import { formatUnits } from './leaseModel.ts';

/**
 * Distance used against the whole term's allowance, with a marker where the pro-rata allowance
 * stands today: fill past the marker is over pace. Static SVG, no animation (A2).
 */
export function LeaseGauge({ projection }: { projection: MileageProjection }) {
  const { t, i18n } = useTranslation('lease');
  const total = Math.max(1, projection.termAllowanceUnits);
  const used = Math.min(1, projection.usedUnits / total);
  const marker = Math.min(1, projection.allowedToDateUnits / total);
  const over = projection.usedUnits > projection.allowedToDateUnits;
  const label = t('gauge.label', {
    used: formatUnits(projection.usedUnits, projection.unit, i18n.language),
    allowed: formatUnits(projection.allowedToDateUnits, projection.unit, i18n.language),
  });
  return (
    <div
      className="lease-gauge"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={projection.termAllowanceUnits}
      aria-valuenow={projection.usedUnits}
      data-testid="lease-gauge"
      data-used={projection.usedUnits}
      data-allowed={projection.allowedToDateUnits}
      data-over={over}
    >
      <svg viewBox="0 0 1000 60" preserveAspectRatio="none" aria-hidden="true">
        <rect className="lease-gauge__track" x="0" y="10" width="1000" height="40" rx="8" />
        <rect
          className="lease-gauge__fill"
          data-over={over}
          x="0"
          y="10"
          width={Math.round(used * 1000)}
          height="40"
          rx="8"
        />
        <rect
          className="lease-gauge__marker"
          x={Math.min(994, Math.round(marker * 1000))}
          y="0"
          width="6"
          height="60"
        />
      </svg>
    </div>
  );
}
