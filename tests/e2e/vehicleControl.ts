import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { io, type Socket } from 'socket.io-client';
import {
  CONTROL_EVENT,
  CONTROL_NAMESPACE,
  type ControlMessage,
  type ControlReply,
} from '../../common/viss/control.ts';
import { GEAR, SIGNAL } from '../../common/vss/signals.ts';

export interface VehicleControl {
  send(message: ControlMessage): Promise<void>;
  /** Holds the car still in Park: the source stops writing, the values stay put. */
  park(): Promise<void>;
  /** Holds the car at a steady speed in Drive. */
  drive(speedKmh: number): Promise<void>;
  setSpeed(speedKmh: number): Promise<void>;
  close(): void;
}

/** Steers the car through the bridge's test-only control channel (`--control`). */
export async function connectControl(
  bridgeUrl: string,
  timeoutMs = 10_000,
  token = TEST_CONTROL_TOKEN,
): Promise<VehicleControl> {
  const socket: Socket = io(new URL(CONTROL_NAMESPACE, bridgeUrl).href, {
    transports: ['websocket'],
    reconnection: false,
    auth: { token },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('control channel: no connection')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`control channel: ${error.message} (is the bridge run with --control?)`));
    });
  });
  const send = async (message: ControlMessage) => {
    const reply = (await socket
      .timeout(timeoutMs)
      .emitWithAck(CONTROL_EVENT, message)) as ControlReply;
    if (!reply.ok) throw new Error(`control ${JSON.stringify(message)}: ${reply.error}`);
  };
  const set = (path: string, value: number | boolean) => send({ op: 'set', path, value });
  return {
    send,
    async park() {
      await send({ op: 'pause-source' });
      await set(SIGNAL.speed, 0);
      await set(SIGNAL.parkingBrake, true);
      await set(SIGNAL.selectedGear, GEAR.park);
    },
    async drive(speedKmh) {
      await send({ op: 'pause-source' });
      await set(SIGNAL.parkingBrake, false);
      await set(SIGNAL.selectedGear, GEAR.drive);
      await set(SIGNAL.speed, speedKmh);
    },
    setSpeed: (speedKmh) => set(SIGNAL.speed, speedKmh),
    close: () => socket.close(),
  };
}
