import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLaunchPage } from '../../scripts/lib/hostPage.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

/**
 * How a kiosk opens browser mode: a local launch page, readable by its owner only, forwards to
 * the host with this start's secret in the fragment, so the secret is on no command line.
 */
describe('kiosk launch page (real host and Chromium)', () => {
  const tmp = tempDir('dashport-launch-');
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(tmp.dir), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    tmp.cleanup();
  });

  it('is written 0600 and brings Chromium to the app, the secret gone from the address', async () => {
    const file = join(tmp.dir, 'open.html');
    writeLaunchPage(file, stack.host);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { page, problems } = await openPanel(browser, pathToFileURL(file).href);
    await page.waitForURL((url) => url.protocol === 'http:', { timeout: 10_000 });
    await page.getByTestId('nav-home').waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${stack.host.url}/`);
    expect(page.url()).not.toContain('secret');
    expect(problems.errors).toEqual([]);
    await page.context().close();
  });

  it('paints the shell from HTML and CSS alone, before any script has run', async () => {
    const { page } = await openPanel(browser, 'about:blank');
    // The scripts never arrive: what shows is what the panel shows while they load.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(stack.host.url);
    const bar = (selector: string) =>
      page.evaluate((s) => {
        const el = document.querySelector<HTMLElement>(s);
        if (!el) return null;
        const box = el.getBoundingClientRect();
        return { height: box.height, background: getComputedStyle(el).backgroundColor };
      }, selector);
    const status = await bar('.app--shell .status-bar');
    const nav = await bar('.app--shell .nav-bar');
    for (const b of [status, nav]) {
      expect(b?.height).toBeGreaterThan(40);
      expect(b?.background).toBe('rgb(18, 22, 28)');
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(5, 7, 10)',
    );
    await page.context().close();
  });

  it('without the secret the page says it is not connected, and shows nothing of the app', async () => {
    const { page, problems } = await openPanel(browser, stack.host.url);
    const notice = page.getByTestId('host-refused');
    await notice.waitFor({ timeout: 10_000 });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This screen is not connected',
    );
    expect(await page.getByTestId('nav-home').count()).toBe(0);
    // The refused handshakes are the browser's own console lines; nothing else went wrong.
    expect(problems.errors.filter((e) => !/websocket|socket\.io|unauthorized/i.test(e))).toEqual(
      [],
    );
    await page.context().close();
  });
});
