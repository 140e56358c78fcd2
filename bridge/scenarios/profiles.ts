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

/** The loop drive's timing: parked, accelerate, cruise, decelerate, then parked again. */
export interface LoopTiming {
  parkedMs: number;
  accelerateMs: number;
  cruiseMs: number;
  decelerateMs: number;
  cruiseKmh: number;
}

export const LOOP_TIMING: LoopTiming = {
  parkedMs: 8_000,
  accelerateMs: 8_000,
  cruiseMs: 20_000,
  decelerateMs: 8_000,
  cruiseKmh: 50,
};
const LOOP_WAVE_KMH = 3;

export type LoopPhase = 'parked' | 'accelerating' | 'cruising' | 'decelerating';

/**
 * The `loop` scenario's drive as functions of time: which phase, and the speed in it. Parked
 * speed is exactly 0 and the phases join smoothly, so gear P is only ever shown at a standstill.
 */
export function loopDrive(overrides: Partial<LoopTiming> = {}) {
  const timing = { ...LOOP_TIMING, ...overrides };
  const phases: [LoopPhase, number][] = [
    ['parked', timing.parkedMs],
    ['accelerating', timing.accelerateMs],
    ['cruising', timing.cruiseMs],
    ['decelerating', timing.decelerateMs],
  ];
  for (const [phase, ms] of phases) {
    if (!(ms > 0 && Number.isFinite(ms))) throw new RangeError(`${phase} duration must be > 0`);
  }
  if (!(timing.cruiseKmh > LOOP_WAVE_KMH && timing.cruiseKmh < 300)) {
    throw new RangeError(`cruiseKmh must be between ${LOOP_WAVE_KMH} and 300`);
  }
  const cycleMs = phases.reduce((sum, [, ms]) => sum + ms, 0);
  const at = (tMs: number): { phase: LoopPhase; x: number } => {
    let t = tMs % cycleMs;
    for (const [phase, ms] of phases) {
      if (t < ms) return { phase, x: t / ms };
      t -= ms;
    }
    return { phase: 'parked', x: 0 };
  };
  return {
    cycleMs,
    phaseAt: (tMs: number) => at(tMs).phase,
    parkedAt: (tMs: number) => at(tMs).phase === 'parked',
    speedAt: (tMs: number): number => {
      const { phase, x } = at(tMs);
      switch (phase) {
        case 'parked':
          return 0;
        case 'accelerating':
          return timing.cruiseKmh * smoothstep(x);
        case 'cruising':
          // Two gentle waves that are zero at both ends, so speed is continuous across phases.
          return timing.cruiseKmh + LOOP_WAVE_KMH * Math.sin(4 * Math.PI * x);
        case 'decelerating':
          return timing.cruiseKmh * (1 - smoothstep(x));
      }
    },
  };
}

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
