import type { CDPSession } from 'playwright-core';
import { round } from '../stats.ts';

export interface Heap {
  /** Wall-clock length of the replayed drive, and the drive time it covers. */
  wallMs: number;
  driveMs: number;
  /** Used JS heap after a forced GC, sampled through the run (MB). */
  samples: { atMs: number; usedMB: number }[];
  finalMB: number | null;
  midMB: number | null;
  /** (final - mid) / mid, percent: growth over the last half. */
  lastHalfGrowthPercent: number | null;
}

const MB = 1024 * 1024;

async function usedAfterGc(cdp: CDPSession): Promise<number> {
  // Garbage first: what matters is what the app keeps, not what it has not collected yet.
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

/** Samples the renderer's JS heap while a drive replays, every `everyMs`, for `wallMs`. */
export async function measureHeap(
  cdp: CDPSession,
  wallMs: number,
  driveMs: number,
  everyMs: number,
): Promise<Heap> {
  const started = Date.now();
  const samples: Heap['samples'] = [];
  samples.push({ atMs: 0, usedMB: round(await usedAfterGc(cdp), 2)! });
  while (Date.now() - started < wallMs) {
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(everyMs, wallMs - (Date.now() - started))),
    );
    samples.push({ atMs: Date.now() - started, usedMB: round(await usedAfterGc(cdp), 2)! });
  }
  const final = samples.at(-1)?.usedMB ?? null;
  const mid =
    samples.reduce<Heap['samples'][number] | null>(
      (best, s) =>
        !best || Math.abs(s.atMs - wallMs / 2) < Math.abs(best.atMs - wallMs / 2) ? s : best,
      null,
    )?.usedMB ?? null;
  return {
    wallMs,
    driveMs,
    samples,
    finalMB: final,
    midMB: mid,
    lastHalfGrowthPercent: final !== null && mid ? round(((final - mid) / mid) * 100, 1) : null,
  };
}
