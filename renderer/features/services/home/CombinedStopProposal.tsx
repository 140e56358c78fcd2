import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StopList } from '../../../../common/cloudApi/endpoints.schema.ts';
import { SIGNAL } from '../../../../common/vss/signals.ts';
import { useHostQuery } from '../../../data/useHostQuery.ts';
import { LimitedText } from '../../../safety/LimitedText.tsx';
import { useAppStore, useAppStoreApi } from '../../../store/context.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatClock, formatPlaceDistance } from '../../../ui/format.ts';
import { useClock } from '../../../ui/useClock.ts';
import { ReorderSheet } from '../ReorderSheet.tsx';
import { searchFor } from '../searchSource.ts';
import { combinedStopFor, type CombinedStop } from './combinedStop.ts';
import { estimatePickup } from './pickupEstimate.ts';

type Energy = 'fuel' | 'ev_charging';

/**
 * A station ahead with one of the person's favourites open within a walk of it, asked only when
 * there are favourites and the car may be searched around (the location consent: the host
 * refuses otherwise).
 */
export function useCombinedStop(energy: Energy): CombinedStop | null {
  const store = useAppStoreApi();
  const favourites = useAppStore((s) => s.favourites.value?.favourites ?? null);
  const key = useAppStore((s) => {
    const found = searchFor(s, energy);
    return found.kind === 'ready' && 'position' in found.input ? found.key : null;
  });
  const ask = key !== null && favourites !== null && favourites.length > 0;
  const [result] = useHostQuery(
    'catalog.stops',
    ask
      ? () => {
          const found = searchFor(store.getState(), energy);
          if (found.kind !== 'ready' || !('position' in found.input)) throw new Error('no search');
          return { position: found.input.position, energy };
        }
      : null,
    { key: `stops:${key ?? ''}` },
  );
  const stops: StopList['stops'] = result.status === 'ok' ? result.value.stops : [];
  return ask ? combinedStopFor(stops, favourites) : null;
}

/**
 * The combined stop, which no peer offers: fill up at a station ahead and collect a favourite
 * beside it, ordered in two taps (this, then the confirmation) for the time the car gets there.
 * A favourite reorder, so a driver may use it while moving.
 */
export function CombinedStopProposal({ stop, energy }: { stop: CombinedStop; energy: Energy }) {
  const { t, i18n } = useTranslation('services');
  const store = useAppStoreApi();
  const unit = useAppStore((s) => s.settings.distanceUnit);
  // Re-estimated each minute; the speed is read then, not on every sample.
  const now = useClock();
  const [ordering, setOrdering] = useState<Date | null>(null);
  const estimate = (at: Date) => {
    const speed = store.getState().signals[SIGNAL.speed]?.value;
    return estimatePickup({
      now: at,
      stationDistanceM: stop.station.distanceM,
      speedKmh: typeof speed === 'number' ? speed : undefined,
      walkM: stop.merchant.walkM,
      energy,
    });
  };
  const pickupAt = estimate(now);
  return (
    <div className="combined-stop" data-testid="combined-stop" data-station={stop.station.id}>
      <p className="combined-stop__station">
        <span className="stations__name">
          <LimitedText text={stop.station.name} />
        </span>
        <span className="stations__distance">
          {formatPlaceDistance(stop.station.distanceM, unit, i18n.language)}
        </span>
      </p>
      <p className="label" data-testid="combined-stop-merchant">
        <LimitedText
          text={t('home.combinedStopWalk', {
            merchant: stop.merchant.name,
            walk: formatPlaceDistance(stop.merchant.walkM, unit, i18n.language),
          })}
        />
      </p>
      <Button
        variant="primary"
        className="favourite-button"
        onClick={() => setOrdering(estimate(new Date()))}
        data-testid="combined-stop-order"
        data-favourite={stop.favourite.id}
      >
        <span className="favourite-button__label">
          <LimitedText text={stop.favourite.label} />
        </span>
        <span>{t('home.combinedStopReady', { time: formatClock(pickupAt, i18n.language) })}</span>
      </Button>
      {ordering && (
        <ReorderSheet
          favourite={stop.favourite}
          pickup={{ at: ordering, station: stop.station.name }}
          onClose={() => setOrdering(null)}
        />
      )}
    </div>
  );
}
