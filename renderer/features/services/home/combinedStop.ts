import type { Favourite } from '../../../../common/cloudApi/favourites.schema.ts';
import type { StopList } from '../../../../common/cloudApi/endpoints.schema.ts';

type Stop = StopList['stops'][number];

export interface CombinedStop {
  station: Stop['station'];
  /** The favourite's merchant, open now within a short walk of the station. */
  merchant: Stop['nearby'][number];
  favourite: Favourite;
}

/**
 * The stop to propose: the first station in the cloud's order (ahead of the car first, then
 * nearest) with one of the person's orderable favourites open within a walk of it; at that
 * station, the favourite they put first.
 */
export function combinedStopFor(
  stops: readonly Stop[],
  favourites: readonly Favourite[],
): CombinedStop | null {
  const orderable = favourites.filter((f) => f.orderable);
  for (const stop of stops) {
    for (const favourite of orderable) {
      const merchant = stop.nearby.find((m) => m.id === favourite.merchantId);
      if (merchant) return { station: stop.station, merchant, favourite };
    }
  }
  return null;
}
