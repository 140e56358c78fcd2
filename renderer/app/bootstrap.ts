import type { i18n as I18n } from 'i18next';
import type { HostClient } from '../../common/hostApi/client.ts';
import { createI18n } from '../i18n/i18n.ts';
import { createAppStore, loadHostSnapshot, type AppStore } from '../store/appStore.ts';
import { applyVariantTokens, resolveTheme } from '../ui/theme.ts';

export interface Booted {
  store: AppStore;
  i18n: I18n;
}

/** Everything before the first paint: host state, tokens, theme and the active language. */
export async function bootstrap(host: HostClient, root: HTMLElement, dpr: number): Promise<Booted> {
  const snapshot = await loadHostSnapshot(host);
  applyVariantTokens(root, snapshot.config, dpr);
  root.dataset.theme = resolveTheme(snapshot.settings.themeMode, undefined);
  root.lang = snapshot.settings.language;
  const i18n = await createI18n(snapshot.settings.language);
  return { store: createAppStore(host, snapshot), i18n };
}
