import type { Browser } from 'playwright-core';
import type { Variant } from '../../../common/variant.schema.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromiumOnProfile } from '../../e2e/browser.ts';
import { openHeadUnitPage, openPageIn, waitInteractive } from '../headUnit.ts';
import { tapNav } from './transitions.ts';
import type { StartupBreakdown } from '../page/probe.ts';
import { median, round } from '../stats.ts';

/** One timing of app and bare page, run alternately: every sample, both medians, their ratio. */
export interface SideBySide {
  runs: number;
  appMs: number[];
  bareMs: number[];
  appMedianMs: number | null;
  bareMedianMs: number | null;
  /** app / bare, medians. */
  ratio: number | null;
}

export interface ColdStart extends SideBySide {
  /** Median of each start-up milestone (ms since navigation start), app and bare. */
  appBreakdown: Record<keyof StartupBreakdown, number | null>;
  bareBreakdown: Record<keyof StartupBreakdown, number | null>;
  /** Script URLs each page fetched before interactive, from its last run. */
  appScripts: string[];
  bareScripts: string[];
  /** Each app run's first tap (Lease) right after interactive, before the screens' preload. */
  firstTransitionMs: number[];
}

function medianBreakdown(runs: StartupBreakdown[]): Record<keyof StartupBreakdown, number | null> {
  const keys = [
    'responseEnd',
    'domContentLoaded',
    'hostState',
    'firstContentfulPaint',
    'bridgeToken',
    'bridgeConnected',
    'firstSample',
    'interactive',
  ] as const;
  return Object.fromEntries(
    keys.map((k) => {
      const values = runs.map((r) => r[k]).filter((v): v is number => v !== null);
      return [k, round(median(values), 1)];
    }),
  ) as Record<keyof StartupBreakdown, number | null>;
}

/**
 * Navigation start to the speed readout showing a number, each run in a fresh context (empty
 * cache), app and bare page alternating so both see the same machine load.
 */
export async function measureColdStart(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  panel: Variant['panel'],
  runs: number,
): Promise<ColdStart> {
  const appMs: number[] = [];
  const bareMs: number[] = [];
  const appSteps: StartupBreakdown[] = [];
  const bareSteps: StartupBreakdown[] = [];
  let appScripts: string[] = [];
  let bareScripts: string[] = [];
  const firstTransitionMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [url, into, steps] of [
      [appUrl, appMs, appSteps],
      [bareUrl, bareMs, bareSteps],
    ] as const) {
      const run = await openHeadUnitPage(browser, url, panel);
      try {
        into.push(round(await waitInteractive(run), 1)!);
        // The tap first, at once; then what the start left in the page's performance timeline.
        if (url === appUrl) firstTransitionMs.push(await tapNav(run, 'lease'));
        steps.push(await run.page.evaluate(() => window.__dashportBench!.startupBreakdown()));
        const scripts = await run.page.evaluate(() =>
          window.__dashportBench!.scriptsBeforeInteractive(),
        );
        if (url === appUrl) appScripts = scripts;
        else bareScripts = scripts;
      } finally {
        await run.close();
      }
    }
  }
  return {
    ...sideBySide(runs, appMs, bareMs),
    appBreakdown: medianBreakdown(appSteps),
    bareBreakdown: medianBreakdown(bareSteps),
    appScripts,
    bareScripts,
    firstTransitionMs,
  };
}

export interface IgnitionStart extends SideBySide {
  /** Starts on the profile before the one timed. */
  earlierStarts: number;
  /** Median of each start-up milestone of the timed starts, app and bare. */
  appBreakdown: Record<keyof StartupBreakdown, number | null>;
  bareBreakdown: Record<keyof StartupBreakdown, number | null>;
}

/**
 * The start at an ignition: the whole browser starts again on a profile kept on disk, which has
 * seen `earlierStarts` starts before (days of driving). Chromium keeps a script's V8 code cache
 * only once it has run it twice before, so the second start alone never shows it; a unit starts
 * many times. Timed as the cold start is, app and bare page alternating, a fresh profile per run.
 */
export async function measureIgnitionStart(
  appUrl: string,
  bareUrl: string,
  panel: Variant['panel'],
  runs: number,
  profilesDir: string,
  earlierStarts = 3,
): Promise<IgnitionStart> {
  const appMs: number[] = [];
  const bareMs: number[] = [];
  const appSteps: StartupBreakdown[] = [];
  const bareSteps: StartupBreakdown[] = [];
  const viewport = { width: panel.widthPx, height: panel.heightPx };
  for (let i = 0; i < runs; i++) {
    for (const [url, into, steps] of [
      [appUrl, appMs, appSteps],
      [bareUrl, bareMs, bareSteps],
    ] as const) {
      const profile = mkdtempSync(join(profilesDir, 'profile-'));
      try {
        for (let start = 0; start <= earlierStarts; start++) {
          const browser = await launchChromiumOnProfile(profile, viewport);
          try {
            const run = await openPageIn(browser, url);
            const ms = round(await waitInteractive(run), 1)!;
            if (start === earlierStarts) {
              into.push(ms);
              // Read once the time is taken, as after a cold start.
              steps.push(await run.page.evaluate(() => window.__dashportBench!.startupBreakdown()));
            }
            // As before an ignition cut: the idle preload done, the caches written.
            else await run.page.waitForTimeout(2000);
          } finally {
            await browser.close();
          }
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }
  }
  return {
    ...sideBySide(runs, appMs, bareMs),
    earlierStarts,
    appBreakdown: medianBreakdown(appSteps),
    bareBreakdown: medianBreakdown(bareSteps),
  };
}

/** App and bare page timed in one run: both medians and their ratio. */
function sideBySide(runs: number, appMs: number[], bareMs: number[]): SideBySide {
  const appMedianMs = median(appMs);
  const bareMedianMs = median(bareMs);
  return {
    runs,
    appMs,
    bareMs,
    appMedianMs,
    bareMedianMs,
    ratio: appMedianMs !== null && bareMedianMs ? round(appMedianMs / bareMedianMs, 2) : null,
  };
}
