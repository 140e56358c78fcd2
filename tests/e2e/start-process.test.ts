import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

interface TraceFrame {
  isOutermostMainFrame?: boolean;
  processId?: number;
  url?: string;
}
interface TraceEvent {
  name: string;
  args?: { data?: TraceFrame & { frames?: TraceFrame[] } };
}

/** The renderer process of a tab's first document (about:blank) and the one `url` commits in. */
async function processesOfStart(
  browser: Browser,
  url: string,
): Promise<{ first: number; committed: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      categories: 'disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
    await page.goto(url);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const first = events
      .find((e) => e.name === 'TracingStartedInBrowser')
      ?.args?.data?.frames?.find((f) => f.isOutermostMainFrame)?.processId;
    const origin = new URL(url).origin;
    const committed = events.find(
      (e) =>
        e.name === 'FrameCommittedInBrowser' &&
        e.args?.data?.isOutermostMainFrame === true &&
        e.args.data.url?.startsWith(origin),
    )?.args?.data?.processId;
    if (first === undefined || committed === undefined) {
      throw new Error(`no process in the trace for the first document or ${url}`);
    }
    return { first, committed };
  } finally {
    await context.close();
  }
}

/**
 * A page served with Cross-Origin-Opener-Policy starts in a second renderer process: Chromium
 * moves it to a new browsing context group, away from the tab's first document. The host sent it
 * once, and it cost 100-160 ms of every cold start at 4x throttling; the host sends it no more
 * (webServer.ts). A unit's start is timed from navigation, so a new process is inside it.
 */
describe('the app starts in its tab’s renderer process (real host and Chromium)', () => {
  const tmp = tempDir('dashport-start-process-');
  let stack: Stack;
  let browser: Browser;
  let coop: Server;
  let coopUrl = '';
  beforeAll(async () => {
    coop = createServer((_req, res) =>
      res
        .writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Cross-Origin-Opener-Policy': 'same-origin',
        })
        .end('<!doctype html><link rel="icon" href="data:,"><p>with COOP</p>'),
    );
    await new Promise<void>((resolve) => coop.listen(0, '127.0.0.1', resolve));
    coopUrl = `http://127.0.0.1:${(coop.address() as AddressInfo).port}/`;
    [stack, browser] = await Promise.all([startStack(tmp.dir), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => coop?.close(resolve));
    tmp.cleanup();
  });

  it('commits the app’s page in the process the tab already had', async () => {
    const { first, committed } = await processesOfStart(browser, hostPageUrl(stack.host));
    expect(committed).toBe(first);
  });

  it('sees the move to a second process for a page served with the header (the check can fail)', async () => {
    const { first, committed } = await processesOfStart(browser, coopUrl);
    expect(committed).not.toBe(first);
  });
});
