import type { Page } from 'playwright-core';
import { median, round } from '../stats.ts';

export interface Frames {
  durationMs: number;
  frames: number;
  /** Frames counted in each whole second. */
  perSecond: number[];
  medianFps: number | null;
}

/** requestAnimationFrame counted per second while the signals stream; the median second. */
export async function measureFrames(page: Page, durationMs: number): Promise<Frames> {
  await page.evaluate(() => window.__dashportBench!.startFrames());
  await page.waitForTimeout(durationMs + 100);
  const times = await page.evaluate(() => window.__dashportBench!.stopFrames());
  const perSecond: number[] = [];
  const first = times[0];
  if (first !== undefined) {
    for (let s = 0; s < Math.floor(durationMs / 1000); s++) {
      perSecond.push(
        times.filter((t) => t >= first + s * 1000 && t < first + (s + 1) * 1000).length,
      );
    }
  }
  return { durationMs, frames: times.length, perSecond, medianFps: round(median(perSecond), 1) };
}
