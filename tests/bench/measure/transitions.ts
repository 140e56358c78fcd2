import type { Page } from 'playwright-core';
import { round, summarise, type Summary } from '../stats.ts';

/** The nav entries a transition run cycles through, home last so each tap changes screen. */
export const NAV_CYCLE = ['services', 'lease', 'offers', 'settings', 'home'] as const;

export interface Transitions {
  /** Taps right after a cold start, before the idle preload: they include a chunk's load. */
  first: number[];
  /** Taps on a page that has been up a while (chunks preloaded). */
  warm: number[];
  total: Summary;
}

/** One tap on a nav entry, timed from pointerdown to the presented frame of the new screen. */
export async function tapNav(page: Page, name: string): Promise<number> {
  const selector = `[data-testid="nav-${name}"]`;
  const shown = page.evaluate(([s, n]) => window.__dashportBench!.watchScreen(s, n), [
    selector,
    name,
  ] as const);
  await page.click(selector);
  return round(await shown, 1)!;
}

/** Parked, on a page up a while: every nav entry in turn, `rounds` times. */
export async function measureWarmTransitions(page: Page, rounds: number): Promise<number[]> {
  await page.evaluate(() => window.dashportTest!.store.getState().reset({ name: 'home' }));
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const name of NAV_CYCLE) {
      samples.push(await tapNav(page, name));
      await page.waitForTimeout(100);
    }
  }
  return samples;
}

export function transitions(first: number[], warm: number[]): Transitions {
  return { first, warm, total: summarise([...first, ...warm]) };
}
