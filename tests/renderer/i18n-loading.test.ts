import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../common/locales.ts';
import { createI18n, NAMESPACES, switchLanguage } from '../../renderer/i18n/i18n.ts';

describe('languages load on their own', () => {
  it.each(SUPPORTED_LOCALES)(
    '%s: only its strings are loaded, every namespace of them',
    async (lng) => {
      const i18n = await createI18n(lng);
      for (const other of SUPPORTED_LOCALES) {
        for (const ns of NAMESPACES) expect(i18n.hasResourceBundle(other, ns)).toBe(other === lng);
      }
    },
  );

  it('switches to another language by loading it then', async () => {
    const i18n = await createI18n('zh-CN');
    expect(i18n.t('home:speed')).toBe('车速');
    await switchLanguage(i18n, 'de');
    expect(i18n.t('home:speed')).toBe('Geschwindigkeit');
    expect(i18n.hasResourceBundle('en', 'home')).toBe(false);
    expect(document.documentElement.lang).toBe('de');
  });
});
