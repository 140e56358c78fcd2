/**
 * The order life cycle, shared by the cloud (which enforces it), the host (which trusts only
 * forward moves when events arrive out of order) and the renderer (progress display).
 *
 *   submitted → accepted → preparing → ready → completed
 *       │           │
 *       ├→ rejected  └→ cancelled      (merchant rejects only before accepting;
 *       └→ cancelled                    the vehicle cancels only before preparation starts)
 */
export const ORDER_STATES = [
  'submitted',
  'accepted',
  'preparing',
  'ready',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** The happy path in order, for progress displays. */
export const ORDER_PROGRESS: readonly OrderState[] = [
  'submitted',
  'accepted',
  'preparing',
  'ready',
  'completed',
];

export const TERMINAL_STATES: readonly OrderState[] = ['completed', 'rejected', 'cancelled'];

/** Who may make a move: the merchant (or its simulator) or the vehicle. */
export type OrderActor = 'merchant' | 'vehicle';

/** Every allowed transition and who makes it; anything not listed is forbidden. */
export const ORDER_TRANSITIONS: Readonly<
  Record<OrderState, Readonly<Partial<Record<OrderState, OrderActor>>>>
> = {
  submitted: { accepted: 'merchant', rejected: 'merchant', cancelled: 'vehicle' },
  accepted: { preparing: 'merchant', cancelled: 'vehicle' },
  preparing: { ready: 'merchant' },
  ready: { completed: 'merchant' },
  completed: {},
  rejected: {},
  cancelled: {},
};

export function isTerminal(state: OrderState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** The vehicle may cancel while the merchant has not started preparing. */
export function isCancellable(state: OrderState): boolean {
  return ORDER_TRANSITIONS[state].cancelled === 'vehicle';
}

/** The actor allowed to move `from` → `to`, or null when the move is forbidden. */
export function transitionActor(from: OrderState, to: OrderState): OrderActor | null {
  return ORDER_TRANSITIONS[from][to] ?? null;
}

export function canTransition(from: OrderState, to: OrderState, actor?: OrderActor): boolean {
  const allowed = transitionActor(from, to);
  return allowed !== null && (actor === undefined || allowed === actor);
}

/** The next state on the happy path, or null at the end or off it. */
export function nextOnHappyPath(state: OrderState): OrderState | null {
  const i = ORDER_PROGRESS.indexOf(state);
  return i >= 0 && i < ORDER_PROGRESS.length - 1 ? (ORDER_PROGRESS[i + 1] ?? null) : null;
}

export class OrderTransitionError extends Error {
  readonly from: OrderState;
  readonly to: OrderState;

  constructor(from: OrderState, to: OrderState, actor: OrderActor) {
    super(`${actor} cannot move an order from ${from} to ${to}`);
    this.name = 'OrderTransitionError';
    this.from = from;
    this.to = to;
  }
}

export function assertTransition(from: OrderState, to: OrderState, actor: OrderActor): void {
  if (!canTransition(from, to, actor)) throw new OrderTransitionError(from, to, actor);
}
