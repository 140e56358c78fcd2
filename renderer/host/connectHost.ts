import {
  createHostClient,
  transportFromNamedApi,
  type HostClient,
  type NamedHostApi,
} from '../../common/hostApi/client.ts';
import { takeHostSecret } from './hostSecret.ts';
import { createSocketTransport } from './socketTransport.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    dashport?: NamedHostApi;
  }
}

/**
 * Electron's preload API when present, else socket.io to the browser-mode host. `refused` says
 * whether the host turned this page away (browser mode, opened without the start's secret).
 */
export function connectHost(): { client: HostClient; refused: () => boolean } {
  if (window.dashport) {
    return {
      client: createHostClient(transportFromNamedApi(window.dashport)),
      refused: () => false,
    };
  }
  const transport = createSocketTransport(
    takeHostSecret(window.location, window.sessionStorage, (url) =>
      window.history.replaceState(null, '', url),
    ),
  );
  return { client: createHostClient(transport), refused: transport.refused };
}
