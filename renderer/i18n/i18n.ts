import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocaleCode } from '../../common/locales.ts';

export const NAMESPACES = [
  'common',
  'home',
  'settings',
  'services',
  'lease',
  'consent',
  'offers',
  'testDrives',
] as const;

type Bundle = Record<string, unknown>;
// English is the fallback of every language, so it ships in the main chunk (no extra round trip
// before the first paint); the others load on demand.
const fallbackBundles = import.meta.glob<Bundle>('../../locales/en/*.json', {
  import: 'default',
  eager: true,
});
const bundles = import.meta.glob<Bundle>(['../../locales/*/*.json', '!../../locales/en/*.json'], {
  import: 'default',
});

/** Loads one language's namespaces on demand, so only the active language ships in the first paint. */
export async function loadLanguage(instance: I18n, lng: LocaleCode): Promise<void> {
  await Promise.all(
    NAMESPACES.map(async (ns) => {
      if (instance.hasResourceBundle(lng, ns)) return;
      const eager = fallbackBundles[`../../locales/${lng}/${ns}.json`];
      if (eager) {
        instance.addResourceBundle(lng, ns, eager, true, true);
        return;
      }
      const load = bundles[`../../locales/${lng}/${ns}.json`];
      if (!load) throw new Error(`Missing locale bundle ${lng}/${ns}`);
      instance.addResourceBundle(lng, ns, await load(), true, true);
    }),
  );
}

export async function createI18n(lng: LocaleCode): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(instance, 'en');
  if (lng !== 'en') await loadLanguage(instance, lng);
  return instance;
}

export async function switchLanguage(instance: I18n, lng: LocaleCode): Promise<void> {
  await loadLanguage(instance, lng);
  await instance.changeLanguage(lng);
  document.documentElement.lang = lng;
}
