import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PICKABLE_AREAS, type AreaId } from '../../common/areas.ts';
import type { MerchantDetail, MerchantResult } from '../../common/cloudApi/catalog.schema.ts';
import type { OrderList } from '../../common/cloudApi/orders.schema.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { portOf, spawnService, type RunningService } from '../../scripts/lib/services.ts';
import { devVariant, PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { installAudit } from './audit/inject.ts';
import { auditNow } from './audit/pageControl.ts';
import { thresholdsFor } from './audit/thresholds.ts';
import { launchChromium, openPanel, type PageProblems } from './browser.ts';
import { startStack, type Stack } from './stack.ts';
import { connectControl, type VehicleControl } from './vehicleControl.ts';

/** The dev variant's vehicle token (the cloud's demo vehicle veh-demo-1). */
const TOKEN = 'dev-vehicle-token';
const ORDER_STEP_MS = '300';
const WAIT = { timeout: 20_000 };

async function cloudGet<T>(cloudUrl: string, path: string): Promise<T> {
  const res = await fetch(`${cloudUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Minutes until a merchant's next change (its local time), or Infinity when it never changes. */
function minutesUntilChange(m: MerchantResult, at: Date): number {
  if (!m.nextChange) return Infinity;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: m.openingHours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const today = days.indexOf(get('weekday')) + 1;
  const now = Number(get('hour')) * 60 + Number(get('minute'));
  const [h, min] = m.nextChange.time.split(':').map(Number) as [number, number];
  const dayDelta = (m.nextChange.day - today + 7) % 7;
  return (
    dayDelta * 1440 + h * 60 + min - now + (dayDelta === 0 && h * 60 + min < now ? 7 * 1440 : 0)
  );
}

/**
 * A café that is open now and stays open for the test, in one of the areas a person can pick:
 * the demo cafés span the time zones, so one of them always is.
 */
async function openCafe(cloudUrl: string): Promise<{ area: AreaId; merchant: MerchantDetail }> {
  const now = new Date();
  for (const area of PICKABLE_AREAS) {
    const { lat, lon } = area.centre;
    const { merchants } = await cloudGet<{ merchants: MerchantResult[] }>(
      cloudUrl,
      `/v1/merchants?lat=${lat}&lon=${lon}&radiusM=${area.radiusM}&category=coffee`,
    );
    const open = merchants.find((m) => m.openNow && minutesUntilChange(m, now) > 20);
    if (open) {
      return { area: area.id, merchant: await cloudGet(cloudUrl, `/v1/merchants/${open.id}`) };
    }
  }
  throw new Error('no café open anywhere in the demo catalogue');
}

async function tap(page: Page, testId: string): Promise<void> {
  const target = page.getByTestId(testId);
  await target.waitFor({ state: 'visible', ...WAIT });
  await expect.poll(() => target.isEnabled(), WAIT).toBe(true);
  await target.click();
}

/**
 * The safety audit (driver-safety.md, in mm on the dev panel) of what the page shows right now:
 * the matrix audits every screen opened by name; this audits them with real content in them
 * (a cart, an order, favourites, the low-fuel card, the sheets). Returns the violations as lines.
 */
async function auditHere(page: Page, moving: boolean): Promise<string[]> {
  const variant = devVariant();
  const thresholds = thresholdsFor(variant.panel.pxPerInch, variant.uxRestrictions.limits);
  if (!(await page.evaluate(() => '__dashportAudit' in window))) await installAudit(page);
  const { audit } = await auditNow(page, { thresholds, moving });
  return audit.violations.map((v) => `${v.check} ${v.element}: ${v.measured} (limit ${v.limit})`);
}

const stackNames = (page: Page) =>
  page.evaluate(() => window.dashportTest!.store.getState().stack.map((s) => s.name));

async function waitForDriveState(page: Page, state: string): Promise<void> {
  await page.waitForFunction(
    (s) => window.dashportTest?.store.getState().driveState === s,
    state,
    WAIT,
  );
}

describe('ordering end to end (real bridge, cloud, host and Chromium)', () => {
  const tmp = tempDir('dashport-e2e-ordering-');
  let stack: Stack;
  let browser: Browser;
  let control: VehicleControl;
  let page: Page;
  let problems: PageProblems;
  let cafe: { area: AreaId; merchant: MerchantDetail };
  /** The cloud started again on the same port and database, for the offline test. */
  let restartedCloud: RunningService | undefined;

  /** The first item on the first page of the menu that can be ordered. */
  const firstItem = () => {
    const item = cafe.merchant.menu.sections[0]!.items.find((i) => i.available);
    if (!item) throw new Error(`${cafe.merchant.id} has nothing available`);
    return item;
  };

  /** From the services tile to a placed order: services, merchants, menu, checkout. */
  async function orderFromServices(audit = false): Promise<void> {
    await tap(page, 'nav-services');
    await tap(page, 'category-coffee');
    await tap(page, `merchant-${cafe.merchant.id}`);
    const item = firstItem();
    await tap(page, `add-${item.id}`);
    if (item.optionGroups.length > 0) {
      await page.getByTestId('options-sheet').waitFor(WAIT);
      if (audit) expect(await auditHere(page, false)).toEqual([]);
      await tap(page, 'options-add');
    }
    await tap(page, 'to-checkout');
    expect(await stackNames(page)).toEqual(['services', 'merchants', 'merchant', 'checkout']);
    if (audit) {
      await page.getByTestId('checkout-total').waitFor(WAIT);
      expect(await auditHere(page, false)).toEqual([]);
    }
    await tap(page, 'place-order');
    await page.getByTestId('order-screen').waitFor(WAIT);
  }

  const progress = () => page.getByTestId('order-screen').getByTestId('order-progress');

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack(tmp.dir, { cloudArgs: ['--order-step-ms', ORDER_STEP_MS] }),
      launchChromium(),
    ]);
    control = await connectControl(stack.bridge.url);
    await control.park();
    cafe = await openCafe(stack.cloud.url);
    ({ page, problems } = await openPanel(browser, hostPageUrl(stack.host)));
    await page.waitForFunction(() => window.dashportTest !== undefined, undefined, WAIT);
    await waitForDriveState(page, 'PARKED');
  });
  afterAll(async () => {
    control?.close();
    await browser?.close();
    await restartedCloud?.stop();
    await stack?.stop();
    tmp.cleanup();
  });

  it('places a coffee order while parked and follows it until it is ready', async () => {
    // The first visit asks where to search; an area sends only its centre.
    await tap(page, 'nav-services');
    await page.getByTestId('location-choice').waitFor(WAIT);
    await tap(page, `area-${cafe.area}`);
    await orderFromServices(true);

    await expect.poll(() => progress().getAttribute('data-delivery'), WAIT).toBe('sent');
    await expect.poll(() => progress().getAttribute('data-state'), WAIT).toBe('ready');
    expect(await page.getByTestId('order-delivery').textContent()).toBe('Sent');
    expect(await page.getByTestId('pickup-code').textContent()).toMatch(
      /^Pickup code [A-Z0-9]{4}$/,
    );
    expect(await auditHere(page, false)).toEqual([]);
    // Saved for the drive: it appears on the home screen.
    await tap(page, 'save-favourite');
    await expect
      .poll(() => page.getByTestId('save-favourite').getAttribute('data-saved'), WAIT)
      .toBe('true');
    await tap(page, 'order-done');
    await page.locator('[data-testid^="home-favourite-"]').first().waitFor(WAIT);
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
  });

  it('reorders that favourite while driving: the favourite, then the confirmation', async () => {
    await control.drive(50);
    await control.send({ op: 'set', path: SIGNAL.fuelLevel, value: 10 });
    await waitForDriveState(page, 'MOVING');
    // Home while driving, with all it can show: stations on a low tank, an order, favourites.
    await page.getByTestId('low-energy-stations').waitFor(WAIT);
    await page.getByTestId('home-order').waitFor(WAIT);
    expect(await auditHere(page, true)).toEqual([]);
    const before = (await cloudGet<OrderList>(stack.cloud.url, '/v1/orders')).orders.length;
    await page.locator('[data-testid^="home-favourite-"]').first().click(); // tap 1
    await page.getByTestId('reorder-sheet').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('reorder-confirm').isEnabled(), WAIT).toBe(true);
    expect(await auditHere(page, true)).toEqual([]);
    await tap(page, 'reorder-confirm'); // tap 2
    await page.getByTestId('reorder-sheet').waitFor({ state: 'detached', ...WAIT });
    expect(await stackNames(page)).toEqual(['home']);
    const homeOrder = page.getByTestId('home-order').getByTestId('order-progress');
    await expect.poll(() => homeOrder.getAttribute('data-delivery'), WAIT).toBe('sent');
    await expect
      .poll(
        async () => (await cloudGet<OrderList>(stack.cloud.url, '/v1/orders')).orders.length,
        WAIT,
      )
      .toBe(before + 1);
    // Nothing moves on screen while driving, the order's progress included.
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await tap(page, 'home-order-open');
    await page.getByTestId('order-screen').waitFor(WAIT);
    expect(await auditHere(page, true)).toEqual([]);
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
  });

  it('refuses browsing while moving unless a passenger confirms with an occupied seat', async () => {
    await control.drive(50);
    await waitForDriveState(page, 'MOVING');
    await tap(page, 'nav-services');
    await page.getByTestId('screen-gate').waitFor(WAIT);
    expect(await page.getByTestId('category-coffee').count()).toBe(0);
    expect(await page.getByTestId('passenger-confirm').isDisabled()).toBe(true);

    await control.send({ op: 'set', path: SIGNAL.row1PassengerOccupancy, value: 'OCCUPIED' });
    await tap(page, 'passenger-confirm');
    await page.getByTestId('category-coffee').waitFor(WAIT);
    expect(await page.getByTestId('screen-gate').count()).toBe(0);
    await tap(page, 'category-coffee');
    await page.getByTestId(`merchant-${cafe.merchant.id}`).waitFor(WAIT);

    // The passenger gets out: the gate is back at once.
    await control.send({ op: 'set', path: SIGNAL.row1PassengerOccupancy, value: 'EMPTY' });
    await page.getByTestId('screen-gate').waitFor(WAIT);
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
  });

  it('keeps an order placed with the cloud down ("will send when connected"), then sends it once', async () => {
    await control.park();
    await waitForDriveState(page, 'PARKED');
    const port = portOf(stack.cloud.url);
    await stack.cloud.stop();
    await expect
      .poll(() => page.getByRole('status', { name: /Cloud: offline/ }).count(), WAIT)
      .toBe(1);

    // Merchants, menu and card come from the car's cache, and say so.
    await orderFromServices();
    expect(await progress().getAttribute('data-delivery')).toBe('queued');
    expect(await page.getByTestId('order-delivery').textContent()).toBe('Will send when connected');
    const clientOrderId = await page.getByTestId('order-screen').getAttribute('data-order');
    expect(clientOrderId).toBeTruthy();

    restartedCloud = await spawnService('cloud', join(PROJECT_ROOT, 'cloud/cli.ts'), [
      '--port',
      port,
      '--db',
      join(stack.dataDir, 'cloud.db'),
      '--order-step-ms',
      ORDER_STEP_MS,
    ]);
    await expect.poll(() => progress().getAttribute('data-delivery'), WAIT).toBe('sent');
    expect(await page.getByTestId('order-delivery').textContent()).toBe('Sent');
    const { orders } = await cloudGet<OrderList>(restartedCloud.url, '/v1/orders');
    expect(orders.filter((o) => o.clientOrderId === clientOrderId)).toHaveLength(1);
    // The push channel reconnects after the cloud's restart, so progress is live again.
    await expect.poll(() => progress().getAttribute('data-state'), WAIT).toBe('ready');
  });
});
