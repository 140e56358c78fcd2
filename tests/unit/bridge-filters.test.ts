import { describe, expect, it } from 'vitest';
import { changeFires, inRange, rangeFires } from '../../bridge/filterEval.ts';
import type { SubscriptionFilter } from '../../bridge/filters.ts';
import { resolvePaths } from '../../bridge/paths.ts';
import { SIGNAL, SIGNALS } from '../../common/vss/signals.ts';

type Change = Extract<SubscriptionFilter, { variant: 'change' }>;
type Range = Extract<SubscriptionFilter, { variant: 'range' }>;
const change = (op: Change['op'], diff: number): Change => ({ variant: 'change', op, diff });
const range = (conditions: Range['conditions'], combine: Range['combine'] = 'AND'): Range => ({
  variant: 'range',
  conditions,
  combine,
});

describe('change filter', () => {
  // [filter, last notified, current, notifies]
  const table: [
    Change,
    number | boolean | string | undefined,
    number | boolean | string,
    boolean,
  ][] = [
    [change('ne', 0), undefined, 5, true], // the first value is always notified
    [change('ne', 0), 5, 5, false],
    [change('ne', 0), 5, 5.01, true],
    [change('gt', 5), 50, 55, false], // rose by exactly 5: not more than 5
    [change('gt', 5), 50, 55.5, true],
    [change('gt', 5), 50, 40, false], // fell: not a rise
    [change('gte', 5), 50, 55, true],
    [change('lt', -5), 50, 44, true], // fell by more than 5
    [change('lt', -5), 50, 46, false],
    [change('lte', 0), 50, 49.9, true], // any fall
    [change('lte', 0), 50, 50, false], // unchanged is never a change
    [change('eq', 10), 20, 30, true],
    [change('eq', 10), 20, 29, false],
    [change('ne', 0), false, true, true], // booleans and strings: any change
    [change('eq', 0), true, true, false],
    [change('eq', 0), 'DAY', 'NIGHT', true],
    [change('ne', 0), 'NIGHT', 'NIGHT', false],
  ];
  it.each(table)('%j last=%j current=%j -> %j', (filter, last, current, expected) => {
    expect(changeFires(filter, last, current)).toBe(expected);
  });
});

describe('range filter', () => {
  it('evaluates one boundary, an AND band and an OR pair', () => {
    const above = range([{ op: 'gt', boundary: 5 }]);
    expect(inRange(above, 5)).toBe(false);
    expect(inRange(above, 5.1)).toBe(true);
    const band = range([
      { op: 'gte', boundary: 100 },
      { op: 'lte', boundary: 130 },
    ]);
    expect([99, 100, 130, 131].map((v) => inRange(band, v))).toEqual([false, true, true, false]);
    const outside = range(
      [
        { op: 'lt', boundary: 5 },
        { op: 'gt', boundary: 10 },
      ],
      'OR',
    );
    expect([4, 5, 10, 11].map((v) => inRange(outside, v))).toEqual([true, false, false, true]);
  });

  it('notifies inside the range when the value changed since the last notification', () => {
    const above = range([{ op: 'gt', boundary: 5 }]);
    expect(rangeFires(above, undefined, 6)).toBe(true);
    expect(rangeFires(above, 6, 6)).toBe(false);
    expect(rangeFires(above, 6, 7)).toBe(true);
    expect(rangeFires(above, 7, 3)).toBe(false);
  });
});

describe('paths resolution', () => {
  it('addresses leaves and whole branches, and names what matched nothing', () => {
    expect(resolvePaths('Vehicle', ['Speed'])).toEqual({ ok: true, leaves: [SIGNAL.speed] });
    // "*" is any one segment: the leaves right below Vehicle, and every branch there, which
    // in turn means every leaf under it. So Vehicle + "*" is the whole tree.
    const all = resolvePaths('Vehicle', ['*']);
    expect(all.ok && all.leaves.length).toBe(Object.keys(SIGNALS).length);
    const tree = resolvePaths('Vehicle', ['Cabin']);
    expect(tree.ok && tree.leaves.every((p) => p.startsWith('Vehicle.Cabin.'))).toBe(true);
    expect(resolvePaths('Vehicle', ['Speed', 'Sped'])).toEqual({
      ok: false,
      unmatched: 'Vehicle.Sped',
    });
    expect(resolvePaths('Vehicl', ['Speed']).ok).toBe(false);
    expect(resolvePaths('Vehicle', ['constructor']).ok).toBe(false);
    // Overlapping paths address each leaf once, in the order first addressed.
    const overlap = resolvePaths('Vehicle', ['IsMoving', '*']);
    expect(overlap.ok && overlap.leaves.slice(0, 2)).toEqual([SIGNAL.isMoving, SIGNAL.speed]);
    expect(overlap.ok && overlap.leaves.length).toBe(Object.keys(SIGNALS).length);
  });
});
