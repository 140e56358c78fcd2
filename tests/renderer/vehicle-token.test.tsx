import { waitFor } from '@testing-library/react';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { connectVehicle, type VehicleClient } from '../../renderer/vehicle/vehicleClient.ts';
import { renderApp, type Harness } from './harness.tsx';
import { WAIT } from './servicesSupport.ts';

const TOKEN = 't'.repeat(48);

let app: Harness | undefined;
let vehicle: VehicleClient | undefined;
const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vehicle?.close();
  vehicle = undefined;
  for (const close of closers.splice(0)) await close();
  await app?.close();
  app = undefined;
});

/** A token the host has not given yet, and the hand that gives it. */
function pendingToken() {
  let give!: (token: string | null) => void;
  const token = new Promise<string | null>((resolve) => (give = resolve));
  return { token, give };
}

describe('the bridge token still to come from the host', () => {
  it('opens the connection at once and presents the token once it is given', async () => {
    app = await renderApp();
    const server = new Server({ transports: ['websocket'] });
    server.listen(0);
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.httpServer.address() as AddressInfo).port;
    let opened = 0;
    server.engine.on('connection', () => opened++);
    const admitted: unknown[] = [];
    server.on('connection', (socket) => admitted.push(socket.handshake.auth));

    const { token, give } = pendingToken();
    vehicle = connectVehicle(`http://127.0.0.1:${port}`, app.store, token);
    // The WebSocket and the engine's handshake are done while the host is still asked.
    await waitFor(() => expect(opened).toBe(1), WAIT);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(admitted).toEqual([]);

    give(TOKEN);
    await waitFor(() => expect(admitted).toEqual([{ token: TOKEN }]), WAIT);
    await waitFor(() => expect(app!.store.getState().bridge).toBe('connected'), WAIT);
  });

  it('is admitted by a bridge that requires it, and shows the car', async () => {
    app = await renderApp();
    const bridge = await startBridge({ host: '127.0.0.1', port: 0, clientToken: TOKEN });
    closers.push(() => bridge.close());
    bridge.store.set(SIGNAL.speed, 0);
    bridge.store.set(SIGNAL.selectedGear, 126);

    const { token, give } = pendingToken();
    vehicle = connectVehicle(bridge.url, app.store, token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.store.getState().driveState).toBe('UNKNOWN');

    give(TOKEN);
    await waitFor(() => expect(app!.store.getState().driveState).toBe('PARKED'), WAIT);
  });

  it('connects without a token to a bridge that asks for none', async () => {
    app = await renderApp();
    const bridge = await startBridge({ host: '127.0.0.1', port: 0 });
    closers.push(() => bridge.close());
    bridge.store.set(SIGNAL.speed, 0);
    bridge.store.set(SIGNAL.selectedGear, 126);
    vehicle = connectVehicle(bridge.url, app.store, Promise.resolve(null));
    await waitFor(() => expect(app!.store.getState().driveState).toBe('PARKED'), WAIT);
  });
});
