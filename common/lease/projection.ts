import { MoneyError } from '../money.ts';
import {
  addDays,
  addMonths,
  DAY_MS,
  daysBetween,
  localDate,
  parseIsoDate,
  startOfDay,
} from './calendar.ts';

/**
 * The mileage of a lease or subscription from the car's live odometer: what was used against
 * the pro-rata allowance to date, where that pace ends at maturity and what the overage would
 * cost. Pure: the same inputs always give the same answer, in the host, the renderer and tests.
 *
 * Time: the term runs from local midnight of `start` to local midnight of `maturity` in the
 * account's time zone. A per-year allowance accrues pro rata by day over the term (the term total
 * is the yearly distance × months / 12, as contracts state it); a per-month allowance accrues by
 * calendar month (anniversaries of the start day, clamped to short months), pro rata within the
 * current month, so a February fills faster than a March.
 */

export type DistanceUnit = 'km' | 'mi';

export const METRES_PER_UNIT: Readonly<Record<DistanceUnit, number>> = { km: 1000, mi: 1609.344 };

/** Below this much elapsed term, a pace is noise: the rest of the term is assumed on allowance. */
export const MIN_DAYS_FOR_PACE = 14;

export interface MileageContract {
  /** YYYY-MM-DD, the first day of the term. */
  start: string;
  /** YYYY-MM-DD, the day the term ends (at its start). */
  maturity: string;
  /** IANA zone the dates are in; default UTC. */
  timeZone?: string;
  allowance: { distance: number; per: 'year' | 'month' };
  /** Distance added by purchased packs, in `unit`, spread over the term. */
  extraDistance?: number;
  unit: DistanceUnit;
  odometerAtStartM: number;
  excessFeeMinorPerUnit: number;
  currency: string;
}

export interface ProjectionInput {
  contract: MileageContract;
  /** The live odometer (Vehicle.TraveledDistance), sanitised by `nextOdometer`. */
  odometerM: number;
  now: Date | number;
  /** The odometer at the start of today's drive(s), for "today added". */
  todayStartOdometerM?: number;
}

export type ProjectionStatus = 'not_started' | 'on_pace' | 'over_pace' | 'ended';

export interface MileageProjection {
  status: ProjectionStatus;
  unit: DistanceUnit;
  currency: string;
  /** Whole units driven since the start (never negative). */
  usedUnits: number;
  /** Whole units allowed up to now. */
  allowedToDateUnits: number;
  /** Whole units allowed over the whole term, packs included. */
  termAllowanceUnits: number;
  /** used ÷ allowed to date, 3 decimals; 0 before any allowance accrued. */
  paceRatio: number;
  projectedAtEndUnits: number;
  projectedOverageUnits: number;
  /** projectedOverageUnits × fee, exact integer minor units. */
  projectedOverageCostMinor: number;
  remainingAllowanceUnits: number;
  /** Share of the term elapsed, 0..1. */
  termProgress: number;
  /** Calendar days to maturity in the account's zone, 0 once reached. */
  daysLeft: number;
  /** Whole units driven today (0 without `todayStartOdometerM`). */
  todayUnits: number;
  /** How much today's driving added to the projected overage cost. */
  todayCostMinor: number;
}

function checkedProduct(a: number, b: number): number {
  const n = a * b;
  if (!Number.isSafeInteger(n)) throw new MoneyError(`overage cost is not a safe integer: ${n}`);
  return n;
}

function assertOdometer(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be >= 0 m`);
}

interface Term {
  startMs: number;
  endMs: number;
  /** Whole and partial months of the term, by anniversaries of the start day. */
  months: number;
  /** Share of the term elapsed at `nowMs`, 0..1, by the allowance's own clock. */
  progress(nowMs: number): number;
}

/** Local days from the date `from` to the instant `ms`: whole days plus the share of today. */
function daysSince(from: string, timeZone: string, ms: number): number {
  const today = localDate(ms, timeZone);
  const dayStart = startOfDay(today, timeZone);
  const dayLength = startOfDay(addDays(today, 1), timeZone) - dayStart;
  return daysBetween(from, today) + (ms - dayStart) / dayLength;
}

/**
 * Months from `start` to the instant `ms`: whole anniversaries passed, plus the share of the
 * current month in local days (so a daylight-saving change inside it does not skew the share).
 */
function monthsElapsed(start: string, timeZone: string, ms: number): number {
  const from = parseIsoDate(start);
  const to = parseIsoDate(localDate(ms, timeZone));
  // A guess from the calendar, corrected by at most a step either way (clamped month ends).
  let whole = Math.max(0, (to.year - from.year) * 12 + (to.month - from.month));
  const anniversary = (n: number) => addMonths(start, n);
  const reached = (n: number) => startOfDay(anniversary(n), timeZone) <= ms;
  while (whole > 0 && !reached(whole)) whole--;
  while (reached(whole + 1)) whole++;
  const monthDays = daysBetween(anniversary(whole), anniversary(whole + 1));
  return whole + daysSince(anniversary(whole), timeZone, ms) / monthDays;
}

function termOf(contract: MileageContract): Term {
  const zone = contract.timeZone ?? 'UTC';
  const startMs = startOfDay(contract.start, zone);
  const endMs = startOfDay(contract.maturity, zone);
  if (!(endMs > startMs)) throw new RangeError('maturity must be after start');
  const months = monthsElapsed(contract.start, zone, endMs);
  const termDays = daysBetween(contract.start, contract.maturity);
  const progress = (nowMs: number): number => {
    if (nowMs <= startMs) return 0;
    if (nowMs >= endMs) return 1;
    return contract.allowance.per === 'month'
      ? monthsElapsed(contract.start, zone, nowMs) / months
      : daysSince(contract.start, zone, nowMs) / termDays;
  };
  return { startMs, endMs, months, progress };
}

function termAllowance(contract: MileageContract, term: Term): number {
  const { distance, per } = contract.allowance;
  const base = per === 'month' ? distance * term.months : (distance * term.months) / 12;
  return base + (contract.extraDistance ?? 0);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

interface Core {
  projectedAtEndUnits: number;
  projectedOverageUnits: number;
  projectedOverageCostMinor: number;
}

function projectCore(
  contract: MileageContract,
  usedUnitsExact: number,
  progress: number,
  elapsedDays: number,
  totalExact: number,
  totalUnits: number,
): Core {
  let projected: number;
  if (progress >= 1) projected = usedUnitsExact;
  else if (progress <= 0) projected = totalExact;
  else if (elapsedDays < MIN_DAYS_FOR_PACE)
    projected = usedUnitsExact + totalExact * (1 - progress);
  else projected = usedUnitsExact / progress;
  const projectedAtEndUnits = progress >= 1 ? Math.floor(projected) : Math.round(projected);
  const projectedOverageUnits = Math.max(0, projectedAtEndUnits - totalUnits);
  return {
    projectedAtEndUnits,
    projectedOverageUnits,
    projectedOverageCostMinor: checkedProduct(
      projectedOverageUnits,
      contract.excessFeeMinorPerUnit,
    ),
  };
}

export function projectMileage(input: ProjectionInput): MileageProjection {
  const { contract, odometerM } = input;
  const nowMs = typeof input.now === 'number' ? input.now : input.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid time');
  assertOdometer(odometerM, 'odometer');
  assertOdometer(contract.odometerAtStartM, 'odometer at start');
  if (!Number.isSafeInteger(contract.excessFeeMinorPerUnit) || contract.excessFeeMinorPerUnit < 0) {
    throw new RangeError('excess fee must be a non-negative integer of minor units');
  }
  if (!(contract.allowance.distance > 0)) throw new RangeError('allowance must be positive');
  const zone = contract.timeZone ?? 'UTC';
  const metres = METRES_PER_UNIT[contract.unit];
  const term = termOf(contract);
  const totalExact = termAllowance(contract, term);
  const totalUnits = Math.floor(totalExact);
  const progress = term.progress(nowMs);
  const elapsedDays = (Math.min(nowMs, term.endMs) - term.startMs) / DAY_MS;
  const daysLeft = Math.max(0, daysBetween(localDate(nowMs, zone), contract.maturity));

  const status: ProjectionStatus =
    nowMs < term.startMs ? 'not_started' : nowMs >= term.endMs ? 'ended' : 'on_pace';
  const usedExact =
    status === 'not_started' ? 0 : Math.max(0, odometerM - contract.odometerAtStartM) / metres;
  const core = projectCore(contract, usedExact, progress, elapsedDays, totalExact, totalUnits);
  const allowedExact = totalExact * progress;

  let todayUnits = 0;
  let todayCostMinor = 0;
  if (input.todayStartOdometerM !== undefined && status !== 'not_started') {
    assertOdometer(input.todayStartOdometerM, 'odometer at the start of today');
    const base = Math.max(input.todayStartOdometerM, contract.odometerAtStartM);
    todayUnits = Math.floor(Math.max(0, odometerM - base) / metres);
    const before = Math.max(0, Math.min(odometerM, base) - contract.odometerAtStartM) / metres;
    const earlier = projectCore(contract, before, progress, elapsedDays, totalExact, totalUnits);
    todayCostMinor = Math.max(
      0,
      core.projectedOverageCostMinor - earlier.projectedOverageCostMinor,
    );
  }

  const usedUnits = Math.floor(usedExact);
  return {
    status: status === 'on_pace' && core.projectedOverageUnits > 0 ? 'over_pace' : status,
    unit: contract.unit,
    currency: contract.currency,
    usedUnits,
    allowedToDateUnits: Math.floor(allowedExact),
    termAllowanceUnits: totalUnits,
    paceRatio: allowedExact > 0 ? round3(usedExact / allowedExact) : 0,
    ...core,
    remainingAllowanceUnits: Math.max(0, totalUnits - usedUnits),
    termProgress: round3(progress),
    daysLeft,
    todayUnits,
    todayCostMinor,
  };
}

// Odometer sanitising -----------------------------------------------------------------------------

/** Faster than any road car: a larger step between two readings is a glitch. */
export const MAX_PLAUSIBLE_SPEED_MPS = 150;
/** Readings are whole metres taken at slightly uneven times; this much extra is tolerated. */
export const JUMP_SLACK_M = 500;
/** A rejected track this long and this consistent is believed (the old baseline was wrong). */
export const REBASE_SAMPLES = 5;
export const REBASE_MS = 30_000;
/** Vehicle.TraveledDistance is a uint32 of metres. */
export const MAX_ODOMETER_M = 4_294_967_295;

export interface OdometerSample {
  valueM: number;
  /** Epoch ms of the reading (the bridge's timestamp). */
  at: number;
}

export type OdometerVerdict =
  'none' | 'first' | 'accepted' | 'invalid' | 'stale' | 'backwards' | 'jump' | 'rebased';

/** Consecutive rejected readings that agree with one another. */
export interface PendingTrack {
  since: number;
  count: number;
  last: OdometerSample;
}

export interface OdometerState {
  /** The believed odometer, or null before the first usable reading. */
  valueM: number | null;
  at: number | null;
  /** What happened to the last sample. */
  verdict: OdometerVerdict;
  /** Readings ignored so far (for diagnostics). */
  ignored: number;
  pending: PendingTrack | null;
}

export const INITIAL_ODOMETER: OdometerState = {
  valueM: null,
  at: null,
  verdict: 'none',
  ignored: 0,
  pending: null,
};

/** `next` can follow `prev`: not lower, and not further than a car can go in the time between. */
function plausibleStep(prev: OdometerSample, next: OdometerSample): 'ok' | 'backwards' | 'jump' {
  if (next.valueM < prev.valueM) return 'backwards';
  const dtS = (next.at - prev.at) / 1000;
  return next.valueM - prev.valueM > MAX_PLAUSIBLE_SPEED_MPS * dtS + JUMP_SLACK_M ? 'jump' : 'ok';
}

/**
 * Folds one odometer reading into the believed value. A reading going backwards or jumping
 * further than a car can drive in the time since the last one is ignored; so are readings out of
 * order and values that are not a uint32 of metres. If the rejected readings form their own
 * consistent track for REBASE_SAMPLES readings over REBASE_MS, the old baseline was the glitch
 * (a bad first reading, or the source was switched) and the track is adopted.
 */
export function nextOdometer(state: OdometerState, sample: OdometerSample): OdometerState {
  const ignore = (verdict: OdometerVerdict, pending = state.pending): OdometerState => ({
    ...state,
    verdict,
    ignored: state.ignored + 1,
    pending,
  });
  if (
    !Number.isFinite(sample.valueM) ||
    !Number.isFinite(sample.at) ||
    sample.valueM < 0 ||
    sample.valueM > MAX_ODOMETER_M
  ) {
    return ignore('invalid');
  }
  const accept = (verdict: OdometerVerdict): OdometerState => ({
    ...state,
    valueM: sample.valueM,
    at: sample.at,
    verdict,
    pending: null,
  });
  if (state.valueM === null || state.at === null) return accept('first');
  if (sample.at <= state.at) return ignore('stale');
  const step = plausibleStep({ valueM: state.valueM, at: state.at }, sample);
  if (step === 'ok') return accept('accepted');
  const p = state.pending;
  const track: PendingTrack =
    p && sample.at > p.last.at && plausibleStep(p.last, sample) === 'ok'
      ? { since: p.since, count: p.count + 1, last: sample }
      : { since: sample.at, count: 1, last: sample };
  if (track.count >= REBASE_SAMPLES && sample.at - track.since >= REBASE_MS) {
    return accept('rebased');
  }
  return ignore(step, track);
}
