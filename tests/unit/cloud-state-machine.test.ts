import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  isCancellable,
  isTerminal,
  nextOnHappyPath,
  ORDER_PROGRESS,
  ORDER_STATES,
  OrderTransitionError,
  transitionActor,
  type OrderActor,
  type OrderState,
} from '../../common/orders/stateMachine.ts';

/** The whole table, written out: every pair not listed here must be forbidden. */
const ALLOWED: Record<string, OrderActor> = {
  'submitted>accepted': 'merchant',
  'submitted>rejected': 'merchant',
  'submitted>cancelled': 'vehicle',
  'accepted>preparing': 'merchant',
  'accepted>cancelled': 'vehicle',
  'preparing>ready': 'merchant',
  'ready>completed': 'merchant',
};

const pairs = ORDER_STATES.flatMap((from) => ORDER_STATES.map((to) => [from, to] as const));

describe('order state machine', () => {
  it.each(pairs)('%s → %s is allowed exactly as the table says', (from, to) => {
    const actor = ALLOWED[`${from}>${to}`] ?? null;
    expect(transitionActor(from, to)).toBe(actor);
    expect(canTransition(from, to)).toBe(actor !== null);
    for (const who of ['merchant', 'vehicle'] as const) {
      expect(canTransition(from, to, who)).toBe(actor === who);
      if (actor === who) expect(() => assertTransition(from, to, who)).not.toThrow();
      else expect(() => assertTransition(from, to, who)).toThrow(OrderTransitionError);
    }
  });

  it('has the three terminal states and no way out of them', () => {
    const terminal = ORDER_STATES.filter(isTerminal);
    expect(terminal).toEqual(['completed', 'rejected', 'cancelled']);
    for (const state of terminal) {
      for (const to of ORDER_STATES) expect(canTransition(state, to)).toBe(false);
    }
  });

  it('lets the vehicle cancel only before preparation starts', () => {
    expect(ORDER_STATES.filter(isCancellable)).toEqual(['submitted', 'accepted']);
  });

  it('walks the happy path in order, each step a merchant move', () => {
    expect(ORDER_PROGRESS).toEqual(['submitted', 'accepted', 'preparing', 'ready', 'completed']);
    let state: OrderState | null = 'submitted';
    const walked: OrderState[] = [];
    while (state) {
      walked.push(state);
      const next: OrderState | null = nextOnHappyPath(state);
      if (next) expect(transitionActor(state, next)).toBe('merchant');
      state = next;
    }
    expect(walked).toEqual(ORDER_PROGRESS);
    expect(nextOnHappyPath('rejected')).toBeNull();
    expect(nextOnHappyPath('cancelled')).toBeNull();
  });

  it('names the move in its error', () => {
    expect(() => assertTransition('ready', 'cancelled', 'vehicle')).toThrow(
      'vehicle cannot move an order from ready to cancelled',
    );
  });
});
