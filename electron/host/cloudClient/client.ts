import type { z } from 'zod';
import {
  fillPath,
  type AnyEndpoint,
  type EndpointRequest,
  type EndpointResult,
} from '../../../common/cloudApi/endpoint.ts';
import {
  cloudApi,
  type CloudApi,
  type OperationId,
} from '../../../common/cloudApi/endpoints.schema.ts';
import {
  ErrorResponseSchema,
  type CloudErrorCode,
} from '../../../common/cloudApi/errors.schema.ts';
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

/** What one exchange needs, whichever endpoint it is for. */
interface Exchange {
  endpoint: AnyEndpoint;
  path: string;
  query?: Record<string, unknown>;
  body?: unknown;
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

  /**
   * Calls one endpoint of the shared table by its operation id. Its declaration decides the
   * method, the path, whether the token goes (catalogue reads go without it, so a position is not
   * tied to a car) and whether a lost answer may be retried (idempotent only).
   */
  call<K extends OperationId>(
    operation: K,
    // Endpoints that take nothing are called with the operation id alone.
    ...[request]: Record<string, never> extends EndpointRequest<CloudApi[K]>
      ? [EndpointRequest<CloudApi[K]>?]
      : [EndpointRequest<CloudApi[K]>]
  ): Promise<EndpointResult<CloudApi[K]>> {
    const endpoint: AnyEndpoint = cloudApi[operation];
    const sent = (request ?? {}) as {
      params?: Record<string, unknown>;
      query?: object;
      body?: unknown;
    };
    return this.exchange({
      endpoint,
      path: fillPath(endpoint.path, sent.params),
      query: sent.query as Record<string, unknown> | undefined,
      body: sent.body,
    }) as Promise<EndpointResult<CloudApi[K]>>;
  }

  // ---- Transport ----------------------------------------------------------------------------------

  private async exchange(spec: Exchange): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(spec);
      } catch (error) {
        const failure = error instanceof CloudError ? error : unexpected(error);
        const retry =
          spec.endpoint.idempotent &&
          failure.transient &&
          attempt < this.retries &&
          !this.closing.signal.aborted;
        if (!retry) throw failure;
        await sleep(backoffDelay(attempt, this.backoff, this.random), this.closing.signal);
      }
    }
  }

  private async once(spec: Exchange): Promise<unknown> {
    const auth = spec.endpoint.auth === 'vehicle';
    if (this.closing.signal.aborted) throw new CloudError('offline', 'The host is shutting down');
    if (auth && !this.token) {
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
    if (auth && this.token) headers.authorization = `Bearer ${this.token}`;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal]);

    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: spec.endpoint.method,
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
      const raw = spec.endpoint.contentType !== undefined && status >= 200 && status < 300;
      json = raw ? text : text === '' ? undefined : JSON.parse(text);
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
    const schema: z.ZodType | undefined = spec.endpoint.responses[status];
    if (!schema) {
      throw new CloudError('invalid_response', `Undeclared status ${status} for ${spec.path}`, {
        status,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
      throw new CloudError(
        'invalid_response',
        `${spec.endpoint.method} ${spec.path} reply: ${where}`,
        {
          status,
        },
      );
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
