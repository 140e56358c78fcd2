import {
  BOOT_SNAPSHOT_ID,
  SNAPSHOT_CHANNELS,
  type HostSnapshot,
} from '../../common/hostApi/bootSnapshot.ts';
import type { Dispatch } from './dispatch.ts';
import { readLanguageChunks, type LanguageChunks } from './languageChunks.ts';

/**
 * The snapshot through the dispatcher, as a renderer call would get it (validated against the
 * contract); null when any part fails, and the page then asks for it itself.
 */
export async function bootSnapshot(dispatch: Dispatch): Promise<HostSnapshot | null> {
  const parts = await Promise.all(
    Object.entries(SNAPSHOT_CHANNELS).map(
      async ([key, channel]) => [key, await dispatch(channel, undefined)] as const,
    ),
  );
  const values: Record<string, unknown> = {};
  for (const [key, envelope] of parts) {
    if (!envelope.ok) return null;
    values[key] = envelope.value;
  }
  return values as unknown as HostSnapshot;
}

/** JSON that cannot close the script element or the HTML around it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * index.html with the snapshot as a JSON data block in its head. Nothing in it is secret (the
 * public variant, UI settings, versions, cloud reachability); the bridge token is never in it.
 * The active language's chunk is named as a modulepreload, so it loads beside the boot chunk.
 */
export function withBootSnapshot(
  html: string,
  snapshot: HostSnapshot | null,
  languageChunks: LanguageChunks = {},
): string {
  if (snapshot === null || !html.includes('</head>')) return html;
  const block = `<script type="application/json" id="${BOOT_SNAPSHOT_ID}">${scriptSafeJson(snapshot)}</script>`;
  const chunk = languageChunks[snapshot.settings.language];
  const preload =
    chunk === undefined ? '' : `<link rel="modulepreload" crossorigin href="./${chunk}" />\n  `;
  return html.replace('</head>', `  ${preload}${block}\n  </head>`);
}

/** The entry page as both deliveries serve it: index.html with the snapshot and the preload in it. */
export async function servedIndex(
  html: string,
  rendererRoot: string,
  dispatch: Dispatch,
): Promise<string> {
  const [snapshot, chunks] = await Promise.all([
    bootSnapshot(dispatch),
    readLanguageChunks(rendererRoot),
  ]);
  return withBootSnapshot(html, snapshot, chunks);
}
