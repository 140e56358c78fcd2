import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForPage } from './audit/inject.ts';
import {
  CPU_THROTTLING,
  newHeadUnitContext,
  PROBE_GLOBAL,
  waitInteractive,
} from '../bench/headUnit.ts';
import { devVariant } from '../support/devVariant.ts';
import { useProbeSite } from './probeSite.ts';

const SHOWS_AFTER_MS = 300;
/** A page whose speed readout shows a number some time after load, as the app's does. */
const LIVE_PAGE = `<!doctype html><link rel="icon" href="data:,">
<p>speed <span data-testid="speed-value">--</span></p>
<script>
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
 * The bench's wait for a start to end (waitInteractive) must not itself slow the start it times.
 * Playwright's waitForFunction compiled its 330 KB injected script in the page first: about 100 ms
 * of a throttled main thread, which landed inside the app's start but after the bare page's.
 */
describe('bench: waiting for live values (real Chromium, throttled)', () => {
  const site = useProbeSite({ 'index.html': LIVE_PAGE, 'dead.html': DEAD_PAGE });
  let probe: string;
  beforeAll(async () => {
    probe = await bundleForPage(
      join(import.meta.dirname, '..', 'bench', 'page', 'probe.ts'),
      PROBE_GLOBAL,
    );
  });

  /** Opens `path` as the bench does, noting every script the page compiles from the start. */
  async function open(path: string) {
    const context = await newHeadUnitContext(site.browser, devVariant().panel);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const parsed: Parsed[] = [];
    cdp.on('Debugger.scriptParsed', (e) =>
      parsed.push({ scriptId: e.scriptId, url: e.url, length: e.length ?? 0 }),
    );
    await cdp.send('Debugger.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await page.addInitScript({ content: probe });
    await page.goto(new URL(path, site.url).href);
    return { page, cdp, parsed };
  }

  it('answers with the probe’s start time and compiles no test-tool script in the page', async () => {
    const run = await open('/');
    const ms = await waitInteractive(run);
    const before = [...run.parsed];
    expect(ms).toBeGreaterThanOrEqual(SHOWS_AFTER_MS);
    expect(await run.page.evaluate(() => window.__dashportBench!.coldStart())).toBe(ms);
    // Before the answer: the probe, the page's own script and the wait's one-line expression.
    const sources = await Promise.all(
      before.map(async (s) => ({
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
    await expect(waitInteractive({ cdp }, 5_000)).rejects.toThrow(/the bench probe failed/);
  });
});
