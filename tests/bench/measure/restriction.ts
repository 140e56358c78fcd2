import type { Page } from 'playwright-core';
import { GEAR, SIGNAL } from '../../../common/vss/signals.ts';
import type { VehicleControl } from '../../e2e/vehicleControl.ts';
import { round, summarise, type Summary } from '../stats.ts';

export interface Restriction {
  crossings: number;
  trigger: string;
  /** Bridge dp.ts of the triggering write to the presented restricted frame, ms. */
  samples: number[];
  total: Summary;
  /** Of which: dp.ts to arrival in the page (subscription period, transport). */
  delivery: Summary;
}

/** What must hold once the car moves, on the settings screen: its gate, and none of its controls. */
const GATE = '[data-testid="screen-gate"]';
const SETTINGS_CONTROLS =
  '[data-testid^="language-"], [data-testid^="distance-unit-"], [data-testid^="theme-"]';
const CRUISE_KMH = 30;

/**
 * Drive-state edge to restricted UI: parked on the settings screen, the control channel puts
 * the car in Drive at speed; measured from the bridge's dp.ts of that write to the presented
 * frame in which the gate shows and no settings control is left enabled.
 *
 * The trigger is leaving Park with the speed already set, not the speed leaving 0: in the dev
 * variant IDLING (Drive, 0 km/h) is as restricted as MOVING, so PARKED -> not PARKED is the
 * only edge at which controls change.
 */
export async function measureRestriction(
  page: Page,
  vehicle: VehicleControl,
  crossings: number,
): Promise<Restriction> {
  await page.evaluate(() => window.dashportTest!.store.getState().reset({ name: 'settings' }));
  const samples: number[] = [];
  const delivery: number[] = [];
  for (let i = 0; i < crossings; i++) {
    await vehicle.park();
    await page.waitForFunction(
      ([gate, controls]) =>
        window.dashportTest!.store.getState().driveState === 'PARKED' &&
        !document.querySelector(gate) &&
        document.querySelector(controls) !== null,
      [GATE, SETTINGS_CONTROLS] as const,
      { timeout: 10_000 },
    );
    await vehicle.setSpeed(CRUISE_KMH); // still PARKED: gear P wins
    // Spread the trigger over the subscription period so the figures cover every phase.
    await page.waitForTimeout(50 + ((i * 37) % 200));
    const restricted = page.evaluate(
      ([controls, gate, path]) => window.__dashportBench!.whenRestricted(controls, gate, path),
      [SETTINGS_CONTROLS, GATE, SIGNAL.selectedGear] as const,
    );
    await vehicle.send({ op: 'set', path: SIGNAL.selectedGear, value: GEAR.drive });
    const leg = await restricted;
    samples.push(round(leg.total, 1)!);
    delivery.push(round(leg.delivery, 1)!);
  }
  return {
    crossings,
    trigger: `SelectedGear ${GEAR.park} -> ${GEAR.drive} at ${CRUISE_KMH} km/h, settings screen`,
    samples,
    total: summarise(samples),
    delivery: summarise(delivery),
  };
}
