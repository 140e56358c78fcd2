import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { SIGNAL } from '../../common/vss/signals.ts';
import { WEDNESDAY } from '../support/cloud.ts';
import { feed, type Harness } from './harness.tsx';

/**
 * The cloud's clock for these tests: it runs at real speed from Wednesday 11:00 in San Francisco,
 * so the demo cafés are open whenever the tests run (the order simulator steps in real time).
 */
export function openHoursClock(): () => Date {
  const shift = Date.now() - WEDNESDAY.getTime();
  return () => new Date(Date.now() - shift);
}

/** The same, from Wednesday 04:00 in San Francisco: its cafés are closed until 06:30 or later. */
export function closedHoursClock(): () => Date {
  const shift = Date.now() - Date.parse('2026-03-11T11:00:00.000Z');
  return () => new Date(Date.now() - shift);
}

/** The bridge simulator's start: Civic Center, San Francisco, facing north. */
export const CIVIC_CENTER = {
  [SIGNAL.latitude]: 37.7793,
  [SIGNAL.longitude]: -122.4193,
  [SIGNAL.heading]: 0,
};

export const OCCUPIED = { [SIGNAL.row1PassengerOccupancy]: 'OCCUPIED' };

/** Async UI (host calls, cloud answers) settles in its own time; these waits are deterministic. */
export const WAIT = { timeout: 10_000 };

export async function tap(testId: string): Promise<void> {
  const element = await waitFor(() => {
    const el = screen.getByTestId(testId) as HTMLButtonElement;
    if (el.disabled) throw new Error(`${testId} is disabled`);
    return el;
  }, WAIT);
  act(() => void fireEvent.click(element));
}

export function stackNames(app: Harness): string[] {
  return app.store.getState().stack.map((s) => s.name);
}

/** How many orders the cloud holds for this client order id, read straight from its database. */
export function cloudOrderCount(app: Harness, clientOrderId?: string): number {
  const row = (
    clientOrderId
      ? app.cloud.db
          .prepare('SELECT count(*) AS n FROM orders WHERE client_order_id = ?')
          .get(clientOrderId)
      : app.cloud.db.prepare('SELECT count(*) AS n FROM orders').get()
  ) as { n: number };
  return row.n;
}

export function feedCar(app: Harness, values: Record<string, number | boolean | string>): void {
  act(() => feed(app.store, values));
}
