import type { FuelLevelBucket, TimeOfDay } from '../../../common/cloudApi/offers.schema.ts';
import type { OffersInput } from '../../../common/hostApi/finance.schema.ts';

/** Coarse buckets only: an exact fuel level or clock time is never offered for targeting. */
export function fuelBucket(percent: number | undefined): FuelLevelBucket | undefined {
  if (percent === undefined) return undefined;
  if (percent <= 20) return 'low';
  return percent <= 60 ? 'medium' : 'high';
}

export function timeOfDay(at: Date): TimeOfDay {
  const h = at.getHours();
  if (h < 5) return 'night';
  if (h < 11) return 'morning';
  if (h < 14) return 'midday';
  if (h < 18) return 'afternoon';
  return h < 22 ? 'evening' : 'night';
}

/**
 * What the car could tell about its context. The host decides what of it leaves the car (only
 * with the personalised-offers consent, the position only with location consent too).
 */
export function offerContext(signals: {
  fuel: number | undefined;
  lat: number | undefined;
  lon: number | undefined;
  now: Date;
}): OffersInput {
  const fuelLevel = fuelBucket(signals.fuel);
  return {
    timeOfDay: timeOfDay(signals.now),
    ...(fuelLevel ? { fuelLevel } : {}),
    ...(signals.lat !== undefined && signals.lon !== undefined
      ? { position: { lat: signals.lat, lon: signals.lon } }
      : {}),
  };
}
