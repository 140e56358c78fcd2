import { afterEach } from 'vitest';
import type { VehicleClient } from '../../renderer/vehicle/vehicleClient.ts';
import type { Harness } from './harness.tsx';

/** What a test opened: closed after it, the vehicle link first, the rendered app last. */
export interface Opened {
  app?: Harness;
  vehicle?: VehicleClient;
  closers: (() => Promise<void> | void)[];
}

/** For a test file that connects the app to servers of its own. */
export function openedInEachTest(): Opened {
  const opened: Opened = { closers: [] };
  afterEach(async () => {
    opened.vehicle?.close();
    opened.vehicle = undefined;
    for (const close of opened.closers.splice(0)) await close();
    await opened.app?.close();
    opened.app = undefined;
  });
  return opened;
}
