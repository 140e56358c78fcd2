import { PICKABLE_AREAS, findArea } from '../../../common/areas.ts';
import type { MerchantResult } from '../../../common/cloudApi/catalog.schema.ts';
import type {
  MerchantList,
  MerchantsInput,
  MerchantView,
} from '../../../common/hostApi/commerce.schema.ts';
import type { ChannelInput, ChannelOutput } from '../../../common/hostApi/contract.schema.ts';
import type { Logger } from '../../../common/log.ts';
import type { CloudClient } from '../cloudClient/client.ts';
import type { ConsentStore } from '../consent/consentStore.ts';
import { HostFailure } from '../dispatch.ts';
import type { CloudCache, SearchCircle, SearchKind } from '../cache/cloudCache.ts';
import { withCache } from '../cache/withCache.ts';
import type { MerchantImages } from '../media/merchantImages.ts';

/** Around the car when no radius is asked for: a few minutes' drive in town. */
export const DEFAULT_RADIUS_M = 10_000;
/** Enough for a list on the dashboard; the cloud allows up to 100. */
const SEARCH_LIMIT = 50;

export const LOCATION_CONSENT_REQUIRED =
  'Finding merchants near the car sends its position to the cloud, which needs the location ' +
  'consent. Allow location, or pick an area by hand.';

/**
 * Merchants and menus, through the cache. This is where the location consent is enforced: a
 * search around the car's position is refused before anything is sent unless the driver allowed
 * location; a search in a hand-picked area sends the area's fixed centre, which says nothing
 * about where the car is.
 */
export class CatalogService {
  private readonly client: CloudClient;
  private readonly cache: CloudCache;
  private readonly consent: ConsentStore;
  private readonly images: MerchantImages | null;
  private readonly log: Logger;

  constructor(options: {
    client: CloudClient;
    cache: CloudCache;
    consent: ConsentStore;
    /** Told of every merchant returned, so their images are at hand (offline too). */
    images?: MerchantImages;
    log: Logger;
  }) {
    this.client = options.client;
    this.cache = options.cache;
    this.consent = options.consent;
    this.images = options.images ?? null;
    this.log = options.log;
  }

  async merchants(input: MerchantsInput): Promise<MerchantList> {
    let kind: SearchKind;
    let circle: SearchCircle;
    let heading: number | undefined;
    let areaId: MerchantList['areaId'] = null;
    if ('position' in input) {
      if (!this.consent.isGranted('location')) {
        throw new HostFailure('forbidden', LOCATION_CONSENT_REQUIRED);
      }
      kind = 'position';
      circle = {
        centre: { lat: input.position.lat, lon: input.position.lon },
        radiusM: input.radiusM ?? DEFAULT_RADIUS_M,
        category: input.category,
      };
      heading = input.position.heading;
    } else {
      const area = findArea(input.area);
      if (!area) throw new HostFailure('invalid_input', `Unknown area ${input.area}`);
      kind = 'area';
      areaId = input.area;
      circle = { centre: area.centre, radiusM: area.radiusM, category: input.category };
    }

    const result = await withCache<MerchantResult[]>({
      what: 'Merchants',
      fetch: async () =>
        (
          await this.client.call('searchMerchants', {
            query: {
              lat: circle.centre.lat,
              lon: circle.centre.lon,
              radiusM: circle.radiusM,
              category: circle.category,
              heading,
              limit: SEARCH_LIMIT,
            },
          })
        ).merchants,
      store: (merchants, fetchedAt) =>
        this.cache.putSearch(kind, circle, merchants, merchants.length < SEARCH_LIMIT, fetchedAt),
      cached: () => this.cache.findSearch(circle, new Date(), { heading, limit: SEARCH_LIMIT }),
      log: this.log,
    });
    this.images?.remember(result.value);
    return {
      merchants: result.value,
      areaId,
      radiusM: circle.radiusM,
      stale: result.stale,
      fetchedAt: result.fetchedAt,
    };
  }

  /**
   * Combined stops around the car. Live only: a stop is chosen for the next minutes of the drive,
   * so an old answer is no answer (offline: `unavailable`). Needs the location consent, as any
   * search around the car does.
   */
  async stops(input: ChannelInput<'catalog.stops'>): Promise<ChannelOutput<'catalog.stops'>> {
    if (!this.consent.isGranted('location')) {
      throw new HostFailure('forbidden', LOCATION_CONSENT_REQUIRED);
    }
    const { lat, lon, heading } = input.position;
    return this.client.call('searchStops', {
      query: {
        lat,
        lon,
        heading,
        energy: input.energy,
        radiusM: DEFAULT_RADIUS_M,
        walkM: 400,
        limit: 5,
      },
    });
  }

  async merchant(merchantId: string): Promise<MerchantView> {
    try {
      const result = await withCache({
        what: 'The menu',
        fetch: () => this.client.call('getMerchant', { params: { merchantId } }),
        store: (merchant, fetchedAt) => this.cache.putMerchant(merchant, fetchedAt),
        cached: () => this.cache.getMerchant(merchantId, new Date()),
        log: this.log,
      });
      this.images?.remember([result.value]);
      return { merchant: result.value, stale: result.stale, fetchedAt: result.fetchedAt };
    } catch (error) {
      // The cloud says it is gone: so is the cached copy.
      if (error instanceof HostFailure && error.code === 'not_found') {
        this.cache.forgetMerchant(merchantId);
      }
      throw error;
    }
  }

  areas() {
    return {
      areas: PICKABLE_AREAS.map((a) => ({
        id: a.id,
        nameKey: a.nameKey,
        centre: { ...a.centre },
        radiusM: a.radiusM,
      })),
    };
  }
}
