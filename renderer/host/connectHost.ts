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

/** Electron's preload API when present, else socket.io to the browser-mode host. */
export function connectHost(): HostClient {
  return createHostClient(
    window.dashport
      ? transportFromNamedApi(window.dashport)
      : createSocketTransport(
          takeHostSecret(window.location, window.sessionStorage, (url) =>
            window.history.replaceState(null, '', url),
          ),
        ),
  );
}
