import type { i18n as I18n } from 'i18next';
import type { HostClient } from '../../common/hostApi/client.ts';
import { createI18n } from '../i18n/i18n.ts';
import { createAppStore, loadHostSnapshot, type AppStore } from '../store/appStore.ts';
import { installFonts } from '../ui/fonts.ts';
import { applyVariantTokens, resolveTheme } from '../ui/theme.ts';

export interface Booted {
  store: AppStore;
  /** Resolves once the active language is loaded; the store is usable before that. */
  i18n: Promise<I18n>;
  /** For the bridge handshake when the variant requires it; kept out of the store. */
  bridgeToken: string | null;
}

/** Everything before the first paint: host state, tokens and theme; the language loads alongside. */
export async function bootstrap(host: HostClient, root: HTMLElement, dpr: number): Promise<Booted> {
  const [snapshot, access] = await Promise.all([
    loadHostSnapshot(host),
    host.call('app.bridgeAccess'),
  ]);
  applyVariantTokens(root, snapshot.config, dpr);
  installFonts(root, snapshot.config.brand.font);
  root.dataset.theme = resolveTheme(snapshot.settings.themeMode, undefined);
  root.lang = snapshot.settings.language;
  return {
    store: createAppStore(host, snapshot),
    i18n: createI18n(snapshot.settings.language),
    bridgeToken: access.token,
  };
}
