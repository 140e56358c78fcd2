import { randomBytes } from 'node:crypto';
import { writeOwnerOnlyFile } from '../../common/node/secretFile.ts';

/**
 * Browser mode's second lock besides the Origin header, which any local process can forge: a
 * secret made at each start and handed to the kiosk launcher in a file only the service user can
 * read. The page presents it in the socket.io handshake.
 */
export function newHostSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes the secret for the kiosk launcher, readable by its owner only. */
export function writeSecretFile(path: string, secret: string): void {
  writeOwnerOnlyFile(path, `${secret}\n`);
}
