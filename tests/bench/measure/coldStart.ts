import type { Browser } from 'playwright-core';
import type { Variant } from '../../../common/variant.schema.ts';
import { newHeadUnitContext, openHeadUnitPage, openPageIn, waitInteractive } from '../headUnit.ts';
import { tapNav } from './transitions.ts';
import type { StartupBreakdown } from '../page/probe.ts';
import { median, round } from '../stats.ts';

export interface ColdStart {
  runs: number;
  appMs: number[];
  bareMs: number[];
  appMedianMs: number | null;
  bareMedianMs: number | null;
  /** app / bare, medians. */
  ratio: number | null;
  /** Median of each start-up milestone (ms since navigation start), app and bare. */
  appBreakdown: Record<keyof StartupBreakdown, number | null>;
  bareBreakdown: Record<keyof StartupBreakdown, number | null>;
  /** Script URLs each page fetched before interactive, from its last run. */
  appScripts: string[];
  bareScripts: string[];
  /** Each app run's first tap (Lease) right after interactive, before the idle preload. */
  firstTransitionMs: number[];
}

function medianBreakdown(runs: StartupBreakdown[]): Record<keyof StartupBreakdown, number | null> {
  const keys = [
    'responseEnd',
    'domContentLoaded',
    'booted',
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
        into.push(round(await waitInteractive(run.page), 1)!);
        steps.push(await run.page.evaluate(() => window.__dashportBench!.startupBreakdown()));
        const scripts = await run.page.evaluate(() =>
          window.__dashportBench!.scriptsBeforeInteractive(),
        );
        if (url === appUrl) {
          appScripts = scripts;
          firstTransitionMs.push(await tapNav(run.page, 'lease'));
        } else bareScripts = scripts;
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

/** One timing of app and bare page, run alternately: every sample, both medians, their ratio. */
export interface IgnitionStart {
  runs: number;
  appMs: number[];
  bareMs: number[];
  appMedianMs: number | null;
  bareMedianMs: number | null;
  /** app / bare, medians. */
  ratio: number | null;
}

/**
 * The start at the next ignition: the profile kept (in browser mode, Chromium's HTTP and code
 * caches), so a second page in the same context, timed as the cold start is, app and bare
 * alternating.
 */
export async function measureIgnitionStart(
  browser: Browser,
  appUrl: string,
  bareUrl: string,
  panel: Variant['panel'],
  runs: number,
): Promise<IgnitionStart> {
  const appMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [url, into] of [
      [appUrl, appMs],
      [bareUrl, bareMs],
    ] as const) {
      const context = await newHeadUnitContext(browser, panel);
      try {
        const first = await openPageIn(context, url);
        await waitInteractive(first.page);
        // Let the idle preload finish, as it would have in the drive before the ignition cut.
        await first.page.waitForTimeout(3000);
        await first.close();
        const again = await openPageIn(context, url);
        into.push(round(await waitInteractive(again.page), 1)!);
      } finally {
        await context.close();
      }
    }
  }
  return sideBySide(runs, appMs, bareMs);
}

/** App and bare page timed in one run: both medians and their ratio. */
function sideBySide(runs: number, appMs: number[], bareMs: number[]): IgnitionStart {
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
