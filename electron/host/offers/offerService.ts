import type { DatabaseSync } from 'node:sqlite';
import type { LocaleCode } from '../../../common/locales.ts';
import type { OffersInput, OffersView } from '../../../common/hostApi/finance.schema.ts';
import type { EndpointRequest } from '../../../common/cloudApi/endpoint.ts';
import type { CloudApi } from '../../../common/cloudApi/endpoints.schema.ts';
import type { CloudClient } from '../cloudClient/client.ts';

/** What GET /v1/offers is sent: decided here, by consent. */
export type OfferRequestQuery = EndpointRequest<CloudApi['listOffers']>['query'];
import type { ConsentStore } from '../consent/consentStore.ts';
import { transaction } from '../../../common/node/transaction.ts';

/** Offers shown per local day at most; a calm default the driver cannot be flooded past. */
export const OFFERS_DAILY_CAP = 3;
const ALL = '*';

/** The car's local calendar day, YYYY-MM-DD. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Offers as the car allows them: the renderer shows them only while parked (it sees the drive
 * state); the host applies the daily frequency cap and the driver's mutes, and decides what
 * leaves the car. Without the personalised-offers consent the request carries no context at all
 * (only the locale and a limit), so the cloud answers non-targeted offers; the position goes
 * only with the location consent as well.
 */
export class OfferService {
  private readonly db: DatabaseSync;
  private readonly client: CloudClient;
  private readonly consent: ConsentStore;
  private readonly locale: () => LocaleCode;
  private readonly leaseEnding: () => boolean | undefined;
  private readonly cap: number;
  private readonly now: () => Date;
  /** Names of merchants in the offers served, for the mute list: muting comes from an offer. */
  private readonly merchantNames = new Map<string, string>();

  constructor(options: {
    db: DatabaseSync;
    client: CloudClient;
    consent: ConsentStore;
    locale: () => LocaleCode;
    /** From the cached account: within the end-of-term window; undefined when unknown. */
    leaseEnding: () => boolean | undefined;
    dailyCap?: number;
    now?: () => Date;
  }) {
    this.db = options.db;
    this.client = options.client;
    this.consent = options.consent;
    this.locale = options.locale;
    this.leaseEnding = options.leaseEnding;
    this.cap = options.dailyCap ?? OFFERS_DAILY_CAP;
    this.now = options.now ?? (() => new Date());
  }

  /** The query the cloud gets: context only with consent. Exposed so a test can read it. */
  query(input: OffersInput): OfferRequestQuery {
    const base = { locale: this.locale(), limit: 10 };
    if (!this.consent.isGranted('personalised_offers')) return { ...base, personalised: false };
    const position =
      input.position && this.consent.isGranted('location')
        ? { lat: input.position.lat, lon: input.position.lon }
        : {};
    return {
      ...base,
      personalised: true,
      leaseEnding: this.leaseEnding(),
      fuelLevel: input.fuelLevel,
      timeOfDay: input.timeOfDay,
      ...position,
    };
  }

  async list(input: OffersInput): Promise<OffersView> {
    const mutes = this.mutes();
    const day = localDay(this.now());
    const shownToday = this.shownOn(day);
    const empty = { offers: [], personalised: false, shownToday, dailyCap: this.cap, ...mutes };
    // Muted: nothing is asked, so nothing about the car is sent either.
    if (mutes.mutedAll) return empty;
    const list = await this.client.call('listOffers', { query: this.query(input) });
    for (const o of list.offers) {
      if (o.subject.kind === 'merchant') {
        this.merchantNames.set(o.subject.merchantId, o.subject.merchantName.slice(0, 120));
      }
    }
    // An offer already counted today may show again; new ones only up to what the cap leaves.
    const alreadyShown = this.shownIds(day);
    let room = this.cap - shownToday;
    const muted = new Set(mutes.mutedMerchants.map((m) => m.merchantId));
    const offers = list.offers.filter((o) => {
      if (o.subject.kind === 'merchant' && muted.has(o.subject.merchantId)) {
        return false;
      }
      if (alreadyShown.has(o.id)) return true;
      if (room <= 0) return false;
      room--;
      return true;
    });
    return { ...empty, offers, personalised: list.personalised };
  }

  /** Counts an offer as shown today (once per offer per day). */
  markShown(offerId: string): { shownToday: number; dailyCap: number } {
    const at = this.now();
    const day = localDay(at);
    this.db
      .prepare(
        `INSERT INTO offer_impressions (day, offer_id, shown_at) VALUES (?, ?, ?)
         ON CONFLICT (day, offer_id) DO NOTHING`,
      )
      .run(day, offerId, at.toISOString());
    return { shownToday: this.shownOn(day), dailyCap: this.cap };
  }

  mute(merchantId: string) {
    this.db
      .prepare(
        `INSERT INTO offer_mutes (merchant_id, muted_at, merchant_name) VALUES (?, ?, ?)
           ON CONFLICT DO NOTHING`,
      )
      .run(merchantId, this.now().toISOString(), this.merchantNames.get(merchantId) ?? null);
    return this.mutes();
  }

  unmute(merchantId: string) {
    this.db.prepare('DELETE FROM offer_mutes WHERE merchant_id = ?').run(merchantId);
    return this.mutes();
  }

  muteAll(muted: boolean) {
    return muted ? this.mute(ALL) : this.unmute(ALL);
  }

  mutes(): { mutedAll: boolean; mutedMerchants: { merchantId: string; name: string | null }[] } {
    const rows = this.db
      .prepare('SELECT merchant_id, merchant_name FROM offer_mutes ORDER BY merchant_id')
      .all() as { merchant_id: string; merchant_name: string | null }[];
    return {
      mutedAll: rows.some((r) => r.merchant_id === ALL),
      mutedMerchants: rows
        .filter((r) => r.merchant_id !== ALL)
        .map((r) => ({ merchantId: r.merchant_id, name: r.merchant_name })),
    };
  }

  private shownOn(day: string): number {
    return this.shownIds(day).size;
  }

  private shownIds(day: string): Set<string> {
    return transaction(this.db, () => {
      this.db.prepare('DELETE FROM offer_impressions WHERE day < ?').run(day);
      const rows = this.db
        .prepare('SELECT offer_id FROM offer_impressions WHERE day = ?')
        .all(day) as { offer_id: string }[];
      return new Set(rows.map((r) => r.offer_id));
    });
  }
}
