import {
  BOOT_SNAPSHOT_ID,
  SNAPSHOT_CHANNELS,
  type HostSnapshot,
} from '../../common/hostApi/bootSnapshot.ts';
import type { Dispatch } from './dispatch.ts';

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
 */
export function withBootSnapshot(html: string, snapshot: HostSnapshot | null): string {
  if (snapshot === null || !html.includes('</head>')) return html;
  const block = `<script type="application/json" id="${BOOT_SNAPSHOT_ID}">${scriptSafeJson(snapshot)}</script>`;
  return html.replace('</head>', `  ${block}\n  </head>`);
}
