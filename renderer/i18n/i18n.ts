import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LocaleCode } from '../../common/locales.ts';
import { loadChineseFace } from '../ui/fonts.ts';

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

/**
 * Each language in one chunk of its own, and only the active one is loaded: every locale is
 * complete (CI checks), so no fallback language rides along.
 */
const LANGUAGES: Record<LocaleCode, () => Promise<{ default: Record<string, Bundle> }>> = {
  en: () => import('./languages/en.ts'),
  'zh-CN': () => import('./languages/zh-CN.ts'),
  de: () => import('./languages/de.ts'),
};

const namespaceOf = (file: string) => file.slice(file.lastIndexOf('/') + 1, -'.json'.length);

/** Loads one language's namespaces, once. */
export async function loadLanguage(instance: I18n, lng: LocaleCode): Promise<void> {
  if (NAMESPACES.every((ns) => instance.hasResourceBundle(lng, ns))) return;
  const [{ default: files }] = await Promise.all([
    LANGUAGES[lng](),
    // Chinese is drawn in the bundled face from the first frame (a unit may have no CJK font).
    // Without it the text falls back to the unit's fonts: no reason to hold the language back.
    lng === 'zh-CN' ? loadChineseFace().catch(() => undefined) : undefined,
  ]);
  const bundles = new Map(Object.entries(files).map(([file, b]) => [namespaceOf(file), b]));
  for (const ns of NAMESPACES) {
    const bundle = bundles.get(ns);
    if (!bundle) throw new Error(`Missing locale bundle ${lng}/${ns}`);
    instance.addResourceBundle(lng, ns, bundle, true, true);
  }
}

export async function createI18n(lng: LocaleCode): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(instance, lng);
  return instance;
}

export async function switchLanguage(instance: I18n, lng: LocaleCode): Promise<void> {
  await loadLanguage(instance, lng);
  await instance.changeLanguage(lng);
  document.documentElement.lang = lng;
}
