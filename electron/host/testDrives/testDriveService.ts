import {
  TestDriveModelListSchema,
  type TestDriveModel,
} from '../../../common/cloudApi/testDrives.schema.ts';
import type { Logger } from '../../../common/log.ts';
import type { CloudCache } from '../cache/cloudCache.ts';
import { withCache } from '../cache/withCache.ts';
import type { CloudClient } from '../cloudClient/client.ts';

const MODELS = 'test-drive-models';

/**
 * Test drives of the next car. The model list is cached (it changes rarely and can be browsed
 * offline, marked stale); slots and bookings are live answers from the dealer's calendar.
 * Bookings use a renderer-chosen id, so a retried booking books once.
 */
export class TestDriveService {
  private readonly client: CloudClient;
  private readonly cache: CloudCache;
  private readonly log: Logger;

  constructor(options: { client: CloudClient; cache: CloudCache; log: Logger }) {
    this.client = options.client;
    this.cache = options.cache;
    this.log = options.log;
  }

  async models() {
    const result = await withCache<TestDriveModel[]>({
      what: 'Test-drive models',
      fetch: async () => (await this.client.call('listTestDriveModels')).models,
      store: (models, fetchedAt) => this.cache.putDocument(MODELS, { models }, fetchedAt),
      cached: () => {
        const cached = this.cache.getDocument(MODELS, TestDriveModelListSchema);
        return cached && { value: cached.value.models, fetchedAt: cached.fetchedAt };
      },
      log: this.log,
    });
    return { models: result.value, stale: result.stale, fetchedAt: result.fetchedAt };
  }

  slots(modelId: string) {
    return this.client.call('listTestDriveSlots', { query: { modelId } });
  }

  book(clientBookingId: string, slotId: string) {
    return this.client.call('putTestDriveBooking', {
      params: { clientBookingId },
      body: { slotId },
    });
  }

  cancel(clientBookingId: string) {
    return this.client.call('cancelTestDriveBooking', { params: { clientBookingId } });
  }

  list() {
    return this.client.call('listTestDriveBookings');
  }
}
