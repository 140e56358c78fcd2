/**
 * Speed profiles: km/h as a function of simulated time. Periodic and smooth, so a demo can
 * run forever and the values a test sees at a given time never depend on the tick length.
 */

const smoothstep = (x: number) => x * x * (3 - 2 * x);

/** Holds `kmh` with a gentle wave of ±`wave` km/h every `periodMs`. */
export function cruise(kmh: number, wave: number, periodMs: number): (tMs: number) => number {
  return (t) => kmh + wave * Math.sin((2 * Math.PI * t) / periodMs);
}

export const standstill = (): number => 0;

/**
 * Piecewise profile: each leg moves smoothly from the previous leg's speed to its own over its
 * duration, and the list repeats. Starts (and wraps) at the last leg's speed.
 */
export function legs(list: readonly (readonly [durationMs: number, kmh: number])[]) {
  const total = list.reduce((sum, [ms]) => sum + ms, 0);
  const lastKmh = list.at(-1)?.[1] ?? 0;
  return (tMs: number): number => {
    let t = tMs % total;
    let from = lastKmh;
    for (const [ms, kmh] of list) {
      if (t < ms) return from + (kmh - from) * smoothstep(t / ms);
      t -= ms;
      from = kmh;
    }
    return lastKmh;
  };
}

/** Stop-and-go in town, 0..50 km/h, one minute per round. */
export const CITY_LEGS = [
  [8_000, 0], // waiting at a light
  [6_000, 30],
  [10_000, 30],
  [5_000, 0],
  [6_000, 0],
  [7_000, 50],
  [10_000, 50],
  [8_000, 0],
] as const;
