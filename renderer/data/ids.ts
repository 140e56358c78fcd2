import { HostApiError, type HostErrorCode } from '../../common/hostApi/errors.ts';

/** Ids the cloud accepts for orders, favourites, bookings (8-64 of A-Za-z0-9_-): a UUID. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The host's typed error code of a failed call; anything else is internal. */
export function errorCode(error: unknown): HostErrorCode {
  return error instanceof HostApiError ? error.code : 'internal';
}
