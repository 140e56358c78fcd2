import type { AreaId } from '../../../common/areas.ts';
import type { MerchantCategory } from '../../../common/cloudApi/catalog.schema.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';
import { useAppStore, useAppStoreApi } from '../../store/context.tsx';
import { searchFor } from './searchSource.ts';

/**
 * Merchants where the person chose to look (around the car or in an area), asked again only when
 * the search changes: the store is read through a key (the position rounded), not on every
 * signal. `search` says why nothing was asked: `choose` (nowhere chosen, or no consent) or
 * `no-position` (the car has not said where it is). Off (`enabled` false), nothing is asked.
 */
export function useMerchantSearch(
  category: MerchantCategory | undefined,
  area?: AreaId,
  enabled = true,
) {
  const store = useAppStoreApi();
  const search = useAppStore((s) => {
    const found = searchFor(s, category, area);
    return found.kind === 'ready' ? found.key : found.kind;
  });
  const ready = enabled && search !== 'choose' && search !== 'no-position';
  const [result, retry] = useHostQuery(
    'catalog.merchants',
    ready
      ? () => {
          const found = searchFor(store.getState(), category, area);
          // Ready when the key was made; a changed search has a new key and asks again.
          if (found.kind !== 'ready') throw new Error('no search');
          return found.input;
        }
      : null,
    { key: search },
  );
  return { search, ready, result, retry };
}
