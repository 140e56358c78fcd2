import type { Page } from 'playwright-core';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { summarise, type Summary } from '../stats.ts';

export interface ValueToPixel {
  durationMs: number;
  samples: number;
  /** Bridge dp.ts to the presented frame showing the value. */
  total: Summary;
  /** Of which: dp.ts to arrival in the page (subscription period, transport). */
  delivery: Summary;
}

/**
 * For every new speed the readout shows while the bridge streams: the bridge's dp.ts of that
 * value to the estimated presentation of the frame that shows it (see page/probe.ts).
 */
export async function measureValueToPixel(page: Page, durationMs: number): Promise<ValueToPixel> {
  await page.evaluate((path) => window.__dashportBench!.startValueToPixel(path), SIGNAL.speed);
  await page.waitForTimeout(durationMs);
  const legs = await page.evaluate(() => window.__dashportBench!.stopValueToPixel());
  return {
    durationMs,
    samples: legs.length,
    total: summarise(legs.map((l) => l.total)),
    delivery: summarise(legs.map((l) => l.delivery)),
  };
}
