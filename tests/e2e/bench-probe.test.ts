import { beforeAll, describe, expect, it } from 'vitest';
import type { HeadUnitPage } from '../bench/headUnit.ts';
import { useProbeSite } from './probeSite.ts';

/**
 * The bench dates a DOM change's presentation by the frames around it (tests/bench/page/probe.ts).
 * Each change here also records the frames that really followed it, so the probe's answer can be
 * checked against them: a change made in a frame's rAF phase is presented when the next frame
 * begins, any other change one frame later, and none before it was made. Frames run long (a rAF
 * callback keeps the main thread busy), so taps arrive while a frame is being made: the case
 * where an input task runs after the frame has rendered but still looked inside it.
 */
const PAGE = `<!doctype html><link rel="icon" href="data:,">
<button id="tap" style="width:200px;height:80px">tap</button><p id="out">0</p>
<script>
  function busy() {
    const end = performance.now() + 25;
    while (performance.now() < end);
    requestAnimationFrame(busy);
  }
  requestAnimationFrame(busy);
  window.checks = [];
  // Makes a change now and asks the probe when it is on the glass; notes the frames that follow.
  window.change = (where) => {
    const out = document.getElementById('out');
    out.textContent = String(Number(out.textContent) + 1);
    const check = { where, madeAt: performance.now(), askedAt: 0 };
    window.checks.push(check);
    window.__dashportBench.whenPresented((ts) => (check.presented = ts));
    check.askedAt = performance.now();
    requestAnimationFrame((a) => {
      check.next = a;
      requestAnimationFrame((b) => (check.afterNext = b));
    });
  };
  document.getElementById('tap').addEventListener('pointerdown', () => window.change('input'));
  window.inFrames = (n) => {
    const step = () => {
      window.change('raf');
      if (--n > 0) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  };
</script>`;

interface Check {
  where: 'input' | 'raf';
  madeAt: number;
  /** The probe was asked between madeAt and askedAt. */
  askedAt: number;
  presented?: number;
  next?: number;
  afterNext?: number;
}

describe('bench probe: when a change reaches the glass (real Chromium, throttled)', () => {
  const site = useProbeSite({ 'index.html': PAGE });
  let run: HeadUnitPage;
  beforeAll(async () => {
    run = await site.open();
  });

  it('dates taps and rAF-phase changes by the frames that really follow them', async () => {
    for (let i = 0; i < 12; i++) {
      await run.page.click('#tap');
      await run.page.waitForTimeout(40 + 13 * i);
    }
    await run.page.evaluate(() =>
      (window as unknown as { inFrames(n: number): void }).inFrames(12),
    );
    await run.page.waitForFunction(() => {
      const checks = (window as unknown as { checks: Check[] }).checks;
      return (
        checks.length === 24 &&
        checks.every((c) => c.presented !== undefined && c.afterNext !== undefined)
      );
    });
    const checks = await run.page.evaluate(() => (window as unknown as { checks: Check[] }).checks);
    for (const c of checks) {
      // A rAF-phase change is in this frame, on the glass when the next begins; a tap's change is
      // painted in the next frame, on the glass when the one after it begins. A long frame can
      // begin the next before the change was made: then the change's own time counts.
      const frame = c.where === 'raf' ? c.next! : c.afterNext!;
      expect(c.presented, JSON.stringify(c)).toBeGreaterThanOrEqual(Math.max(frame, c.madeAt));
      expect(c.presented, JSON.stringify(c)).toBeLessThanOrEqual(Math.max(frame, c.askedAt));
    }
    expect(checks.filter((c) => c.where === 'input')).toHaveLength(12);
    expect(run.errors).toEqual([]);
  });
});
