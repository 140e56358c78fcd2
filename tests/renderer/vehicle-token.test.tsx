import { waitFor } from '@testing-library/react';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { connectVehicle } from '../../renderer/vehicle/vehicleClient.ts';
import { renderApp } from './harness.tsx';
import { openedInEachTest } from './openedInTest.ts';
import { WAIT } from './servicesSupport.ts';

const TOKEN = 't'.repeat(48);

const opened = openedInEachTest();

/** A token the host has not given yet, and the hand that gives it. */
function pendingToken() {
  let give!: (token: string | null) => void;
  const token = new Promise<string | null>((resolve) => (give = resolve));
  return { token, give };
}

describe('the bridge token still to come from the host', () => {
  it('opens the connection at once and presents the token once it is given', async () => {
    const app = (opened.app = await renderApp());
    const server = new Server({ transports: ['websocket'] });
    server.listen(0);
    opened.closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.httpServer.address() as AddressInfo).port;
    let handshakes = 0;
    server.engine.on('connection', () => handshakes++);
    const admitted: unknown[] = [];
    server.on('connection', (socket) => admitted.push(socket.handshake.auth));

    const { token, give } = pendingToken();
    opened.vehicle = connectVehicle(`http://127.0.0.1:${port}`, app.store, token);
    // The WebSocket and the engine's handshake are done while the host is still asked.
    await waitFor(() => expect(handshakes).toBe(1), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(admitted).toEqual([]);

    give(TOKEN);
    await waitFor(() => expect(admitted).toEqual([{ token: TOKEN }]), WAIT);
    await waitFor(() => expect(app.store.getState().bridge).toBe('connected'), WAIT);
  });

  it('is admitted by a bridge that requires it, and shows the car', async () => {
    const app = (opened.app = await renderApp());
    const bridge = await startBridge({ host: '127.0.0.1', port: 0, clientToken: TOKEN });
    opened.closers.push(() => bridge.close());
    bridge.store.set(SIGNAL.speed, 0);
    bridge.store.set(SIGNAL.selectedGear, 126);

    const { token, give } = pendingToken();
    opened.vehicle = connectVehicle(bridge.url, app.store, token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.store.getState().driveState).toBe('UNKNOWN');

    give(TOKEN);
    await waitFor(() => expect(app.store.getState().driveState).toBe('PARKED'), WAIT);
  });

  it('connects without a token to a bridge that asks for none', async () => {
    const app = (opened.app = await renderApp());
    const bridge = await startBridge({ host: '127.0.0.1', port: 0 });
    opened.closers.push(() => bridge.close());
    bridge.store.set(SIGNAL.speed, 0);
    bridge.store.set(SIGNAL.selectedGear, 126);
    opened.vehicle = connectVehicle(bridge.url, app.store, Promise.resolve(null));
    await waitFor(() => expect(app.store.getState().driveState).toBe('PARKED'), WAIT);
  });
});
