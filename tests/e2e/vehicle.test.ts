import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portOf, spawnService } from '../../scripts/lib/services.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel } from './browser.ts';
import { startStack, type Stack } from './stack.ts';
import { connectControl } from './vehicleControl.ts';

const TRACE = join(PROJECT_ROOT, 'tests/fixtures/traces/comma2k19_example1_rav4.jsonl');
/** The drive state the renderer derived, whichever screen is showing. */
const driveState = (page: Page) =>
  page.evaluate(() => window.dashportTest?.store.getState().driveState ?? null);

describe('vehicle data in the browser (real bridge, cloud, host and Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('replaying a recorded drive moves the home screen through parked, moving and parked', async () => {
    const tmp = tempDir('dashport-e2e-');
    // 60 s of real driving at 10x, framed by the replay's parked lead-in and lead-out.
    const stack = await startStack(tmp.dir, {
      bridgeArgs: [
        '--source',
        'replay',
        '--trace',
        TRACE,
        '--speed-factor',
        '10',
        '--lead-in-ms',
        '40000',
      ],
    });
    try {
      // The replay's clock waits while the page loads (a busy machine may take longer than the
      // lead-in); the lead-in's parked values are already in the store from its first moment.
      const control = await connectControl(stack.bridge.url);
      await control.send({ op: 'pause-source' });
      const { page } = await openPanel(browser, hostPageUrl(stack.host));
      await expect.poll(() => driveState(page), { timeout: 20_000 }).toBe('PARKED');
      await control.send({ op: 'resume-source' });
      control.close();
      const seen: string[] = [];
      await expect
        .poll(
          async () => {
            const state = await driveState(page);
            if (state && state !== seen[seen.length - 1]) seen.push(state);
            return seen.join('>');
          },
          { timeout: 40_000, interval: 50 },
        )
        .toMatch(/PARKED>.*MOVING>.*PARKED$/);
      const speeds = seen.length;
      expect(speeds).toBeGreaterThanOrEqual(3);
      await page.context().close();
    } finally {
      await stack.stop();
      tmp.cleanup();
    }
  });

  it('shows unknown and locks like moving when the bridge dies, and recovers by itself', async () => {
    const tmp = tempDir('dashport-e2e-');
    const stack: Stack = await startStack(tmp.dir);
    let bridge = stack.bridge;
    try {
      // Held parked while the control client stays connected.
      const control = await connectControl(bridge.url);
      await control.park();
      const { page } = await openPanel(browser, hostPageUrl(stack.host));
      await page.getByTestId('nav-settings').click();
      await expect.poll(() => driveState(page), { timeout: 10_000 }).toBe('PARKED');
      expect(await page.getByTestId('screen-gate').count()).toBe(0);

      await bridge.stop('SIGKILL');
      control.close();
      // Within the staleness limit (500 ms for speed and gear) the car counts as moving.
      const t0 = Date.now();
      await expect.poll(() => driveState(page), { timeout: 2_000, interval: 20 }).toBe('UNKNOWN');
      expect(Date.now() - t0).toBeLessThan(1_500);
      expect(await page.getByTestId('screen-gate').count()).toBe(1);
      expect(await page.getByRole('status', { name: /Vehicle: no connection/ }).count()).toBe(1);
      await page.getByTestId('nav-home').click();
      expect(await page.getByTestId('speed-value').textContent()).toBe('—');

      // The bridge comes back on the same port; the page reconnects and resubscribes unaided.
      bridge = await spawnService('bridge', join(PROJECT_ROOT, 'bridge/cli.ts'), [
        '--port',
        portOf(stack.bridge.url),
        '--client-token-file',
        stack.bridgeTokenFile,
        '--control',
        '--control-token',
        TEST_CONTROL_TOKEN,
        '--scenario',
        'parked',
      ]);
      await expect.poll(() => driveState(page), { timeout: 15_000 }).toBe('PARKED');
      await expect.poll(() => page.getByTestId('speed-value').textContent()).toBe('0');
      expect(await page.getByRole('status', { name: /Vehicle: connected/ }).count()).toBe(1);
      await page.context().close();
    } finally {
      await bridge.stop();
      await stack.stop();
      tmp.cleanup();
    }
  });
});
