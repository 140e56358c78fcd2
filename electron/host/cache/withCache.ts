import type { Logger } from '../../../common/log.ts';
import { CloudError } from '../cloudClient/client.ts';
import { HostFailure } from '../dispatch.ts';
import { hostFailureOf } from '../cloudClient/failures.ts';
import type { Cached } from './cloudCache.ts';

export interface Fresh<T> {
  value: T;
  stale: boolean;
  fetchedAt: string;
}

/**
 * Asks the cloud and caches the answer; when the cloud cannot answer, serves the cached one
 * marked stale. The cloud's considered answers (404, 422) are passed on, never papered over with
 * the cache, and with nothing cached the caller gets a typed `unavailable`.
 */
export async function withCache<T>(options: {
  what: string;
  fetch: () => Promise<T>;
  store: (value: T, fetchedAt: string) => void;
  cached: () => Cached<T> | null;
  log: Logger;
}): Promise<Fresh<T>> {
  try {
    const value = await options.fetch();
    const fetchedAt = new Date().toISOString();
    options.store(value, fetchedAt);
    return { value, stale: false, fetchedAt };
  } catch (error) {
    if (!(error instanceof CloudError)) throw error;
    if (!usesCache(error)) throw hostFailureOf(error);
    const cached = options.cached();
    options.log.info('catalog.from_cache', {
      what: options.what,
      reason: error.kind,
      cached: cached !== null,
    });
    if (!cached) {
      throw new HostFailure(
        'unavailable',
        `${options.what} cannot be loaded: the cloud cannot be reached and nothing is cached yet`,
      );
    }
    return { value: cached.value, stale: true, fetchedAt: cached.fetchedAt };
  }
}

/** No network, a slow or failing cloud, a token problem: the cache is the best answer there is. */
function usesCache(error: CloudError): boolean {
  return (
    error.transient ||
    error.kind === 'invalid_response' ||
    error.status === 401 ||
    error.status === 403
  );
}
