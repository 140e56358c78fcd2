import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Browser mode's second lock besides the Origin header, which any local process can forge: a
 * secret made at each start and handed to the kiosk launcher in a file only the service user can
 * read. The page presents it in the socket.io handshake.
 */
export function newHostSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant time in the secret: both sides are hashed to 32 bytes before the comparison. */
export function secretMatches(given: unknown, secret: string): boolean {
  if (typeof given !== 'string' || given.length > 1024) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * Writes the secret readable by its owner only. The old file is removed and the new one created
 * exclusively, so a symlink planted at the path is never followed.
 */
export function writeSecretFile(path: string, secret: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(path, { force: true });
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
}
