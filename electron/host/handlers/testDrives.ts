import type { HostServices } from '../services.ts';
import type { NamespaceHandlers } from './types.ts';

export function testDrivesHandlers({
  testDrives,
}: Pick<HostServices, 'testDrives'>): NamespaceHandlers<'testDrives'> {
  return {
    'testDrives.models': () => testDrives.models(),
    'testDrives.slots': (input) => testDrives.slots(input.modelId),
    'testDrives.book': (input) => testDrives.book(input.clientBookingId, input.slotId),
    'testDrives.cancel': (input) => testDrives.cancel(input.clientBookingId),
    'testDrives.list': () => testDrives.list(),
  };
}
