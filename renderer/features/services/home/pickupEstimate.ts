/** Below this the car is crawling or stopped: the rest of the way is taken at city speed. */
const CITY_KMH = 30;
/** An unhurried walk, in metres a minute. */
const WALK_M_PER_MIN = 75;
/** Filling a tank before walking over; a charger keeps charging while the driver is away. */
const BEFORE_WALK_MIN = { fuel: 5, ev_charging: 0 } as const;

export interface PickupInput {
  now: Date;
  /** Straight-line distance from the car to the station. */
  stationDistanceM: number;
  /** The car's speed now, km/h (undefined when unknown). */
  speedKmh: number | undefined;
  /** Straight-line distance from the station to the merchant. */
  walkM: number;
  energy: keyof typeof BEFORE_WALK_MIN;
}

/**
 * When the driver will be at the merchant's counter: the drive to the station at the car's speed
 * (city speed when slower), the fill-up, then the walk; rounded up to the whole minute, so the
 * order is ready no earlier than it can be collected.
 */
export function estimatePickup(input: PickupInput): Date {
  const kmh = Math.max(input.speedKmh ?? 0, CITY_KMH);
  const driveMin = input.stationDistanceM / ((kmh * 1000) / 60);
  const minutes = driveMin + BEFORE_WALK_MIN[input.energy] + input.walkM / WALK_M_PER_MIN;
  const at = input.now.getTime() + minutes * 60_000;
  return new Date(Math.ceil(at / 60_000) * 60_000);
}
