import { describe, expect, it } from 'vitest';
import {
  INITIAL_ODOMETER,
  nextOdometer,
  projectMileage,
  type MileageContract,
  type MileageProjection,
  type OdometerSample,
  type OdometerState,
} from '../../common/lease/projection.ts';

const KM = 1000;
const MI = 1609.344;

/** 36 months from 2026-01-01 (1,096 days, 2028 is a leap year), 10,000 km a year, $0.25/km. */
const LEASE_KM: MileageContract = {
  start: '2026-01-01',
  maturity: '2029-01-01',
  timeZone: 'UTC',
  allowance: { distance: 10_000, per: 'year' },
  unit: 'km',
  odometerAtStartM: 1_000 * KM,
  excessFeeMinorPerUnit: 25,
  currency: 'USD',
};

/** 24 months from 2026-01-01 (730 days), 12,000 miles a year, $0.20/mile. */
const LEASE_MI: MileageContract = {
  start: '2026-01-01',
  maturity: '2028-01-01',
  timeZone: 'America/Detroit',
  allowance: { distance: 12_000, per: 'year' },
  unit: 'mi',
  odometerAtStartM: 0,
  excessFeeMinorPerUnit: 20,
  currency: 'USD',
};

/** Lynk & Co style: 1,250 km a calendar month from the 31st, EUR 0.15/km, counted in Stockholm. */
const SUBSCRIPTION: MileageContract = {
  start: '2026-01-31',
  maturity: '2027-01-31',
  timeZone: 'Europe/Stockholm',
  allowance: { distance: 1_250, per: 'month' },
  unit: 'km',
  odometerAtStartM: 0,
  excessFeeMinorPerUnit: 15,
  currency: 'EUR',
};

/** Half of LEASE_KM's term: 548 of 1,096 days. */
const HALF_KM = '2027-07-03T00:00:00Z';

interface Row {
  name: string;
  contract: MileageContract;
  now: string;
  odometerM: number;
  todayStartOdometerM?: number;
  expected: Partial<MileageProjection>;
}

const rows: Row[] = [
  {
    name: 'before the start: nothing used, nothing allowed, no cost',
    contract: LEASE_KM,
    now: '2025-12-31T12:00:00Z',
    odometerM: 999 * KM,
    todayStartOdometerM: 990 * KM,
    expected: {
      status: 'not_started',
      usedUnits: 0,
      allowedToDateUnits: 0,
      termAllowanceUnits: 30_000,
      paceRatio: 0,
      projectedAtEndUnits: 30_000,
      projectedOverageUnits: 0,
      projectedOverageCostMinor: 0,
      remainingAllowanceUnits: 30_000,
      termProgress: 0,
      daysLeft: 1097,
      todayUnits: 0,
      todayCostMinor: 0,
    },
  },
  {
    name: 'after the end: the final overage at whole units',
    contract: LEASE_KM,
    now: '2029-02-01T08:00:00Z',
    odometerM: 1_000 * KM + 33_500_900,
    expected: {
      status: 'ended',
      usedUnits: 33_500,
      allowedToDateUnits: 30_000,
      projectedAtEndUnits: 33_500,
      projectedOverageUnits: 3_500,
      projectedOverageCostMinor: 87_500,
      remainingAllowanceUnits: 0,
      termProgress: 1,
      daysLeft: 0,
    },
  },
  {
    name: 'on pace at half term: zero cost',
    contract: LEASE_KM,
    now: HALF_KM,
    odometerM: 16_000 * KM,
    todayStartOdometerM: 15_880 * KM,
    expected: {
      status: 'on_pace',
      usedUnits: 15_000,
      allowedToDateUnits: 15_000,
      paceRatio: 1,
      projectedAtEndUnits: 30_000,
      projectedOverageUnits: 0,
      projectedOverageCostMinor: 0,
      remainingAllowanceUnits: 15_000,
      termProgress: 0.5,
      daysLeft: 548,
      todayUnits: 120,
      todayCostMinor: 0,
    },
  },
  {
    name: 'over pace at half term: the projected overage cost, and what today added',
    contract: LEASE_KM,
    now: HALF_KM,
    odometerM: 19_000 * KM,
    todayStartOdometerM: 18_900 * KM,
    expected: {
      status: 'over_pace',
      usedUnits: 18_000,
      allowedToDateUnits: 15_000,
      paceRatio: 1.2,
      projectedAtEndUnits: 36_000,
      projectedOverageUnits: 6_000,
      projectedOverageCostMinor: 150_000,
      remainingAllowanceUnits: 12_000,
      todayUnits: 100,
      // 100 km today at this pace end as 200 km more over: 200 × 25 cents.
      todayCostMinor: 5_000,
    },
  },
  {
    name: 'purchased packs raise the allowance, spread over the term',
    contract: { ...LEASE_KM, extraDistance: 2_500 },
    now: HALF_KM,
    odometerM: 19_000 * KM,
    expected: {
      status: 'over_pace',
      termAllowanceUnits: 32_500,
      allowedToDateUnits: 16_250,
      projectedAtEndUnits: 36_000,
      projectedOverageUnits: 3_500,
      projectedOverageCostMinor: 87_500,
    },
  },
  {
    name: 'an odometer below the handover reading counts as nothing used',
    contract: LEASE_KM,
    now: HALF_KM,
    odometerM: 500 * KM,
    expected: { status: 'on_pace', usedUnits: 0, paceRatio: 0, projectedAtEndUnits: 0 },
  },
  {
    name: 'early in the term the rest is assumed on allowance (no wild extrapolation)',
    contract: LEASE_KM,
    now: '2026-01-08T00:00:00Z',
    odometerM: 1_500 * KM,
    expected: {
      status: 'over_pace',
      usedUnits: 500,
      allowedToDateUnits: 191,
      // 500 + 30,000 × (1 − 7/1096), not 500 × 1096/7 = 78,286.
      projectedAtEndUnits: 30_308,
      projectedOverageUnits: 308,
      projectedOverageCostMinor: 7_700,
    },
  },
  {
    name: 'miles: the odometer in metres is counted in whole miles and charged per mile',
    contract: LEASE_MI,
    now: '2027-01-01T05:00:00Z', // local midnight in Detroit: 365 of 730 days
    odometerM: Math.round(13_000 * MI),
    expected: {
      status: 'over_pace',
      unit: 'mi',
      usedUnits: 13_000,
      allowedToDateUnits: 12_000,
      termAllowanceUnits: 24_000,
      projectedAtEndUnits: 26_000,
      projectedOverageUnits: 2_000,
      projectedOverageCostMinor: 40_000,
      termProgress: 0.5,
      daysLeft: 365,
    },
  },
  {
    name: 'miles: the same distance counted in km against a km allowance',
    contract: { ...LEASE_MI, unit: 'km', allowance: { distance: 22_000, per: 'year' } },
    now: '2027-01-01T05:00:00Z',
    odometerM: Math.round(13_000 * MI),
    expected: {
      status: 'on_pace',
      unit: 'km',
      usedUnits: 20_921,
      allowedToDateUnits: 22_000,
      projectedAtEndUnits: 41_843,
      projectedOverageUnits: 0,
    },
  },
  {
    name: 'month boundary: at local midnight of Feb 28 (Stockholm) exactly one month has accrued',
    contract: SUBSCRIPTION,
    now: '2026-02-27T23:00:00Z',
    odometerM: 1_000 * KM,
    expected: { allowedToDateUnits: 1_250, termAllowanceUnits: 15_000, status: 'on_pace' },
  },
  {
    name: 'month boundary: the same instant counted in UTC is an hour short of it',
    contract: { ...SUBSCRIPTION, timeZone: 'UTC' },
    now: '2026-02-27T23:00:00Z',
    odometerM: 1_000 * KM,
    // 1,250 × (27 d 23 h ÷ 28 d)
    expected: { allowedToDateUnits: 1_248 },
  },
  {
    name: 'month boundary: half of the short month (Jan 31 → Feb 28) is half its allowance',
    contract: SUBSCRIPTION,
    now: '2026-02-13T23:00:00Z', // Feb 14 00:00 in Stockholm: 14 of 28 days
    odometerM: 1_000 * KM,
    expected: { allowedToDateUnits: 625 },
  },
  {
    name: 'month boundary: 14 days into the long month (Feb 28 → Mar 31) is 14/31 of it',
    // The month holds the spring DST change; the share is counted in local days, not hours.
    contract: SUBSCRIPTION,
    now: '2026-03-13T23:00:00Z', // Mar 14 00:00 in Stockholm
    odometerM: 1_000 * KM,
    expected: { allowedToDateUnits: 1_814 }, // 1,250 + 1,250 × 14/31
  },
  {
    name: 'subscription over pace: whole months projected to the end of the term',
    contract: SUBSCRIPTION,
    now: '2026-07-30T22:00:00Z', // Jul 31 00:00 in Stockholm: exactly 6 of 12 months
    odometerM: 9_000 * KM,
    expected: {
      status: 'over_pace',
      allowedToDateUnits: 7_500,
      paceRatio: 1.2,
      projectedAtEndUnits: 18_000,
      projectedOverageUnits: 3_000,
      projectedOverageCostMinor: 45_000,
      termProgress: 0.5,
    },
  },
];

describe('projectMileage', () => {
  it.each(rows)('$name', ({ contract, now, odometerM, todayStartOdometerM, expected }) => {
    const result = projectMileage({ contract, odometerM, now: new Date(now), todayStartOdometerM });
    expect(result).toMatchObject(expected);
    expect(Number.isSafeInteger(result.projectedOverageCostMinor)).toBe(true);
    expect(result.projectedOverageCostMinor).toBe(
      result.projectedOverageUnits * contract.excessFeeMinorPerUnit,
    );
  });

  it('is pure: the same input gives the same output and the input is not changed', () => {
    const contract = structuredClone(LEASE_KM);
    const input = { contract, odometerM: 19_000 * KM, now: Date.parse(HALF_KM) };
    const a = projectMileage(input);
    expect(projectMileage(input)).toEqual(a);
    expect(contract).toEqual(LEASE_KM);
  });

  it.each([
    ['a negative odometer', { odometerM: -1 }],
    ['a NaN odometer', { odometerM: Number.NaN }],
    ['an invalid time', { now: Number.NaN }],
    ['maturity before start', { contract: { ...LEASE_KM, maturity: '2025-01-01' } }],
    ['a fractional fee', { contract: { ...LEASE_KM, excessFeeMinorPerUnit: 2.5 } }],
    ['a 31st of February', { contract: { ...LEASE_KM, start: '2026-02-31' } }],
  ])('refuses %s with a RangeError', (_name, patch) => {
    const input = { contract: LEASE_KM, odometerM: 0, now: Date.parse(HALF_KM), ...patch };
    expect(() => projectMileage(input)).toThrow(RangeError);
  });
});

const T0 = Date.parse('2026-03-11T18:00:00Z');

function fold(samples: [number, number][], state: OdometerState = INITIAL_ODOMETER) {
  const verdicts: string[] = [];
  for (const [valueM, dtMs] of samples) {
    state = nextOdometer(state, { valueM, at: T0 + dtMs });
    verdicts.push(state.verdict);
  }
  return { state, verdicts };
}

describe('nextOdometer', () => {
  it.each<[string, [number, number][], number, string[]]>([
    [
      'accepts a first reading and plausible progress',
      [
        [12_345_000, 0],
        [12_345_030, 1_000],
        [12_346_000, 30_000],
      ],
      12_346_000,
      ['first', 'accepted', 'accepted'],
    ],
    [
      'ignores a value going backwards',
      [
        [12_345_000, 0],
        [12_344_000, 1_000],
        [12_345_050, 2_000],
      ],
      12_345_050,
      ['first', 'backwards', 'accepted'],
    ],
    [
      'ignores an impossible jump (300 km in a minute)',
      [
        [12_345_000, 0],
        [12_645_000, 60_000],
        [12_345_900, 61_000],
      ],
      12_345_900,
      ['first', 'jump', 'accepted'],
    ],
    [
      'accepts a long drive after a long gap (100 km over an hour)',
      [
        [12_345_000, 0],
        [12_445_000, 3_600_000],
      ],
      12_445_000,
      ['first', 'accepted'],
    ],
    [
      'ignores readings out of order and repeated timestamps',
      [
        [12_345_000, 10_000],
        [12_345_100, 5_000],
        [12_345_200, 10_000],
      ],
      12_345_000,
      ['first', 'stale', 'stale'],
    ],
    [
      'ignores values that are not a uint32 of metres',
      [
        [12_345_000, 0],
        [Number.NaN, 1_000],
        [-5, 2_000],
        [4_294_967_296, 3_000],
        [Number.POSITIVE_INFINITY, 4_000],
      ],
      12_345_000,
      ['first', 'invalid', 'invalid', 'invalid', 'invalid'],
    ],
    [
      'adopts a consistent track after a bad first reading (5 readings over 30 s)',
      [
        [0, 0],
        [12_345_000, 10_000],
        [12_345_100, 20_000],
        [12_345_200, 30_000],
        [12_345_300, 40_000],
        [12_345_400, 50_000],
        [12_345_500, 51_000],
      ],
      12_345_500,
      ['first', 'jump', 'jump', 'jump', 'jump', 'rebased', 'accepted'],
    ],
    [
      'does not adopt scattered glitches',
      [
        [12_345_000, 0],
        [99_000_000, 10_000],
        [5_000, 20_000],
        [99_100_000, 30_000],
        [6_000, 40_000],
        [99_200_000, 50_000],
        [7_000, 60_000],
      ],
      12_345_000,
      ['first', 'jump', 'backwards', 'jump', 'backwards', 'jump', 'backwards'],
    ],
  ])('%s', (_name, samples, value, verdicts) => {
    const result = fold(samples);
    expect(result.verdicts).toEqual(verdicts);
    expect(result.state.valueM).toBe(value);
  });

  it('counts what it ignored, and a good reading clears a pending track', () => {
    const { state } = fold([
      [12_345_000, 0],
      [12_000_000, 1_000],
      [12_345_010, 2_000],
    ]);
    expect(state.ignored).toBe(1);
    expect(state.pending).toBeNull();
  });

  it('a glitch fed through the reducer leaves the projection unchanged', () => {
    const samples: OdometerSample[] = [
      { valueM: 19_000 * KM, at: T0 },
      { valueM: 4_000_000_000, at: T0 + 1_000 }, // spike
      { valueM: 1_000, at: T0 + 2_000 }, // drop
    ];
    const state = samples.reduce(nextOdometer, INITIAL_ODOMETER);
    const project = (odometerM: number) =>
      projectMileage({ contract: LEASE_KM, odometerM, now: Date.parse(HALF_KM) });
    expect(project(state.valueM as number)).toEqual(project(19_000 * KM));
    expect(project(state.valueM as number).projectedOverageCostMinor).toBe(150_000);
  });
});
