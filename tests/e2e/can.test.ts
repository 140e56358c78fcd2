import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAV4_LOG_10S } from '../support/canFixtures.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel } from './browser.ts';
import { startStack } from './stack.ts';

const driveState = (page: Page) =>
  page.evaluate(() => window.dashportTest?.store.getState().driveState ?? null);
const speedSignal = (page: Page) =>
  page.evaluate(
    () => window.dashportTest?.store.getState().signals['Vehicle.Speed']?.value ?? null,
  );

describe('the app on real CAN data (RAV4 recording through the bridge, host, cloud and Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the recorded speed and gear, locks the driver out while moving, and restricts itself when the frames stop', async () => {
    const tmp = tempDir('dashport-e2e-can-');
    // Ten recorded seconds at their recorded timing; the log ends, the bus falls silent.
    const stack = await startStack(tmp.dir, {
      bridgeArgs: ['--source', 'can', '--profile', 'toyota-rav4-2018', '--candump', RAV4_LOG_10S],
    });
    try {
      const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
      await expect.poll(() => driveState(page), { timeout: 8_000, interval: 50 }).toBe('MOVING');
      // The recorded speed (29.38 … 73.05 km/h in these ten seconds), shown on the home screen.
      const speed = Number(await speedSignal(page));
      expect(speed).toBeGreaterThanOrEqual(29.38);
      expect(speed).toBeLessThanOrEqual(73.05);
      await expect.poll(() => page.getByTestId('speed-value').textContent()).toMatch(/^\d+$/);
      expect(await page.getByTestId('gear-value').textContent()).toBe('D');
      // The driver's lockouts: browsing services waits for Park.
      await page.getByTestId('nav-services').click();
      expect(await page.getByTestId('screen-gate').count()).toBe(1);
      await page.getByTestId('nav-home').click();

      // No more frames: speed and gear go stale, and the car counts as moving (unknown).
      await expect.poll(() => driveState(page), { timeout: 15_000, interval: 50 }).toBe('UNKNOWN');
      expect(await page.getByTestId('speed-value').textContent()).toBe('—');
      await page.getByTestId('nav-services').click();
      expect(await page.getByTestId('screen-gate').count()).toBe(1);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    } finally {
      await stack.stop();
      tmp.cleanup();
    }
  });
});
