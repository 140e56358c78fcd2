import { describe, expect, it } from 'vitest';
import { newHeadUnitContext, timedTap, waitInteractive } from '../bench/headUnit.ts';
import { devVariant } from '../support/devVariant.ts';
import { useProbeSite } from './probeSite.ts';

const SHOWS_AFTER_MS = 300;
/** A page whose speed readout shows a number some time after load, as the app's does. */
const LIVE_PAGE = `<!doctype html><link rel="icon" href="data:,">
<p>speed <span data-testid="speed-value">--</span></p>
<button data-testid="choice" aria-pressed="false" style="width:200px;height:80px">km</button>
<script>
  const choice = document.querySelector('[data-testid="choice"]');
  choice.addEventListener('click', () => choice.setAttribute('aria-pressed', 'true'));
  setTimeout(() => {
    document.querySelector('[data-testid="speed-value"]').textContent = '42';
  }, ${SHOWS_AFTER_MS});
</script>`;
const DEAD_PAGE = `<!doctype html><link rel="icon" href="data:,">
<p>speed <span data-testid="speed-value">--</span></p>`;

interface Parsed {
  scriptId: string;
  url: string;
  length: number;
}

/**
 * The bench's wait for a start to end (waitInteractive) and its taps (timedTap) must not slow the
 * page they time. Playwright's waitForFunction and click compiled its 330 KB injected script in
 * the page first: about 100 ms of a throttled main thread, which landed inside the app's start but
 * after the bare page's, and delayed the tap meant to come right after the start.
 */
describe('bench: waiting for live values and tapping (real Chromium, throttled)', () => {
  const site = useProbeSite({ 'index.html': LIVE_PAGE, 'dead.html': DEAD_PAGE });

  /** Opens `path` as the bench does, noting every script the page compiles from the start. */
  async function open(path: string) {
    const parsed: Parsed[] = [];
    const run = await site.open(path, (cdp) => {
      cdp.on('Debugger.scriptParsed', (e) =>
        parsed.push({ scriptId: e.scriptId, url: e.url, length: e.length ?? 0 }),
      );
      return cdp.send('Debugger.enable');
    });
    return { ...run, parsed };
  }

  it('waits, then taps, and compiles no test-tool script in the page', async () => {
    const run = await open('/');
    const ms = await waitInteractive(run);
    expect(ms).toBeGreaterThanOrEqual(SHOWS_AFTER_MS);
    const tapMs = await timedTap(run, 'tap', '[data-testid="choice"]', 'aria-pressed');
    expect(tapMs).toBeGreaterThan(0);
    expect(tapMs).toBeLessThan(1_000);
    const compiled = [...run.parsed];
    expect(await run.page.evaluate(() => window.__dashportBench!.coldStart())).toBe(ms);
    expect(await run.page.getAttribute('[data-testid="choice"]', 'aria-pressed')).toBe('true');
    // Until then: the probe, the page's own script and the one-line expressions sent over CDP.
    const sources = await Promise.all(
      compiled.map(async (s) => ({
        ...s,
        source: (await run.cdp.send('Debugger.getScriptSource', { scriptId: s.scriptId }))
          .scriptSource,
      })),
    );
    const isProbe = (source: string) => source.includes('function whenInteractive');
    expect(sources.filter((s) => isProbe(s.source))).toHaveLength(1);
    const foreign = sources.filter((s) => !s.url.startsWith(site.url) && !isProbe(s.source));
    expect(foreign.reduce((sum, s) => sum + s.length, 0)).toBeLessThan(1_000);
  });

  it('says what is missing when there is nothing to tap', async () => {
    const run = await open('/');
    await waitInteractive(run);
    await expect(timedTap(run, 'screen', '[data-testid="nav-lease"]', 'lease')).rejects.toThrow(
      /nothing to tap: \[data-testid="nav-lease"\]/,
    );
  });

  it('fails with a clear error when the readout never shows a number', async () => {
    const run = await open('/dead.html');
    await expect(waitInteractive(run, 1_500)).rejects.toThrow(
      'no live values on the page within 1500 ms',
    );
  });

  it('fails with a clear error when the page has no probe', async () => {
    const context = await newHeadUnitContext(site.browser, devVariant().panel);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(site.url);
    await expect(waitInteractive({ cdp }, 5_000)).rejects.toThrow(
      /in the page: .*whenInteractive/s,
    );
  });
});
