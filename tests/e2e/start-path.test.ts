import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

interface TraceFrame {
  isOutermostMainFrame?: boolean;
  processId?: number;
  url?: string;
  resourceType?: string;
}
interface TraceEvent {
  name: string;
  args?: { data?: TraceFrame & { frames?: TraceFrame[] } };
}

/**
 * A trace of a tab's start at `url`, from its first document (about:blank) until `settled`
 * resolves: which renderer processes it ran in, and what it fetched.
 */
async function traceStart(
  browser: Browser,
  url: string,
  settled: (page: Page) => Promise<unknown> = async () => {},
): Promise<TraceEvent[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) =>
      events.push(...(value as unknown as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    });
    await page.goto(url);
    await settled(page);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await context.close();
  }
}

/** The process of the tab's first document and the one the page at `url` committed in. */
function processesOf(events: TraceEvent[], url: string): { first: number; committed: number } {
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
}

/** Each request the renderer sent, as "type path". */
function requestsOf(events: TraceEvent[]): string[] {
  return events
    .filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url)
    .map((e) => `${e.args!.data!.resourceType} ${new URL(e.args!.data!.url!).pathname}`);
}

interface SentFrame {
  url: string;
  data: string;
  /** Whether the speed readout showed a number when the frame was sent. */
  live: boolean;
}

/**
 * Every WebSocket frame the page at `url` sends until a second after its first live values. The
 * page's own WebSocket is wrapped before any of its scripts run.
 */
async function framesSent(browser: Browser, url: string): Promise<SentFrame[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const sent: SentFrame[] = [];
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data) {
        const speed = document.querySelector('[data-testid="speed-value"]')?.textContent ?? '';
        sent.push({ url: this.url, data: String(data), live: /^\d+$/.test(speed) });
        send.call(this, data);
      };
      (window as unknown as { framesSent: SentFrame[] }).framesSent = sent;
    });
    await page.goto(url);
    await expect
      .poll(() => page.getByTestId('speed-value').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+$/);
    await page.waitForTimeout(1_000);
    return await page.evaluate(() => (window as unknown as { framesSent: SentFrame[] }).framesSent);
  } finally {
    await context.close();
  }
}

/** The host API calls among socket.io frames to `origin` (`42<ack id>["dashport:invoke", channel, ...]`). */
function hostCalls(frames: SentFrame[], origin: string): { channel: string; live: boolean }[] {
  const host = new URL(origin).host;
  return frames.flatMap((frame) => {
    if (new URL(frame.url).host !== host) return [];
    const packet = /^42\d*(\[.*)$/s.exec(frame.data);
    const args = packet ? (JSON.parse(packet[1]!) as unknown[]) : [];
    return args[0] === TRANSPORT.invoke ? [{ channel: String(args[1]), live: frame.live }] : [];
  });
}

/**
 * Work the start did for nothing a unit shows, found in traces of it (4x throttling):
 * - A page served with Cross-Origin-Opener-Policy starts in a second renderer process: Chromium
 *   moves it to a new browsing context group, away from the tab's first document. 100-160 ms of
 *   every cold start; the host sends the header no more (webServer.ts).
 * - An SVG icon, which no unit shows, was parsed as a document on the main thread in the middle
 *   of the start (53 ms); the page names an empty one (index.html).
 * - Font faces without unicode-range: Chromium fetched Latin Extended for all text, then Latin
 *   for what it lacked, in two rounds, each with its relayout (fonts.ts).
 * - Host calls for what the first frame does not show (orders, consent, a settings refresh) went
 *   before the bridge token, which the first values wait for; their answers came first, in order
 *   (main.tsx, bootstrap.ts).
 */
describe('the app’s start (real host and Chromium)', () => {
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
    const url = hostPageUrl(stack.host);
    const { first, committed } = processesOf(await traceStart(browser, url), url);
    expect(committed).toBe(first);
  });

  it('fetches only the document, scripts, stylesheets and fonts, up to a second after the first values', async () => {
    const events = await traceStart(browser, hostPageUrl(stack.host), async (page) => {
      await expect
        .poll(() => page.getByTestId('speed-value').textContent(), { timeout: 15_000 })
        .toMatch(/^\d+$/);
      await page.waitForTimeout(1_000);
    });
    const requests = requestsOf(events);
    expect(requests).toContain('Document /');
    expect(requests.filter((r) => !/^(Document|Script|Stylesheet|Font) /.test(r))).toEqual([]);
    // English text needs the Latin slice of the dev line's face, each weight once.
    const fonts = requests.filter((r) => r.startsWith('Font ')).map((r) => r.split('/').pop());
    expect(fonts.map((f) => f!.replace(/-normal-.*$/, '')).sort()).toEqual([
      'noto-sans-latin-400',
      'noto-sans-latin-700',
    ]);
  });

  it('asks the host for the bridge token first, and for nothing else until the first values show', async () => {
    const url = hostPageUrl(stack.host);
    const calls = hostCalls(await framesSent(browser, url), url);
    expect(calls[0]?.channel).toBe('app.bridgeAccess');
    expect(calls.filter((c) => !c.live).map((c) => c.channel)).toEqual(['app.bridgeAccess']);
    // The rest is still asked, once the values are in.
    expect(calls.filter((c) => c.live).map((c) => c.channel)).toEqual(
      expect.arrayContaining(['orders.list', 'consent.get', 'settings.get', 'connectivity.get']),
    );
  });

  it('sees the move to a second process for a page served with the header (the check can fail)', async () => {
    const { first, committed } = processesOf(await traceStart(browser, coopUrl), coopUrl);
    expect(committed).not.toBe(first);
  });
});
