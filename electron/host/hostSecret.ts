import { randomBytes } from 'node:crypto';
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

/**
 * Writes the secret readable by its owner only. The old file is removed and the new one created
 * exclusively, so a symlink planted at the path is never followed.
 */
export function writeSecretFile(path: string, secret: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(path, { force: true });
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
}
