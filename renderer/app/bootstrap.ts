import type { i18n as I18n } from 'i18next';
import type { HostSnapshot } from '../../common/hostApi/bootSnapshot.ts';
import type { HostClient } from '../../common/hostApi/client.ts';
import { createI18n } from '../i18n/i18n.ts';
import { createAppStore, loadHostSnapshot, type AppStore } from '../store/appStore.ts';
import { installFonts } from '../ui/fonts.ts';
import { applyVariantTokens, resolveTheme } from '../ui/theme.ts';

export interface Booted {
  store: AppStore;
  /** Resolves once the active language is loaded; the store is usable before that. */
  i18n: Promise<I18n>;
  /**
   * Asks the host for what the first frame does not show: orders and consent (home's cards, after
   * the start) and, when the page carried the snapshot, settings and connectivity as they are now.
   * Called once the first live values are in, so that none of it queues before the bridge token
   * or lands on the main thread while the first frame is built.
   */
  catchUp: () => void;
}

/**
 * Everything before the first paint: host state, theme and fonts; the language loads alongside.
 * `fromPage` is the snapshot the host wrote into the page: with it, nothing waits for a call.
 */
export async function bootstrap(
  host: HostClient,
  root: HTMLElement,
  dpr: number,
  fromPage: HostSnapshot | null,
): Promise<Booted> {
  const snapshot = fromPage ?? (await loadHostSnapshot(host));
  applyVariantTokens(root, snapshot.config, dpr);
  installFonts(root, snapshot.config.brand.font);
  root.dataset.theme = resolveTheme(snapshot.settings.themeMode, undefined);
  root.lang = snapshot.settings.language;
  const store = createAppStore(host, snapshot);
  const catchUp = () => {
    const { loadOrders, loadConsent } = store.getState();
    for (const load of [loadOrders, loadConsent]) void load().catch(() => {});
    // The page's copy was current when the page was served; a change since then has no event here.
    if (fromPage) void refreshFromHost(host, store);
  };
  return { store, i18n: createI18n(snapshot.settings.language), catchUp };
}

/**
 * The bridge's client token, if the host holds one. Asked apart from the snapshot (it is never
 * in the page), and before anything else: the bridge admits the page once it is here, and the
 * first live values wait for that.
 */
export async function bridgeToken(host: HostClient): Promise<string | null> {
  return (await host.call('app.bridgeAccess')).token;
}

async function refreshFromHost(host: HostClient, store: AppStore): Promise<void> {
  try {
    const [settings, connectivity] = await Promise.all([
      host.call('settings.get'),
      host.call('connectivity.get'),
    ]);
    store.getState().receiveSettings(settings);
    store.getState().setCloud(connectivity);
  } catch {
    // The host's events keep both current from here on; a failed call leaves the page's copy.
  }
}
