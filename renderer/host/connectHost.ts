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

export interface HostConnection {
  client: HostClient;
  /** Whether the host turned this page away (browser mode, opened without the start's secret). */
  refused: () => boolean;
  /** False when the page has no secret to show the host: it will be turned away, surely. */
  hasSecret: boolean;
}

/** Electron's preload API when present, else socket.io to the browser-mode host. */
export function connectHost(): HostConnection {
  if (window.dashport) {
    return {
      client: createHostClient(transportFromNamedApi(window.dashport)),
      refused: () => false,
      hasSecret: true,
    };
  }
  const secret = takeHostSecret(window.location, window.sessionStorage, (url) =>
    window.history.replaceState(null, '', url),
  );
  const transport = createSocketTransport(secret);
  return { client: createHostClient(transport), refused: transport.refused, hasSecret: !!secret };
}
