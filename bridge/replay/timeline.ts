import { SIGNAL } from '../../common/vss/signals.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import { deriveDriveSignals } from './derive.ts';
import type { TimedSample } from './sample.ts';
import type { TraceSample } from './traceFile.ts';

/**
 * Turns a trace into the timeline a replay plays: the recording, untouched, framed so that a
 * home screen sees a whole drive, parked -> moving -> parked, even when the recording starts
 * and ends at speed.
 *
 *   lead-in   speed 0 for `leadInMs`, holding each signal's first recorded value (position…)
 *   ramp-in   0 -> the first recorded speed, at ACCEL_KMH_PER_S, a sample every 100 ms
 *   recording every line as recorded, shifted by the lead-in and ramp-in
 *   ramp-out  the last recorded speed -> 0, same rate
 *   lead-out  speed 0 for `leadOutMs`
 *
 * Gear and IsMoving are then derived from the speed (see derive.ts). Every sample says where it
 * came from, so tests and tools can tell recorded values from the framing.
 */

export interface TimelineOptions {
  leadInMs: number;
  leadOutMs: number;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = { leadInMs: 3_000, leadOutMs: 3_000 };
/** 9 km/h per second, 2.5 m/s²: a calm start and stop. */
export const ACCEL_KMH_PER_S = 9;
const RAMP_STEP_MS = 100;

export interface Timeline {
  samples: TimedSample[];
  /** Where the recording starts and ends on the timeline. */
  recordingStartMs: number;
  recordingEndMs: number;
  /** Length of the timeline; a looping replay starts over here. */
  endMs: number;
}

/** How long a calm ramp between 0 and `kmh` takes, on the 100 ms sample grid. */
function rampMs(kmh: number): number {
  return Math.ceil(((Math.abs(kmh) / ACCEL_KMH_PER_S) * 1000) / RAMP_STEP_MS) * RAMP_STEP_MS;
}

/** Speed samples strictly between `from` (at startMs) and `to` (at startMs + the ramp). */
function ramp(from: number, to: number, startMs: number): TimedSample[] {
  const steps = rampMs(Math.max(Math.abs(from), Math.abs(to))) / RAMP_STEP_MS;
  const out: TimedSample[] = [];
  for (let i = 1; i < steps; i += 1) {
    const value = Number((from + ((to - from) * i) / steps).toFixed(2));
    out.push({ t: startMs + i * RAMP_STEP_MS, path: SIGNAL.speed, value, origin: 'padding' });
  }
  return out;
}

export function buildTimeline(
  trace: readonly TraceSample[],
  options: TimelineOptions = DEFAULT_TIMELINE_OPTIONS,
): Timeline {
  const { leadInMs, leadOutMs } = options;
  for (const [name, ms] of Object.entries(options)) {
    if (!(Number.isSafeInteger(ms) && ms >= 0)) throw new RangeError(`${name} must be >= 0`);
  }
  const speeds = trace.filter((s) => s.path === SIGNAL.speed);
  const firstSpeed = speeds[0]?.value;
  const lastSpeed = speeds.at(-1)?.value;
  const firstT = trace[0]?.t ?? 0;
  const lastT = trace.at(-1)?.t ?? 0;

  // A recording without speed cannot be framed as a drive: it is played as it is.
  if (typeof firstSpeed !== 'number' || typeof lastSpeed !== 'number') {
    const samples = trace.map((s) => ({ ...s, t: s.t - firstT, origin: 'trace' as const }));
    return { samples, recordingStartMs: 0, recordingEndMs: lastT - firstT, endMs: lastT - firstT };
  }

  const out: TimedSample[] = [];
  const firstOf = new Map<VssPath, VssValue>();
  for (const s of trace) if (!firstOf.has(s.path)) firstOf.set(s.path, s.value);
  for (const [path, value] of firstOf) {
    out.push({ t: 0, path, value: path === SIGNAL.speed ? 0 : value, origin: 'padding' });
  }
  out.push(...ramp(0, firstSpeed, leadInMs));
  const recordingStartMs = leadInMs + rampMs(firstSpeed);
  for (const s of trace) out.push({ ...s, t: recordingStartMs + s.t - firstT, origin: 'trace' });
  const recordingEndMs = recordingStartMs + lastT - firstT;
  out.push(...ramp(lastSpeed, 0, recordingEndMs));
  const stopMs = recordingEndMs + Math.max(RAMP_STEP_MS, rampMs(lastSpeed));
  out.push({ t: stopMs, path: SIGNAL.speed, value: 0, origin: 'padding' });
  const endMs = stopMs + leadOutMs;

  return {
    samples: deriveDriveSignals(out, endMs),
    recordingStartMs,
    recordingEndMs,
    endMs,
  };
}
