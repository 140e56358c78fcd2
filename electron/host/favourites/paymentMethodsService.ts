import { PaymentMethodListSchema } from '../../../common/cloudApi/payments.schema.ts';
import type { Logger } from '../../../common/log.ts';
import type { CloudCache } from '../cache/cloudCache.ts';
import { withCache } from '../cache/withCache.ts';
import type { CloudClient } from '../cloudClient/client.ts';

const PAYMENT_METHODS = 'payment-methods';

/** The vehicle's saved payment methods (tokens, never card numbers), cached for offline checkout. */
export class PaymentMethodsService {
  private readonly client: CloudClient;
  private readonly cache: CloudCache;
  private readonly log: Logger;

  constructor(options: { client: CloudClient; cache: CloudCache; log: Logger }) {
    this.client = options.client;
    this.cache = options.cache;
    this.log = options.log;
  }

  async list() {
    const result = await withCache({
      what: 'Payment methods',
      fetch: () => this.client.call('listPaymentMethods'),
      store: (list, fetchedAt) => this.cache.putDocument(PAYMENT_METHODS, list, fetchedAt),
      cached: () => this.cache.getDocument(PAYMENT_METHODS, PaymentMethodListSchema),
      log: this.log,
    });
    return {
      paymentMethods: result.value.paymentMethods,
      stale: result.stale,
      fetchedAt: result.fetchedAt,
    };
  }
}
