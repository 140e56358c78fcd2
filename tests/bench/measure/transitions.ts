import { timedTap, type HeadUnitPage } from '../headUnit.ts';
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
export async function tapNav(run: HeadUnitPage, name: string): Promise<number> {
  return round(await timedTap(run, 'screen', `[data-testid="nav-${name}"]`, name), 1)!;
}

/** Parked, on a page up a while: every nav entry in turn, `rounds` times. */
export async function measureWarmTransitions(run: HeadUnitPage, rounds: number): Promise<number[]> {
  const { page } = run;
  await page.evaluate(() => window.dashportTest!.store.getState().reset({ name: 'home' }));
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const name of NAV_CYCLE) {
      samples.push(await tapNav(run, name));
      await page.waitForTimeout(100);
    }
  }
  return samples;
}

export function transitions(first: number[], warm: number[]): Transitions {
  return { first, warm, total: summarise([...first, ...warm]) };
}
