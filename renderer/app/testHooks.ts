import type { AppStore } from '../store/appStore.ts';
import { SCREENS } from './screens.ts';

declare global {
  interface Window {
    /** Present only when the host runs with --test-hooks (end-to-end tests, audits, benchmarks). */
    dashportTest?: { store: AppStore; screens: string[] };
  }
}

/** Gives browser tests the store (navigate, read drive state) and the screen registry. */
export function exposeTestHooks(store: AppStore): void {
  window.dashportTest = { store, screens: Object.keys(SCREENS) };
}
