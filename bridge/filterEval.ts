import type { VssValue } from '../common/vss/types.ts';
import type { LogicOp, SubscriptionFilter } from './filters.ts';

/**
 * When an event-driven subscription notifies. `last` is the value it last notified (undefined
 * before the first), so a slow drift past `diff` is caught even when no single step is that big.
 */

function compare(op: LogicOp, a: number, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

/**
 * change: numbers notify when `current - last` compares to `diff` as `op` says and the value
 * did change (gt 5: rose by more than 5; lt -5: fell by more than 5; ne 0: any change).
 * Booleans and strings notify on any change (only eq/ne are accepted for them).
 */
export function changeFires(
  filter: Extract<SubscriptionFilter, { variant: 'change' }>,
  last: VssValue | undefined,
  current: VssValue,
): boolean {
  if (last === undefined) return true;
  if (current === last) return false;
  if (typeof current !== 'number' || typeof last !== 'number') return true;
  return compare(filter.op, current - last, filter.diff);
}

export function inRange(
  filter: Extract<SubscriptionFilter, { variant: 'range' }>,
  value: number,
): boolean {
  const results = filter.conditions.map(({ op, boundary }) => compare(op, value, boundary));
  return filter.combine === 'OR' ? results.some(Boolean) : results.every(Boolean);
}

/** range: notify when the value is inside the range and differs from the last one notified. */
export function rangeFires(
  filter: Extract<SubscriptionFilter, { variant: 'range' }>,
  last: VssValue | undefined,
  current: VssValue,
): boolean {
  if (typeof current !== 'number' || current === last) return false;
  return inRange(filter, current);
}

/** For event-driven filters: whether this update is notified. Timebased never is (it polls). */
export function fires(
  filter: SubscriptionFilter,
  last: VssValue | undefined,
  current: VssValue,
): boolean {
  if (filter.variant === 'change') return changeFires(filter, last, current);
  if (filter.variant === 'range') return rangeFires(filter, last, current);
  return false;
}
