import { readFileSync } from 'node:fs';
import { writeOwnerOnlyFile } from '../../common/node/secretFile.ts';
import type { RunningService } from './services.ts';

/** The secret a browser-mode host wrote for this start (its `listening` line names the file). */
export function readHostSecret(host: RunningService): string {
  const file = host.ready.secretFile;
  if (typeof file !== 'string') throw new Error(`${host.name} announced no secret file`);
  return readFileSync(file, 'utf8').trim();
}

/** The page address a kiosk opens: the secret rides in the fragment, which no request carries. */
export function hostPageUrl(host: RunningService): string {
  return `${host.url}/#secret=${encodeURIComponent(readHostSecret(host))}`;
}

/**
 * A local page, readable by its owner only, that forwards to the host with the secret: the
 * browser's command line (which every local user can read) then names a file, not the secret.
 */
export function writeLaunchPage(path: string, host: RunningService): void {
  const target = hostPageUrl(host).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  writeOwnerOnlyFile(
    path,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Dashport</title>\n`,
  );
}
