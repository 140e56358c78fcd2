import type { DatabaseSync } from 'node:sqlite';
import {
  AccountSchema,
  type Account,
  type EndOfTermRequest,
} from '../../../common/cloudApi/finance.schema.ts';
import type { AccountView, TodayStart } from '../../../common/hostApi/finance.schema.ts';
import type { Logger } from '../../../common/log.ts';
import type { CloudCache } from '../cache/cloudCache.ts';
import { withCache } from '../cache/withCache.ts';
import type { CloudClient } from '../cloudClient/client.ts';
import type { ConsentStore } from '../consent/consentStore.ts';

const ACCOUNT = 'finance-account';

/**
 * The vehicle's lease, subscription or loan: the account is cached so the lease screen works
 * offline (marked stale); payments, packs and end-of-term choices need the cloud. The odometer
 * goes to the leasing company only with the mileage-sharing consent; without it a report is
 * dropped here, in the car.
 */
export class FinanceService {
  private readonly db: DatabaseSync;
  private readonly client: CloudClient;
  private readonly cache: CloudCache;
  private readonly consent: ConsentStore;
  private readonly log: Logger;

  constructor(options: {
    db: DatabaseSync;
    client: CloudClient;
    cache: CloudCache;
    consent: ConsentStore;
    log: Logger;
  }) {
    this.db = options.db;
    this.client = options.client;
    this.cache = options.cache;
    this.consent = options.consent;
    this.log = options.log;
  }

  async account(): Promise<AccountView> {
    const result = await withCache<Account>({
      what: 'The finance account',
      fetch: () => this.client.call('getAccount'),
      store: (account, fetchedAt) => this.remember(account, fetchedAt),
      cached: () => this.cache.getDocument(ACCOUNT, AccountSchema),
      log: this.log,
    });
    return { account: result.value, stale: result.stale, fetchedAt: result.fetchedAt };
  }

  /** The last account the cloud gave, without asking it (for offer context). */
  cachedAccount(): Account | null {
    return this.cache.getDocument(ACCOUNT, AccountSchema)?.value ?? null;
  }

  async payInstalment(input: {
    clientPaymentId: string;
    paymentMethodId: string;
    instalmentNumber: number;
    amountMinor: number;
  }) {
    const { clientPaymentId, ...request } = input;
    const result = await this.client.call('payInstalment', {
      params: { clientPaymentId },
      body: request,
    });
    this.remember(result.account);
    return result;
  }

  packs() {
    return this.client.call('listMileagePacks');
  }

  async buyPack(input: {
    clientPurchaseId: string;
    packId: string;
    paymentMethodId: string;
    expectedPriceMinor?: number;
  }) {
    const result = await this.client.call('buyMileagePack', { body: input });
    this.remember(result.account);
    return result;
  }

  async endOfTerm(request: EndOfTermRequest) {
    const result = await this.client.call('chooseEndOfTerm', { body: request });
    this.remember(result.account);
    return result;
  }

  inspectionSlots() {
    return this.client.call('listInspectionSlots');
  }

  async bookInspection(slotId: string) {
    const result = await this.client.call('bookInspection', { body: { slotId } });
    this.remember(result.account);
    return result;
  }

  /** Shares the odometer only with the mileage-sharing consent; otherwise nothing is sent. */
  async reportMileage(odometerM: number): Promise<{ sent: boolean }> {
    if (!this.consent.isGranted('mileage_sharing')) return { sent: false };
    await this.client.call('reportMileage', { body: { odometerM, at: new Date().toISOString() } });
    return { sent: true };
  }

  todayStart(): { todayStart: TodayStart | null } {
    const row = this.db
      .prepare('SELECT day, odometer_m FROM lease_today_start ORDER BY day DESC LIMIT 1')
      .get() as { day: string; odometer_m: number } | undefined;
    return { todayStart: row ? { date: row.day, odometerM: row.odometer_m } : null };
  }

  /** The first reading of a day wins; later ones that day change nothing. Old days are dropped. */
  setTodayStart(input: TodayStart): { todayStart: TodayStart | null } {
    this.db
      .prepare(
        'INSERT INTO lease_today_start (day, odometer_m) VALUES (?, ?) ON CONFLICT (day) DO NOTHING',
      )
      .run(input.date, input.odometerM);
    this.db.prepare('DELETE FROM lease_today_start WHERE day < ?').run(input.date);
    return this.todayStart();
  }

  private remember(account: Account, fetchedAt = new Date().toISOString()): void {
    this.cache.putDocument(ACCOUNT, account, fetchedAt);
  }
}
