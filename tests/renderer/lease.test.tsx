import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivedRecords } from '../../cloud/audit.ts';
import { projectMileage } from '../../common/lease/projection.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { mileageContractOf } from '../../renderer/features/lease/leaseModel.ts';
import { formatMoney } from '../../renderer/ui/format.ts';
import { DRIVING, PARKED, renderApp, type Harness } from './harness.tsx';
import { feedCar, tap, WAIT } from './servicesSupport.ts';

let app: Harness | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** 20,000 km on the clock: far over the dev lease's pace (7,500 km a year from 2,000 km). */
const ODOMETER_M = 20_000_000;
const ODO = SIGNAL.traveledDistance;

/** Drives `metres` in plausible steps (each a later reading), as a moving car reports them. */
async function drive(h: Harness, fromM: number, metres: number): Promise<number> {
  let odometer = fromM;
  for (let done = 0; done < metres; done += 400) {
    await new Promise((r) => setTimeout(r, 5));
    odometer += 400;
    feedCar(h, { [ODO]: odometer });
  }
  return odometer;
}

describe('lease screen', () => {
  it('shows the gauge and one line while driving; details only when parked', async () => {
    app = await renderApp();
    feedCar(app, { ...DRIVING, [ODO]: ODOMETER_M });
    await tap('nav-lease');
    const line = await screen.findByTestId('lease-line', {}, WAIT);
    expect(line.dataset.status).toBe('over_pace');
    expect(screen.getByTestId('lease-gauge').dataset.over).toBe('true');
    expect(screen.queryByTestId('lease-details')).toBeNull();
    expect(screen.queryByTestId('lease-contract')).toBeNull();
    expect(screen.queryByTestId('lease-pay')).toBeNull();

    feedCar(app, PARKED);
    expect(await screen.findByTestId('lease-details', {}, WAIT)).toBeTruthy();
    expect(screen.getByTestId('lease-pay')).toBeTruthy();
    // The rest is in tabs beside the title, one at a time, so the panel never scrolls.
    expect(screen.queryByTestId('lease-contract')).toBeNull();
    await tap('lease-tab-contract');
    expect(screen.getByTestId('lease-contract').textContent).toMatch(/Contract/);
    expect(screen.queryByTestId('lease-pay')).toBeNull();
  });

  it('computes its numbers from the account and the live odometer', async () => {
    app = await renderApp();
    feedCar(app, { ...PARKED, [ODO]: ODOMETER_M });
    await tap('nav-lease');
    await screen.findByTestId('lease-details', {}, WAIT);
    const { account } = await app.client.call('account.get');
    const contract = mileageContractOf(account);
    if (!contract) throw new Error('the dev account has an allowance');
    const expected = projectMileage({ contract, odometerM: ODOMETER_M, now: Date.now() });
    const gauge = screen.getByTestId('lease-gauge');
    expect(Number(gauge.dataset.used)).toBe(expected.usedUnits);
    expect(
      Math.abs(Number(gauge.dataset.allowed) - expected.allowedToDateUnits),
    ).toBeLessThanOrEqual(2);
    await tap('lease-tab-mileage');
    const cost = screen.getByTestId('lease-overage-cost').textContent ?? '';
    expect(expected.projectedOverageCostMinor).toBeGreaterThan(0);
    // The screen's clock ticks by the minute: the cost may differ by a unit's fee at most.
    const shown = Number(cost.replace(/[^0-9]/g, ''));
    expect(Math.abs(shown - expected.projectedOverageCostMinor)).toBeLessThanOrEqual(
      contract.excessFeeMinorPerUnit * 2,
    );
    // The glanceable line carries the same projected cost as the details.
    await tap('lease-tab-overview');
    expect(screen.getByTestId('lease-pace').textContent).toContain(`${cost} projected`);
    expect(cost).toBe(formatMoney(shown, account.contract.currency, 'en'));
    expect(screen.getByTestId('lease-remaining').textContent).toBe(
      String(account.contract.paymentsRemaining),
    );
  });

  it('today’s drive moves with the odometer, and nothing about it leaves the car by default', async () => {
    app = await renderApp();
    feedCar(app, { ...DRIVING, [ODO]: ODOMETER_M });
    await tap('nav-lease');
    await waitFor(() => expect(screen.getByTestId('lease-today').dataset.units).toBe('0'), WAIT);
    const before = Number(screen.getByTestId('lease-gauge').dataset.used);
    await drive(app, ODOMETER_M, 2_400);
    await waitFor(() => expect(screen.getByTestId('lease-today').dataset.units).toBe('2'), WAIT);
    expect(Number(screen.getByTestId('lease-gauge').dataset.used)).toBe(before + 2);
    const records = receivedRecords(app.cloud.db);
    expect(records.filter((r) => r.odometerM !== null || r.position !== null)).toEqual([]);
  });
});

describe('extra mileage', () => {
  it('buys a pack in Park after a confirmation, at the contract price, once', async () => {
    app = await renderApp();
    feedCar(app, { ...PARKED, [ODO]: ODOMETER_M });
    await tap('nav-lease');
    await tap('lease-tab-mileage');
    const pack = await screen.findByTestId('lease-pack-km-1000', {}, WAIT);
    expect(pack.textContent).toBe('+1,000 km for $180.00');
    await tap('lease-pack-km-1000');
    expect(screen.getByTestId('lease-pack-confirm-text').textContent).toBe(
      'Add +1,000 km for $180.00, paid with card ···4242?',
    );
    // Nothing is bought before the second tap.
    const bought = () =>
      app!.cloud.db.prepare('SELECT pack_id, price_minor FROM mileage_pack_purchases').all();
    expect(bought()).toEqual([]);
    await tap('lease-pack-confirm');
    await screen.findByTestId('lease-pack-bought', {}, WAIT);
    expect(bought()).toEqual([{ pack_id: 'km-1000', price_minor: 18_000 }]);
  });

  it('is not offered while driving', async () => {
    app = await renderApp();
    feedCar(app, { ...DRIVING, [ODO]: ODOMETER_M });
    await tap('nav-lease');
    await screen.findByTestId('lease-line', {}, WAIT);
    expect(screen.queryByTestId('lease-packs')).toBeNull();
  });
});

describe('lease end checklist', () => {
  it('near the end: countdown, inspection, the buy quote and a test drive', async () => {
    app = await renderApp();
    feedCar(app, { ...PARKED, [ODO]: ODOMETER_M });
    await tap('nav-lease');
    await tap('lease-open-end');
    const countdown = await screen.findByTestId('lease-end-countdown', {}, WAIT);
    expect(Number(countdown.dataset.days)).toBeLessThanOrEqual(120);
    await tap('lease-end-inspection-slots');
    const slot = await waitFor(() => {
      const el = document.querySelector<HTMLButtonElement>('[data-testid^="lease-end-slot-"]');
      if (!el) throw new Error('no slot yet');
      return el;
    }, WAIT);
    await tap(slot.dataset.testid ?? '');
    await screen.findByTestId('lease-end-inspection-booked', {}, WAIT);
    expect(screen.getByTestId('lease-end-buy').textContent).toMatch(/Buy for \$/);
    await tap('lease-end-buy');
    await waitFor(
      () => expect(screen.getByTestId('lease-end-chosen').dataset.choice).toBe('buy'),
      WAIT,
    );
    await tap('lease-end-book-test-drive');
    expect(app.store.getState().stack.map((s) => s.name)).toContain('testDrives');
  });
});

describe('consent centre', () => {
  it('one switch per purpose, off by default, given and withdrawn with a tap each', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    // From Settings: consent is a setup task, not a nav-bar destination.
    await tap('nav-settings');
    await tap('settings-consent');
    // Two purposes a page, so the panel never scrolls; the pager turns to the other two.
    for (const page of [
      ['location', 'personalised_offers'],
      ['usage_analytics', 'mileage_sharing'],
    ]) {
      for (const purpose of page) {
        const toggle = await screen.findByTestId(`consent-${purpose}-toggle`, {}, WAIT);
        expect(toggle.getAttribute('aria-pressed')).toBe('false');
      }
      if (page[0] === 'location') {
        expect(screen.getByTestId('consent-page').textContent).toBe('1 of 2');
        expect(screen.queryByTestId('consent-mileage_sharing-toggle')).toBeNull();
        await tap('consent-next');
      }
    }
    expect(screen.getByTestId('consent-page').textContent).toBe('2 of 2');
    await tap('consent-mileage_sharing-toggle');
    await waitFor(
      () =>
        expect(
          screen.getByTestId('consent-mileage_sharing-toggle').getAttribute('aria-pressed'),
        ).toBe('true'),
      WAIT,
    );
    expect(screen.getByTestId('consent-mileage_sharing-updated').textContent).toMatch(/Turned on/);
    await tap('consent-mileage_sharing-toggle');
    await waitFor(
      () =>
        expect(screen.getByTestId('consent-mileage_sharing-updated').textContent).toMatch(
          /Turned off/,
        ),
      WAIT,
    );
    const view = await app.client.call('consent.get');
    expect(view.consents.every((c) => !c.granted)).toBe(true);
    // Not a task while driving.
    feedCar(app, DRIVING);
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
  });
});

describe('offers', () => {
  it('only in Park; never while idling or moving, and nothing is asked then', async () => {
    app = await renderApp();
    feedCar(app, { [SIGNAL.selectedGear]: 1, [SIGNAL.speed]: 0 });
    await tap('nav-offers');
    expect(screen.getByTestId('screen-gate')).toBeTruthy();
    expect(receivedRecords(app.cloud.db).some((r) => r.route === '/v1/offers')).toBe(false);
    feedCar(app, PARKED);
    await screen.findByTestId('offer-civic-roasters-welcome', {}, WAIT);
    expect(screen.getByTestId('offers-kind').textContent).toMatch(/General/);
    await tap('offer-mute-sf-civic-roasters');
    await waitFor(
      () => expect(screen.queryByTestId('offer-civic-roasters-welcome')).toBeNull(),
      WAIT,
    );
    // The way back names the merchant, not its id.
    expect(screen.getByTestId('offer-unmute-sf-civic-roasters').textContent).toBe(
      'Unmute Civic Center Roasters',
    );
    await tap('offers-mute-all');
    await screen.findByTestId('offers-muted-all', {}, WAIT);
  });
});

describe('an offer for a car', () => {
  it('opens the test-drive booking for the model it names', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    await tap('nav-offers');
    const book = await screen.findByTestId('offer-test-drive-ex3-meet', {}, WAIT);
    expect(book.textContent).toBe('Book a test drive');
    await tap('offer-test-drive-ex3-meet');
    expect(app.store.getState().stack.at(-1)).toEqual({ name: 'testDrives', modelId: 'ex3' });
    await screen.findByRole('heading', { name: /EX3/ }, WAIT);
  });
});

describe('test drives', () => {
  it('browse a model, book a slot and cancel it', async () => {
    app = await renderApp();
    feedCar(app, PARKED);
    act(() => app!.store.getState().reset({ name: 'testDrives' }));
    const model = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-testid^="test-drive-model-"]');
      if (!el) throw new Error('no model yet');
      return el;
    }, WAIT);
    await tap(model.dataset.testid ?? '');
    const slot = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-testid^="test-drive-slot-"]');
      if (!el) throw new Error('no slot yet');
      return el;
    }, WAIT);
    await tap(slot.dataset.testid ?? '');
    await screen.findByTestId('test-drive-bookings', {}, WAIT);
    await tap('test-drive-cancel');
    await waitFor(() => expect(screen.queryByTestId('test-drive-bookings')).toBeNull(), WAIT);
  });
});
