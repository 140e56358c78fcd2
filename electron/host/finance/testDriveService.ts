import {
  TestDriveModelListSchema,
  type TestDriveModel,
} from '../../../common/cloudApi/testDrives.ts';
import type { Logger } from '../../../common/log.ts';
import type { CatalogCache } from '../catalog/catalogCache.ts';
import { hostFailureOf, withCache } from '../catalog/fallback.ts';
import { CloudError, type CloudClient } from '../cloudClient/client.ts';

const MODELS = 'test-drive-models';

async function cloud<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof CloudError ? hostFailureOf(error) : error;
  }
}

/**
 * Test drives of the next car. The model list is cached (it changes rarely and can be browsed
 * offline, marked stale); slots and bookings are live answers from the dealer's calendar.
 * Bookings use a renderer-chosen id, so a retried booking books once.
 */
export class TestDriveService {
  private readonly client: CloudClient;
  private readonly cache: CatalogCache;
  private readonly log: Logger;

  constructor(options: { client: CloudClient; cache: CatalogCache; log: Logger }) {
    this.client = options.client;
    this.cache = options.cache;
    this.log = options.log;
  }

  async models() {
    const result = await withCache<TestDriveModel[]>({
      what: 'Test-drive models',
      fetch: async () => (await this.client.listTestDriveModels()).models,
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
    return cloud(() => this.client.testDriveSlots(modelId));
  }

  book(clientBookingId: string, slotId: string) {
    return cloud(() => this.client.bookTestDrive(clientBookingId, slotId));
  }

  cancel(clientBookingId: string) {
    return cloud(() => this.client.cancelTestDrive(clientBookingId));
  }

  list() {
    return cloud(() => this.client.listTestDrives());
  }
}
