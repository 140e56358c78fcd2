import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SUPPORTED_LOCALES } from '../../common/locales.ts';
import { createI18n, NAMESPACES, switchLanguage } from '../../renderer/i18n/i18n.ts';
import { loadChineseFace } from '../../renderer/ui/fonts.ts';

// The face's stylesheet is the browser's to load (e2e); here only who asks for it, and when.
vi.mock('../../renderer/ui/fonts.ts', () => ({ loadChineseFace: vi.fn(() => Promise.resolve()) }));
beforeEach(() => vi.mocked(loadChineseFace).mockClear());

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

describe('the Chinese face', () => {
  it('comes with the Chinese strings, and with no other language', async () => {
    await createI18n('en');
    await createI18n('de');
    expect(loadChineseFace).not.toHaveBeenCalled();
    const i18n = await createI18n('zh-CN');
    expect(loadChineseFace).toHaveBeenCalledTimes(1);
    expect(i18n.t('home:speed')).toBe('车速');
  });

  it('is asked for on a switch to Chinese; one that fails to load holds nothing back', async () => {
    vi.mocked(loadChineseFace).mockRejectedValueOnce(new Error('stylesheet failed'));
    const i18n = await createI18n('en');
    await switchLanguage(i18n, 'zh-CN');
    expect(loadChineseFace).toHaveBeenCalledTimes(1);
    expect(i18n.t('home:speed')).toBe('车速');
  });
});
