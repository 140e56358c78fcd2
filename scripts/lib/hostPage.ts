import { readFileSync } from 'node:fs';
import * as launch from '../../common/node/launchPage.ts';
import type { RunningService } from './services.ts';

/** The secret a browser-mode host wrote for this start (its `listening` line names the file). */
export function readHostSecret(host: RunningService): string {
  const file = host.ready.secretFile;
  if (typeof file !== 'string') throw new Error(`${host.name} announced no secret file`);
  return readFileSync(file, 'utf8').trim();
}

/** The page address a kiosk opens for a running host, secret in the fragment. */
export function hostPageUrl(host: RunningService): string {
  return launch.hostPageUrl(host.url, readHostSecret(host));
}

/** The owner-only launch page for a running host (see common/node/launchPage.ts). */
export function writeLaunchPage(path: string, host: RunningService): void {
  launch.writeLaunchPage(path, host.url, readHostSecret(host));
}
