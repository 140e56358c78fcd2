import { timedTap, type HeadUnitPage } from '../headUnit.ts';
import { round, summarise, type Summary } from '../stats.ts';

export interface TapFeedback {
  taps: number;
  target: string;
  samples: number[];
  total: Summary;
}

/**
 * Parked, settings screen: tap a distance-unit choice and time pointerdown to the presented
 * frame in which it shows as chosen (aria-pressed). The choice is saved by the host first, so
 * this includes the host round trip, as a real tap does.
 */
export async function measureTapFeedback(run: HeadUnitPage, taps: number): Promise<TapFeedback> {
  const { page } = run;
  await page.evaluate(() => window.dashportTest!.store.getState().reset({ name: 'settings' }));
  const samples: number[] = [];
  for (let i = 0; i < taps; i++) {
    const unit = i % 2 === 0 ? 'mi' : 'km';
    const selector = `[data-testid="distance-unit-${unit}"]`;
    await page.waitForFunction(
      (s) => document.querySelector(s)?.getAttribute('aria-pressed') === 'false',
      selector,
      { timeout: 10_000 },
    );
    samples.push(round(await timedTap(run, 'tap', selector, 'aria-pressed'), 1)!);
    await page.waitForTimeout(100);
  }
  return {
    taps,
    target: 'settings: distance unit km/mi',
    samples,
    total: summarise(samples),
  };
}
