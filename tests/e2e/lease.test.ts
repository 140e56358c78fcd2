import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedRecords } from '../../cloud/audit.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel } from './browser.ts';
import { startStack } from './stack.ts';
import { connectControl } from './vehicleControl.ts';

/**
 * The lease screen against the real bridge, host and cloud in Chromium. The drive is the
 * bridge's simulator loop (parked → drive → parked, over and over), because it integrates
 * Vehicle.TraveledDistance from its speed: the recorded comma2k19 trace carries no odometer and
 * the OpenXC trace that does is stationary, so neither could show the gauge moving by itself.
 * A second case replays the recorded drive (real speed and gear, so the screen is in its
 * glanceable, moving form) while the test plays the odometer ECU through the control channel.
 */

const TRACE = join(PROJECT_ROOT, 'tests/fixtures/traces/comma2k19_example1_rav4.jsonl');
const driveState = (page: Page) =>
  page.evaluate(() => window.dashportTest?.store.getState().driveState ?? null);

const attr = (page: Page, testId: string, name: string) =>
  page.evaluate(
    ([id, key]) =>
      document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.dataset[key] ?? null,
    [testId, name] as const,
  );
const text = (page: Page, testId: string) =>
  page.evaluate(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null,
    testId,
  );

describe('lease on the head unit (real bridge, cloud, host and Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the gauge and today’s drive move with the odometer; the over-pace cost and the checklist show; nothing leaves the car', async () => {
    const tmp = tempDir('dashport-e2e-lease-');
    const stack = await startStack(tmp.dir, { bridgeArgs: ['--speed-factor', '20'] });
    try {
      const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
      await page.getByTestId('nav-lease').click();
      // Home has a lease gauge too: wait for the lease screen's own chunk to be in and painted.
      await page.getByTestId('lease').waitFor({ timeout: 20_000 });
      await expect
        .poll(() => attr(page, 'lease-gauge', 'used'), { timeout: 20_000 })
        .not.toBeNull();
      const usedBefore = Number(await attr(page, 'lease-gauge', 'used'));
      const todayBefore = Number(await attr(page, 'lease-today', 'units'));
      // The dev lease is 15 months into 18 at 7,500 km a year; the simulated car is over pace.
      expect(await attr(page, 'lease-line', 'status')).toBe('over_pace');
      expect(await text(page, 'lease-pace')).toMatch(/over pace · \$[\d,.]+ projected/);

      await expect
        .poll(async () => Number(await attr(page, 'lease-today', 'units')), { timeout: 45_000 })
        .toBeGreaterThanOrEqual(todayBefore + 2);
      expect(Number(await attr(page, 'lease-gauge', 'used'))).toBeGreaterThanOrEqual(
        usedBefore + 2,
      );

      const control = await connectControl(stack.bridge.url);
      try {
        await control.park();
        // Parked, the details are tabs beside the title: the projection is under Mileage.
        await page.getByTestId('lease-tab-mileage').click();
        await expect
          .poll(() => text(page, 'lease-overage-cost'), { timeout: 10_000 })
          .toMatch(/^\$[1-9][\d,]*\.\d\d$/);
        await page.getByTestId('lease-tab-overview').click();
        await page.getByTestId('lease-open-end').click();
        await expect
          .poll(() => attr(page, 'lease-end-countdown', 'days'), { timeout: 10_000 })
          .not.toBeNull();
        expect(Number(await attr(page, 'lease-end-countdown', 'days'))).toBeLessThanOrEqual(120);
        for (const step of [
          'lease-end-inspection',
          'lease-end-choice',
          'lease-end-book-test-drive',
        ]) {
          expect(await page.getByTestId(step).count()).toBe(1);
        }
      } finally {
        control.close();
      }

      // Every consent is withheld by default: the cloud's own record holds no position, no mileage.
      const db = new DatabaseSync(join(tmp.dir, 'cloud.db'), { readOnly: true });
      const records = receivedRecords(db);
      db.close();
      expect(records.some((r) => r.route === '/v1/account')).toBe(true);
      expect(records.filter((r) => r.position !== null || r.odometerM !== null)).toEqual([]);
      expect(problems.errors).toEqual([]);
      await page.context().close();
    } finally {
      await stack.stop();
      tmp.cleanup();
    }
  }, 120_000);

  it('with the recorded drive replaying, the glanceable gauge and today’s drive follow the odometer', async () => {
    const tmp = tempDir('dashport-e2e-lease-replay-');
    const stack = await startStack(tmp.dir, {
      bridgeArgs: ['--source', 'replay', '--trace', TRACE, '--lead-in-ms', '1000'],
    });
    const control = await connectControl(stack.bridge.url);
    try {
      const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
      let odometer = 15_000_000;
      await control.send({ op: 'set', path: SIGNAL.traveledDistance, value: odometer });
      await page.getByTestId('nav-lease').click();
      // Home has a lease gauge too: wait for the lease screen's own chunk to be in and painted.
      await page.getByTestId('lease').waitFor({ timeout: 20_000 });
      await expect.poll(() => driveState(page), { timeout: 20_000 }).toBe('MOVING');
      await expect
        .poll(() => attr(page, 'lease-gauge', 'used'), { timeout: 10_000 })
        .not.toBeNull();
      const usedBefore = Number(await attr(page, 'lease-gauge', 'used'));
      const todayBefore = Number(await attr(page, 'lease-today', 'units'));
      // Moving: the gauge and one line, nothing to read.
      expect(await page.getByTestId('lease-details').count()).toBe(0);
      // About 25 m/s, as the recorded drive goes: a reading a second, like the bridge's.
      for (let i = 0; i < 12; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        odometer += 250;
        await control.send({ op: 'set', path: SIGNAL.traveledDistance, value: odometer });
      }
      await expect
        .poll(async () => Number(await attr(page, 'lease-today', 'units')), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(todayBefore + 2);
      expect(Number(await attr(page, 'lease-gauge', 'used'))).toBeGreaterThanOrEqual(
        usedBefore + 2,
      );
      expect(await driveState(page)).toBe('MOVING');
      expect(problems.errors).toEqual([]);
      await page.context().close();
    } finally {
      control.close();
      await stack.stop();
      tmp.cleanup();
    }
  }, 120_000);
});
