import type { Merchant, MerchantResult } from '../cloudApi/catalog.schema.ts';
import { bearingDeg, etaMinutes, isAhead, type LatLon } from '../geo.ts';
import { openState } from '../openingHours.ts';

/**
 * A merchant as a search result seen from the car: distance, bearing, whether it is ahead, a rough
 * ETA and whether it is open at `at`. The cloud answers searches with it and the car's cache
 * recomputes it offline, so both say the same of the same merchant.
 */
export function merchantResult(
  merchant: Merchant,
  from: { position: LatLon; distanceM: number; heading: number | undefined; at: Date },
): MerchantResult {
  const bearing = Math.round(bearingDeg(from.position, merchant.position) * 10) / 10;
  const state = openState(merchant.openingHours, from.at);
  return {
    ...merchant,
    distanceM: Math.round(from.distanceM),
    bearingDeg: bearing === 360 ? 0 : bearing,
    ahead: from.heading === undefined ? null : isAhead(from.heading, bearing),
    etaMinutes: etaMinutes(from.distanceM),
    openNow: state.open,
    nextChange: state.nextChange,
  };
}
