import type { z } from 'zod';
import {
  MerchantDetailSchema,
  MerchantSearchResponseSchema,
  type MerchantCategory,
} from '../../../common/cloudApi/catalog.ts';
import { ErrorResponseSchema, type CloudErrorCode } from '../../../common/cloudApi/errors.ts';
import {
  FavouriteDeletedSchema,
  FavouriteListSchema,
  FavouriteSchema,
  type FavouriteRequest,
} from '../../../common/cloudApi/favourites.ts';
import {
  OrderListSchema,
  OrderSchema,
  type OrderRequest,
} from '../../../common/cloudApi/orders.ts';
import { PaymentMethodListSchema } from '../../../common/cloudApi/payments.ts';
import {
  AccountSchema,
  EndOfTermResultSchema,
  InspectionResultSchema,
  InspectionSlotListSchema,
  InstalmentPaymentResultSchema,
  MileagePackListSchema,
  MileagePackPurchaseResultSchema,
  MileageReportResultSchema,
  type EndOfTermRequest,
  type InstalmentPaymentRequest,
  type MileagePackPurchaseRequest,
  type MileageReportRequest,
} from '../../../common/cloudApi/finance.ts';
import {
  ConsentSyncResponseSchema,
  type ConsentSyncRequest,
} from '../../../common/cloudApi/consents.ts';
import {
  OfferListSchema,
  type FuelLevelBucket,
  type TimeOfDay,
} from '../../../common/cloudApi/offers.ts';
import type { LocaleCode } from '../../../common/locales.ts';

/** What GET /v1/offers may carry (OffersQuerySchema), typed for the sender. */
export interface OfferRequestQuery {
  personalised: boolean;
  locale: LocaleCode;
  limit: number;
  leaseEnding?: boolean;
  fuelLevel?: FuelLevelBucket;
  timeOfDay?: TimeOfDay;
  lat?: number;
  lon?: number;
}
import {
  TestDriveBookingListSchema,
  TestDriveBookingSchema,
  TestDriveModelListSchema,
  TestDriveSlotListSchema,
} from '../../../common/cloudApi/testDrives.ts';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff.ts';

export type CloudErrorKind = 'offline' | 'timeout' | 'http' | 'invalid_response';

/** Every way a cloud call can fail, typed so callers decide on `kind`, `status` and `code`. */
export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  readonly status: number | undefined;
  readonly code: CloudErrorCode | undefined;

  constructor(
    kind: CloudErrorKind,
    message: string,
    details: { status?: number; code?: CloudErrorCode } = {},
  ) {
    super(message);
    this.name = 'CloudError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
  }

  /**
   * Worth trying again later: the network, a timeout, or the server's own trouble (5xx, 408,
   * 429). A 4xx answer is the cloud's considered refusal and is the same every time.
   */
  get transient(): boolean {
    if (this.kind === 'offline' || this.kind === 'timeout') return true;
    const s = this.status ?? 0;
    return this.kind === 'http' && (s >= 500 || s === 408 || s === 429);
  }
}

export interface CloudClientOptions {
  /** The variant's cloudUrl: an origin; API paths are absolute. */
  baseUrl: string;
  /** The vehicle's bearer token. Stays in the host; null: vehicle routes fail as unauthorized. */
  token: string | null;
  timeoutMs?: number;
  /** Quick retries of idempotent requests inside one call; longer waits are the caller's. */
  retries?: number;
  backoff?: BackoffPolicy;
  /** Told after every exchange whether the cloud answered usefully (drives connectivity). */
  onReachability?: (online: boolean) => void;
  random?: () => number;
}

interface RequestSpec<S extends z.ZodType> {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Schema of the 2xx body. */
  schema: S;
  /** Send the vehicle token. Catalogue reads go without it, so a position is not tied to a car. */
  auth: boolean;
  /** Safe to send again (GET, PUT by a client-chosen id): only these are retried. */
  idempotent: boolean;
}

/** Replies are small JSON documents; anything larger is refused rather than buffered. */
const MAX_RESPONSE_CHARS = 4 * 1024 * 1024;

/**
 * The host's client for the cloud services API: per-request timeout, jittered retries for
 * idempotent requests, and every answer validated with the shared cloud API schemas, so nothing
 * unchecked from the network reaches the database or the renderer.
 */
export class CloudClient {
  private readonly baseUrl: string;
  private readonly token: string | null;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly onReachability: (online: boolean) => void;
  /** Aborts every request in flight and every retry wait when the host closes. */
  private readonly closing = new AbortController();

  constructor(options: CloudClientOptions) {
    this.baseUrl = options.baseUrl;
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.retries = options.retries ?? 2;
    this.backoff = options.backoff ?? { baseMs: 200, maxMs: 2000 };
    this.random = options.random ?? Math.random;
    this.onReachability = options.onReachability ?? (() => {});
  }

  get hasToken(): boolean {
    return this.token !== null;
  }

  close(): void {
    this.closing.abort();
  }

  // ---- The API, typed ----------------------------------------------------------------------------

  searchMerchants(query: {
    lat: number;
    lon: number;
    radiusM: number;
    category?: MerchantCategory;
    heading?: number;
    limit: number;
  }) {
    return this.request({
      method: 'GET',
      path: '/v1/merchants',
      query,
      schema: MerchantSearchResponseSchema,
      auth: false,
      idempotent: true,
    });
  }

  getMerchant(merchantId: string) {
    return this.request({
      method: 'GET',
      path: `/v1/merchants/${encodeURIComponent(merchantId)}`,
      schema: MerchantDetailSchema,
      auth: false,
      idempotent: true,
    });
  }

  listFavourites() {
    return this.request({
      method: 'GET',
      path: '/v1/favourites',
      schema: FavouriteListSchema,
      auth: true,
      idempotent: true,
    });
  }

  putFavourite(favouriteId: string, favourite: FavouriteRequest) {
    return this.request({
      method: 'PUT',
      path: `/v1/favourites/${encodeURIComponent(favouriteId)}`,
      body: favourite,
      schema: FavouriteSchema,
      auth: true,
      idempotent: true,
    });
  }

  /** Not idempotent on the wire (a second delete answers 404), so never retried here. */
  deleteFavourite(favouriteId: string) {
    return this.request({
      method: 'DELETE',
      path: `/v1/favourites/${encodeURIComponent(favouriteId)}`,
      schema: FavouriteDeletedSchema,
      auth: true,
      idempotent: false,
    });
  }

  listPaymentMethods() {
    return this.request({
      method: 'GET',
      path: '/v1/payment-methods',
      schema: PaymentMethodListSchema,
      auth: true,
      idempotent: true,
    });
  }

  /** Idempotent at the cloud by client order id: the same request again returns the same order. */
  putOrder(clientOrderId: string, request: OrderRequest) {
    return this.request({
      method: 'PUT',
      path: `/v1/orders/${encodeURIComponent(clientOrderId)}`,
      body: request,
      schema: OrderSchema,
      auth: true,
      idempotent: true,
    });
  }

  listOrders(since: string | null, limit = 100) {
    return this.request({
      method: 'GET',
      path: '/v1/orders',
      query: { since: since ?? undefined, limit },
      schema: OrderListSchema,
      auth: true,
      idempotent: true,
    });
  }

  // ---- Finance account ---------------------------------------------------------------------------

  getAccount() {
    return this.request({
      method: 'GET',
      path: '/v1/account',
      schema: AccountSchema,
      auth: true,
      idempotent: true,
    });
  }

  /** Idempotent at the cloud by the client payment id. */
  payInstalment(clientPaymentId: string, request: InstalmentPaymentRequest) {
    return this.request({
      method: 'POST',
      path: `/v1/account/payments/${encodeURIComponent(clientPaymentId)}`,
      body: request,
      schema: InstalmentPaymentResultSchema,
      auth: true,
      idempotent: true,
    });
  }

  listMileagePacks() {
    return this.request({
      method: 'GET',
      path: '/v1/account/mileage-packs',
      schema: MileagePackListSchema,
      auth: true,
      idempotent: true,
    });
  }

  /** Idempotent at the cloud by `clientPurchaseId` in the body. */
  buyMileagePack(request: MileagePackPurchaseRequest) {
    return this.request({
      method: 'POST',
      path: '/v1/account/mileage-packs',
      body: request,
      schema: MileagePackPurchaseResultSchema,
      auth: true,
      idempotent: true,
    });
  }

  chooseEndOfTerm(request: EndOfTermRequest) {
    return this.request({
      method: 'POST',
      path: '/v1/account/end-of-term',
      body: request,
      schema: EndOfTermResultSchema,
      auth: true,
      idempotent: false,
    });
  }

  inspectionSlots() {
    return this.request({
      method: 'GET',
      path: '/v1/account/inspection',
      schema: InspectionSlotListSchema,
      auth: true,
      idempotent: true,
    });
  }

  bookInspection(slotId: string) {
    return this.request({
      method: 'POST',
      path: '/v1/account/inspection',
      body: { slotId },
      schema: InspectionResultSchema,
      auth: true,
      idempotent: false,
    });
  }

  /** Only ever called with the mileage-sharing consent granted (the caller checks). */
  reportMileage(report: MileageReportRequest) {
    return this.request({
      method: 'POST',
      path: '/v1/account/mileage',
      body: report,
      schema: MileageReportResultSchema,
      auth: true,
      idempotent: true,
    });
  }

  /** The cloud keeps each record once, so a retried sync stores nothing twice. */
  syncConsents(request: ConsentSyncRequest) {
    return this.request({
      method: 'POST',
      path: '/v1/consents',
      body: request,
      schema: ConsentSyncResponseSchema,
      auth: true,
      idempotent: true,
    });
  }

  // ---- Offers and test drives ----------------------------------------------------------------------

  /** The caller decides what context may go (consent); this sends exactly what it is given. */
  listOffers(query: OfferRequestQuery) {
    return this.request({
      method: 'GET',
      path: '/v1/offers',
      query: { ...query },
      schema: OfferListSchema,
      auth: true,
      idempotent: true,
    });
  }

  listTestDriveModels() {
    return this.request({
      method: 'GET',
      path: '/v1/test-drives/models',
      schema: TestDriveModelListSchema,
      auth: true,
      idempotent: true,
    });
  }

  testDriveSlots(modelId: string) {
    return this.request({
      method: 'GET',
      path: '/v1/test-drives/slots',
      query: { modelId },
      schema: TestDriveSlotListSchema,
      auth: true,
      idempotent: true,
    });
  }

  bookTestDrive(clientBookingId: string, slotId: string) {
    return this.request({
      method: 'PUT',
      path: `/v1/test-drives/bookings/${encodeURIComponent(clientBookingId)}`,
      body: { slotId },
      schema: TestDriveBookingSchema,
      auth: true,
      idempotent: true,
    });
  }

  cancelTestDrive(clientBookingId: string) {
    return this.request({
      method: 'DELETE',
      path: `/v1/test-drives/bookings/${encodeURIComponent(clientBookingId)}`,
      schema: TestDriveBookingSchema,
      auth: true,
      idempotent: true,
    });
  }

  listTestDrives() {
    return this.request({
      method: 'GET',
      path: '/v1/test-drives/bookings',
      schema: TestDriveBookingListSchema,
      auth: true,
      idempotent: true,
    });
  }

  // ---- Transport ----------------------------------------------------------------------------------

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(spec);
      } catch (error) {
        const failure = error instanceof CloudError ? error : unexpected(error);
        const retry =
          spec.idempotent &&
          failure.transient &&
          attempt < this.retries &&
          !this.closing.signal.aborted;
        if (!retry) throw failure;
        await sleep(backoffDelay(attempt, this.backoff, this.random), this.closing.signal);
      }
    }
  }

  private async once<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    if (this.closing.signal.aborted) throw new CloudError('offline', 'The host is shutting down');
    if (spec.auth && !this.token) {
      throw new CloudError('http', 'No vehicle token is configured for the cloud', {
        status: 401,
        code: 'unauthorized',
      });
    }
    const url = new URL(spec.path, this.baseUrl);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.auth && this.token) headers.authorization = `Bearer ${this.token}`;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal]);

    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
        redirect: 'error',
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      const timedOut =
        signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';
      if (!this.closing.signal.aborted) this.onReachability(false);
      if (timedOut) {
        throw new CloudError('timeout', `The cloud did not answer within ${this.timeoutMs} ms`);
      }
      throw new CloudError('offline', `Cannot reach the cloud: ${causeOf(error)}`);
    }
    // A 5xx is an answer, but not a usable one: the cloud counts as offline until it recovers.
    this.onReachability(status < 500);

    if (text.length > MAX_RESPONSE_CHARS) {
      throw new CloudError('invalid_response', `Reply of ${text.length} characters is too large`, {
        status,
      });
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new CloudError('invalid_response', `Reply ${status} is not JSON`, { status });
    }
    if (status < 200 || status > 299) {
      const body = ErrorResponseSchema.safeParse(json);
      if (!body.success) {
        throw new CloudError('http', `The cloud answered ${status}`, { status });
      }
      throw new CloudError('http', body.data.error.message, { status, code: body.data.error.code });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
      throw new CloudError('invalid_response', `${spec.method} ${spec.path} reply: ${where}`, {
        status,
      });
    }
    return parsed.data;
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function unexpected(error: unknown): CloudError {
  return new CloudError('invalid_response', `Unexpected failure: ${String(error)}`);
}
