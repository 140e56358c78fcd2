import { useEffect, useRef } from 'react';
import type { OffersView } from '../../../common/hostApi/finance.schema.ts';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { useAllowed } from '../../safety/useAllowed.ts';
import { useAppStoreApi } from '../../store/context.tsx';
import { useHost } from '../../data/hostContext.tsx';
import { useHostQuery, type QueryState } from '../../data/useHostQuery.ts';
import { offerContext } from './offerContext.ts';

/** Offers may show only in Park with the NO_OFFERS flag lifted: never idling, never moving (A6). */
export function useOffersAllowed(): boolean {
  return useAllowed('offers');
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/**
 * Asks the host for offers while allowed (and only then: nothing is asked while driving), and
 * counts those shown (the first `shown`, all by default) against the host's daily cap. A mute
 * invalidates offers.list, which reloads.
 */
export function useOffers(shownAtMost = Infinity): [QueryState<OffersView> | null, () => void] {
  const allowed = useOffersAllowed();
  const store = useAppStoreApi();
  const host = useHost();
  // The context is read when asking, not on every signal: the key stays the same while driving.
  const [state, retry] = useHostQuery(
    'offers.list',
    allowed
      ? () => {
          const { signals } = store.getState();
          return offerContext({
            fuel: num(signals[SIGNAL.fuelLevel]?.value),
            lat: num(signals[SIGNAL.latitude]?.value),
            lon: num(signals[SIGNAL.longitude]?.value),
            now: new Date(),
          });
        }
      : null,
    { key: 'car-context' },
  );
  // Each offer counts once per screen visit; the host counts it once per day anyway.
  const marked = useRef(new Set<string>());
  const shown = allowed && state.status === 'ok' ? state.value.offers.slice(0, shownAtMost) : [];
  const key = shown.map((o) => o.id).join(',');
  useEffect(() => {
    if (key === '') return;
    for (const offerId of key.split(',')) {
      if (marked.current.has(offerId)) continue;
      marked.current.add(offerId);
      host.call('offers.markShown', { offerId }).catch(() => {});
    }
  }, [key, host]);
  return [allowed ? state : null, retry];
}
