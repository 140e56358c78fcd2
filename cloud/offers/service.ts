import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { SlugSchema } from '../../common/cloudApi/catalog.schema.ts';
import {
  NEAR_STATION_RADIUS_M,
  OFFER_TRIGGERS,
  TIMES_OF_DAY,
  type Offer,
  type OffersQuerySchema,
} from '../../common/cloudApi/offers.schema.ts';
import { distanceM } from '../../common/geo.ts';
import { SUPPORTED_LOCALES, type LocaleCode } from '../../common/locales.ts';
import type { CatalogueStore } from '../catalogue/store.ts';
import { OFFER_SEED_VERSION, type SeedOffer } from '../catalogue/seed/offers.ts';

const LocalisedSchema = z.object(
  Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, z.string().min(1)])) as Record<
    LocaleCode,
    z.ZodString
  >,
);

/** An offer as stored (offers.offer_json): absolute validity, text in every shipped locale. */
const StoredOfferSchema = z.object({
  id: SlugSchema,
  trigger: z.enum(OFFER_TRIGGERS),
  timesOfDay: z.array(z.enum(TIMES_OF_DAY)).default([]),
  subject: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('merchant'), merchantId: SlugSchema }),
    z.object({
      kind: z.literal('product'),
      productId: SlugSchema,
      name: LocalisedSchema,
      testDriveModelId: SlugSchema.optional(),
    }),
  ]),
  title: LocalisedSchema,
  body: LocalisedSchema,
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  promoCode: z.string().nullable(),
});
type StoredOffer = z.infer<typeof StoredOfferSchema>;

type OffersQuery = z.output<typeof OffersQuerySchema>;

export interface OfferService {
  /** Current offers for a request: non-targeted ones always, targeted ones only if personalised. */
  select(query: OffersQuery, at: Date): { offers: Offer[]; personalised: boolean };
}

const DAY_MS = 86_400_000;

export function createOfferService(options: {
  db: DatabaseSync;
  catalogue: CatalogueStore;
}): OfferService {
  const { db, catalogue } = options;

  const stored = (): StoredOffer[] =>
    (
      db.prepare('SELECT offer_json FROM offers ORDER BY sort, id').all() as {
        offer_json: string;
      }[]
    ).map((r) => StoredOfferSchema.parse(JSON.parse(r.offer_json)));

  /** Whether a targeted offer's context is present in the request. */
  const matches = (o: StoredOffer, q: OffersQuery): boolean => {
    switch (o.trigger) {
      case 'none':
        return true;
      case 'lease_ending':
        return q.leaseEnding === true;
      case 'time_of_day':
        return q.timeOfDay !== undefined && o.timesOfDay.includes(q.timeOfDay);
      case 'low_fuel_near_station': {
        if (q.fuelLevel !== 'low' || q.lat === undefined || q.lon === undefined) return false;
        if (o.subject.kind !== 'merchant') return false;
        const station = catalogue.get(o.subject.merchantId);
        return (
          station !== null &&
          distanceM({ lat: q.lat, lon: q.lon }, station.position) <= NEAR_STATION_RADIUS_M
        );
      }
    }
  };

  const toOffer = (o: StoredOffer, locale: LocaleCode): Offer | null => {
    let subject: Offer['subject'];
    if (o.subject.kind === 'merchant') {
      const merchant = catalogue.get(o.subject.merchantId);
      if (!merchant) return null; // the merchant left the catalogue: nothing to offer
      subject = { kind: 'merchant', merchantId: merchant.id, merchantName: merchant.name };
    } else {
      subject = {
        kind: 'product',
        productId: o.subject.productId,
        productName: o.subject.name[locale],
        ...(o.subject.testDriveModelId ? { testDriveModelId: o.subject.testDriveModelId } : {}),
      };
    }
    return {
      id: o.id,
      title: o.title[locale],
      body: o.body[locale],
      subject,
      trigger: o.trigger,
      validFrom: o.validFrom,
      validUntil: o.validUntil,
      promoCode: o.promoCode,
    };
  };

  return {
    select(query, at) {
      const t = at.getTime();
      const current = stored().filter(
        (o) => Date.parse(o.validFrom) <= t && t < Date.parse(o.validUntil),
      );
      // Without the consent, context is ignored even if sent: only non-targeted offers.
      const targeted = query.personalised
        ? current.filter((o) => o.trigger !== 'none' && matches(o, query))
        : [];
      const open = current.filter((o) => o.trigger === 'none');
      const offers = [...targeted, ...open]
        .map((o) => toOffer(o, query.locale))
        .filter((o): o is Offer => o !== null)
        .slice(0, query.limit);
      return { offers, personalised: query.personalised };
    },
  };
}

/** Replaces the offers when their seed version changed; validity is anchored on `now`'s day. */
export function seedOffers(db: DatabaseSync, now: Date, offers: readonly SeedOffer[]): boolean {
  const row = db.prepare("SELECT version FROM seed_state WHERE name = 'offers'").get() as
    { version: number } | undefined;
  if (row?.version === OFFER_SEED_VERSION) return false;
  const day0 = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const iso = (days: number) => new Date(day0 + days * DAY_MS).toISOString();
  const parsed = offers.map((o) =>
    StoredOfferSchema.parse({
      id: o.id,
      trigger: o.trigger,
      timesOfDay: o.timesOfDay ?? [],
      subject: o.subject,
      title: o.title,
      body: o.body,
      validFrom: iso(o.validFromDay),
      validUntil: iso(o.validUntilDay),
      promoCode: o.promoCode,
    }),
  );
  db.exec('DELETE FROM offers');
  parsed.forEach((o, i) => {
    db.prepare('INSERT INTO offers (id, sort, offer_json) VALUES (?, ?, ?)').run(
      o.id,
      i,
      JSON.stringify(o),
    );
  });
  db.prepare(
    `INSERT INTO seed_state (name, version, seeded_at) VALUES ('offers', ?, ?)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, seeded_at = excluded.seeded_at`,
  ).run(OFFER_SEED_VERSION, now.toISOString());
  return true;
}
