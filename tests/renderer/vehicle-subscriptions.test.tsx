import { waitFor } from '@testing-library/react';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/server.ts';
import { SIGNAL, type VssPath } from '../../common/vss/signals.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import {
  BUTTON_SUBSCRIPTION,
  ON_CHANGE_PATHS,
  SUBSCRIPTION_GROUPS,
  VEHICLE_SUBSCRIPTIONS,
} from '../../renderer/vehicle/subscriptions.ts';
import { connectVehicle } from '../../renderer/vehicle/vehicleClient.ts';
import { renderApp } from './harness.tsx';
import { openedInEachTest } from './openedInTest.ts';
import { WAIT } from './servicesSupport.ts';

const opened = openedInEachTest();

const dp = (value: string) => ({ value, ts: new Date().toISOString() });

type Request = { action: string; path: string; filter: unknown; requestId: string };

/**
 * A VISS server that is not ours (another vendor's bridge): it has no paths filters, which VISS
 * makes optional, and answers each leaf subscription with the leaf's value. It records requests.
 */
async function serverWithoutPathsFilters(values: Partial<Record<VssPath, string>>) {
  const server = new Server({ transports: ['websocket'] });
  server.listen(0);
  opened.closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const requests: Request[] = [];
  server.on('connection', (socket) =>
    socket.on(VISS_EVENT, (request: Request) => {
      requests.push(request);
      const ts = new Date().toISOString();
      const { requestId, path } = request;
      if (Array.isArray(request.filter)) {
        const error = { number: '400', reason: 'bad_request', description: 'no paths filter' };
        socket.emit(VISS_EVENT, { action: 'subscribe', requestId, error, ts });
        return;
      }
      const subscriptionId = `s-${requestId}`;
      socket.emit(VISS_EVENT, { action: 'subscribe', requestId, subscriptionId, ts });
      const value = values[path as VssPath];
      if (value !== undefined) {
        const data = { path, dp: dp(value) };
        socket.emit(VISS_EVENT, { action: 'subscription', subscriptionId, ts, data });
      }
    }),
  );
  return { url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`, requests };
}

describe('what the app subscribes to on the bridge', () => {
  it('asks for every signal in one subscription per period and one on change', async () => {
    const app = (opened.app = await renderApp());
    const bridge = await startBridge({ host: '127.0.0.1', port: 0 });
    opened.closers.push(() => bridge.close());
    bridge.store.set(SIGNAL.speed, 0);
    bridge.store.set(SIGNAL.selectedGear, 126);
    bridge.store.set(SIGNAL.fuelLevel, 42);
    opened.vehicle = connectVehicle(bridge.url, app.store, null);
    await waitFor(() => expect(app.store.getState().driveState).toBe('PARKED'), WAIT);
    await waitFor(() => expect(app.store.getState().signals[SIGNAL.fuelLevel]?.value).toBe(42));

    const subscriptions = bridge.stats().subscriptions;
    // The periods (100, 250 and 1000 ms), the drive state on change, and the button.
    expect(subscriptions).toHaveLength(SUBSCRIPTION_GROUPS.length + 1);
    expect(SUBSCRIPTION_GROUPS).toHaveLength(4);
    const leaves = (s: (typeof subscriptions)[number]) => [...s.paths].sort();
    const periodic = subscriptions.filter((s) => s.filter.variant === 'timebased');
    expect(periodic.flatMap(leaves).sort()).toEqual(
      VEHICLE_SUBSCRIPTIONS.map((s) => s.path).sort(),
    );
    const onChange = subscriptions.filter((s) => s.filter.variant === 'change');
    expect(onChange.map(leaves)).toContainEqual([...ON_CHANGE_PATHS].sort());
    expect(onChange.map(leaves)).toContainEqual([BUTTON_SUBSCRIPTION.path]);
  });

  it('applies each good value of a notification with several, and rejects a bad one alone', async () => {
    const app = (opened.app = await renderApp());
    const server = new Server({ transports: ['websocket'] });
    server.listen(0);
    opened.closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    server.on('connection', (socket) => {
      const data = [
        { path: SIGNAL.speed, dp: dp('0') },
        { path: SIGNAL.selectedGear, dp: dp('not a gear') },
        { path: SIGNAL.fuelLevel, dp: dp('37') },
        { path: 'Vehicle.Nowhere', dp: dp('1') },
      ];
      const ts = new Date().toISOString();
      socket.emit(VISS_EVENT, { action: 'subscription', subscriptionId: '1', ts, data });
      socket.emit(VISS_EVENT, { action: 'subscription', subscriptionId: '1', ts, data: [] });
    });
    const port = (server.httpServer.address() as AddressInfo).port;
    const vehicle = (opened.vehicle = connectVehicle(`http://127.0.0.1:${port}`, app.store, null));
    await waitFor(() => expect(app.store.getState().signals[SIGNAL.fuelLevel]?.value).toBe(37));
    expect(app.store.getState().signals[SIGNAL.speed]?.value).toBe(0);
    expect(app.store.getState().signals[SIGNAL.selectedGear]).toBeUndefined();
    // The bad gear, the unknown path and the empty notification.
    await waitFor(() => expect(vehicle.rejected).toBe(3));
  });

  it('subscribes leaf by leaf to a bridge without paths filters', async () => {
    const app = (opened.app = await renderApp());
    const other = await serverWithoutPathsFilters({
      [SIGNAL.speed]: '0',
      [SIGNAL.selectedGear]: '126',
      [SIGNAL.fuelLevel]: '55',
    });
    opened.vehicle = connectVehicle(other.url, app.store, null);
    await waitFor(() => expect(app.store.getState().driveState).toBe('PARKED'), WAIT);
    await waitFor(() => expect(app.store.getState().signals[SIGNAL.fuelLevel]?.value).toBe(55));
    const leafRequests = other.requests.filter((r) => !Array.isArray(r.filter));
    const everyLeaf = [...VEHICLE_SUBSCRIPTIONS.map((s) => s.path), ...ON_CHANGE_PATHS];
    await waitFor(() =>
      expect(leafRequests.map((r) => r.path).sort()).toEqual(
        [...everyLeaf, BUTTON_SUBSCRIPTION.path].sort(),
      ),
    );
  });
});
