import { useEffect, useRef } from 'react';
import { UX, hasFlag } from '../../../common/drive/restrictions.ts';
import type { OffersView } from '../../../common/hostApi/finance.ts';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { useAppStore, useAppStoreApi } from '../../store/context.tsx';
import { useLoad, type LoadState } from '../services/useLoad.ts';
import { offerContext } from './offerContext.ts';

/** Offers may show only in Park with the NO_OFFERS flag lifted: never idling, never moving (A6). */
export function useOffersAllowed(): boolean {
  return useAppStore((s) => s.driveState === 'PARKED' && !hasFlag(s.uxFlags, UX.NO_OFFERS));
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/**
 * Asks the host for offers while allowed (and only then: nothing is asked while driving), and
 * counts those shown against the host's daily cap. `version` reloads after a mute.
 */
export function useOffers(version: number): [LoadState<OffersView> | null, () => void] {
  const allowed = useOffersAllowed();
  const store = useAppStoreApi();
  const host = useAppStore((s) => s.host);
  const [state, retry] = useLoad(allowed ? `offers:${version}` : null, () => {
    const { signals } = store.getState();
    return host.call(
      'offers.list',
      offerContext({
        fuel: num(signals[SIGNAL.fuelLevel]?.value),
        lat: num(signals[SIGNAL.latitude]?.value),
        lon: num(signals[SIGNAL.longitude]?.value),
        now: new Date(),
      }),
    );
  });
  // Each offer counts once per screen visit; the host counts it once per day anyway.
  const marked = useRef(new Set<string>());
  const shown = allowed && state.status === 'ok' ? state.value.offers : [];
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
