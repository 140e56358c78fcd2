import { writeOwnerOnlyFile } from './secretFile.ts';

/** The page address a kiosk opens: the secret rides in the fragment, which no request carries. */
export function hostPageUrl(url: string, secret: string): string {
  return `${url}/#secret=${encodeURIComponent(secret)}`;
}

/**
 * A local page, readable by its owner only, that forwards to the host with the secret: the
 * browser's command line (which every local user can read) then names a file, not the secret.
 */
export function writeLaunchPage(path: string, url: string, secret: string): void {
  const target = hostPageUrl(url, secret).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  writeOwnerOnlyFile(
    path,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Dashport</title>\n`,
  );
}
