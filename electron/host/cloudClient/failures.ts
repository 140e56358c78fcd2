import { HostFailure } from '../dispatch.ts';
import { CloudError } from './client.ts';

/**
 * The one mapping from a cloud failure to the host API's typed error. The dispatcher applies it to
 * whatever a handler throws, so services let cloud errors rise instead of wrapping each call.
 */
export function hostFailureOf(error: CloudError): HostFailure {
  if (error.transient || error.kind === 'invalid_response') {
    return new HostFailure('unavailable', `The cloud cannot answer: ${error.message}`);
  }
  if (error.status === 404) return new HostFailure('not_found', error.message);
  if (error.status === 409) return new HostFailure('conflict', error.message);
  if (error.status === 401 || error.status === 403) {
    return new HostFailure('unavailable', error.message);
  }
  return new HostFailure('invalid_input', error.message);
}

/** For the dispatcher: a cloud failure as a host failure; anything else is not ours to map. */
export function cloudFailureToHost(error: unknown): HostFailure | undefined {
  return error instanceof CloudError ? hostFailureOf(error) : undefined;
}
