import type { HostClient } from '../../common/hostApi/client.ts';
import type { AppStore } from '../store/appStore.ts';
import type { Screen } from '../store/navSlice.ts';
import { SCREENS } from './screens.ts';

declare global {
  interface Window {
    /** Present only when the host runs with --test-hooks (end-to-end tests, audits, benchmarks). */
    dashportTest?: {
      store: AppStore;
      screens: string[];
      /** Screens that show more with parameters, with an example to open them with. */
      auditParams: Record<string, Screen>;
      /** The page's own host client: an audit opens the engineering screen's session with it. */
      host: HostClient;
    };
  }
}

/** Gives browser tests the store (navigate, read drive state), the screen registry and the host. */
export function exposeTestHooks(store: AppStore, host: HostClient): void {
  const auditParams: Record<string, Screen> = {};
  for (const [name, entry] of Object.entries(SCREENS)) {
    if (entry.auditParams) auditParams[name] = entry.auditParams;
  }
  window.dashportTest = { store, screens: Object.keys(SCREENS), auditParams, host };
}
