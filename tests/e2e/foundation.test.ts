import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel } from './browser.ts';
import { startStack, type Stack } from './stack.ts';
import { connectControl, type VehicleControl } from './vehicleControl.ts';

describe('browser mode end to end (real bridge, cloud, host and Chromium)', () => {
  const tmp = tempDir('dashport-e2e-');
  let stack: Stack;
  let browser: Browser;
  let control: VehicleControl;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(tmp.dir), launchChromium()]);
    control = await connectControl(stack.bridge.url);
  });
  afterAll(async () => {
    control?.close();
    await browser?.close();
    await stack?.stop();
    tmp.cleanup();
  });

  it('shows the speed changing while the simulator drives, without errors', async () => {
    const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
    const speed = page.getByTestId('speed-value');
    await expect.poll(() => speed.textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await speed.textContent()) ?? '');
          return seen.size;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(4);
    expect([...seen].some((v) => Number(v) > 0)).toBe(true);
    await expect
      .poll(() => page.getByRole('status', { name: /Vehicle: connected/ }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('status', { name: /Cloud: online/ }).count(), { timeout: 10_000 })
      .toBe(1);
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('switches the visible text to Chinese at once', async () => {
    await control.park();
    const { page } = await openPanel(browser, hostPageUrl(stack.host));
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-zh-CN').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('设置');
    expect(await page.getByTestId('nav-home').textContent()).toBe('主页');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.context().close();
  });

  it('declares the Chinese face after an English start, and before a Chinese one shows text', async () => {
    await control.park();
    const context = await browser.newContext({ viewport: { width: 1920, height: 720 } });
    try {
      const page = await context.newPage();
      // How many Noto Sans SC faces are declared when the speed first shows a number.
      await page.addInitScript(() => {
        const seen = window as unknown as { chineseFacesAtLive?: number };
        const observer = new MutationObserver(() => {
          const speed = document.querySelector('[data-testid="speed-value"]')?.textContent ?? '';
          if (!/^\d+$/.test(speed)) return;
          observer.disconnect();
          seen.chineseFacesAtLive = [...document.fonts].filter(
            (f) => f.family === 'Noto Sans SC',
          ).length;
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      });
      const atLive = () =>
        page.evaluate(
          () => (window as unknown as { chineseFacesAtLive?: number }).chineseFacesAtLive ?? null,
        );
      const declared = () =>
        page.evaluate(() => [...document.fonts].filter((f) => f.family === 'Noto Sans SC').length);

      await page.goto(hostPageUrl(stack.host));
      await expect.poll(atLive, { timeout: 15_000 }).toBe(0);
      // After the start, for Chinese in data (a merchant's name): every slice, both weights.
      await expect.poll(declared, { timeout: 10_000 }).toBeGreaterThan(100);

      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-zh-CN').click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.reload();
      await expect.poll(atLive, { timeout: 15_000 }).toBeGreaterThan(100);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('keeps a setting across a restart of the host', async () => {
    const first = await openPanel(browser, hostPageUrl(stack.host));
    await first.page.getByTestId('nav-settings').click();
    await first.page.getByTestId('theme-night').click();
    await first.page.getByTestId('distance-unit-mi').click();
    await expect.poll(() => first.page.locator('html').getAttribute('data-theme')).toBe('night');
    await first.page.context().close();

    const host = await stack.restartHost();
    const { page } = await openPanel(browser, hostPageUrl(host));
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('night');
    await page.getByTestId('nav-settings').click();
    expect(await page.getByTestId('distance-unit-mi').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('speed-unit').textContent()).toBe('mph');
    await page.context().close();
  });
});
