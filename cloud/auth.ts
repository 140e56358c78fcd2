import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ApiError } from './http/errors.ts';
import { acceptableToken } from '../common/demoTokens.ts';

export interface Vehicle {
  id: string;
  name: string;
}

/**
 * Tokens are stored as their SHA-256 only: a leaked database gives no usable token, and a lookup
 * by digest compares nothing secret byte by byte (no timing oracle on the token itself).
 */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+([\x21-\x7e]{1,512})[ ]*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export function vehicleForToken(db: DatabaseSync, token: string | null): Vehicle | null {
  if (!token || !acceptableToken(token)) return null;
  const row = db
    .prepare('SELECT id, name FROM vehicles WHERE token_sha256 = ?')
    .get(tokenDigest(token)) as { id: string; name: string } | undefined;
  return row ? { id: row.id, name: row.name } : null;
}

/** For handlers of `auth: 'vehicle'` routes, where the binder has already authenticated. */
export function requireVehicle(ctx: { vehicle: Vehicle | null }): Vehicle {
  if (!ctx.vehicle) throw new ApiError(401, 'unauthorized', 'A vehicle token is required');
  return ctx.vehicle;
}
