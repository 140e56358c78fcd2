import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { Variant } from '../../common/variant.schema.ts';
import { bundleForPage } from '../e2e/audit/inject.ts';
import type * as Probe from './page/probe.ts';

/** DESIGN §10: the head-unit profile is Chromium with its CPU slowed four times. */
export const CPU_THROTTLING = 4;

export const PROBE_GLOBAL = '__dashportBench';
const PROBE_ENTRY = join(import.meta.dirname, 'page', 'probe.ts');

export type ProbeApi = typeof Probe;

declare global {
  interface Window {
    __dashportBench?: ProbeApi;
  }
}

export interface HeadUnitPage {
  page: Page;
  cdp: CDPSession;
  errors: string[];
  close(): Promise<void>;
}

/**
 * A fresh context (cold cache) at the panel's size, CPU throttled before anything loads, with
 * the probe installed ahead of the page's own scripts.
 */
export async function openHeadUnitPage(
  browser: Browser,
  url: string,
  panel: Variant['panel'],
): Promise<HeadUnitPage> {
  const context = await newHeadUnitContext(browser, panel);
  const opened = await openPageIn(context, url);
  return { ...opened, close: () => context.close() };
}

/** A browser profile at the panel's size: pages opened in it share its HTTP and code caches. */
export function newHeadUnitContext(
  browser: Browser,
  panel: Variant['panel'],
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: panel.widthPx, height: panel.heightPx },
    deviceScaleFactor: 1,
  });
}

/**
 * A page in `context`, throttled and probed as every bench page is; `close` closes the page only.
 * `prepare` runs on its CDP session before it loads (a test that watches what the page compiles).
 */
export async function openPageIn(
  context: BrowserContext,
  url: string,
  prepare?: (cdp: CDPSession) => Promise<unknown>,
): Promise<HeadUnitPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  const cdp = await context.newCDPSession(page);
  await prepare?.(cdp);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  await page.addInitScript({ content: await bundleForPage(PROBE_ENTRY, PROBE_GLOBAL) });
  await page.goto(url);
  return { page, cdp, errors, close: () => page.close() };
}

/**
 * Evaluates `expression` in the page with one CDP call: unlike Playwright's evaluate, it compiles
 * no test-tool script in the page first (~100 ms of a throttled main thread the first time).
 */
export async function evaluateInPage<T>(
  run: Pick<HeadUnitPage, 'cdp'>,
  expression: string,
  awaitPromise = false,
): Promise<T> {
  const reply = await run.cdp.send('Runtime.evaluate', {
    expression,
    awaitPromise,
    returnByValue: true,
  });
  if (reply.exceptionDetails) {
    const { exception, text } = reply.exceptionDetails;
    throw new Error(`in the page: ${exception?.description ?? text} (${expression})`);
  }
  return reply.result.value as T;
}

/** A tap at the centre of `selector`: CDP mouse input, pressed and released, as a finger would. */
export async function tapOn(run: Pick<HeadUnitPage, 'cdp'>, selector: string): Promise<void> {
  const centre = await evaluateInPage<[number, number] | null>(
    run,
    `(() => {
      const r = document.querySelector(${JSON.stringify(selector)})?.getBoundingClientRect();
      return r ? [r.x + r.width / 2, r.y + r.height / 2] : null;
    })()`,
  );
  if (!centre) throw new Error(`nothing to tap: ${selector}`);
  const [x, y] = centre;
  for (const type of ['mousePressed', 'mouseReleased'] as const) {
    await run.cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  }
}

/**
 * Arms a probe watch (see `arm` in page/probe.ts), taps `selector` and returns the watch's answer
 * in ms: all through CDP, so a tap right after a start is not held back by a test tool's script.
 */
export async function timedTap(
  run: Pick<HeadUnitPage, 'cdp'>,
  watch: 'screen' | 'tap',
  selector: string,
  arg: string,
): Promise<number> {
  const args = [watch, selector, arg].map((a) => JSON.stringify(a)).join(', ');
  await evaluateInPage(run, `window.${PROBE_GLOBAL}.arm(${args})`);
  await tapOn(run, selector);
  return evaluateInPage<number>(run, `window.${PROBE_GLOBAL}.watched()`, true);
}

/**
 * Waits until the probe saw the speed readout show a number; returns ms since navigation start.
 * Asked with one CDP evaluate of a tiny expression: the page runs no test-tool script before it
 * is interactive (see whenInteractive in page/probe.ts).
 */
export async function waitInteractive(
  run: Pick<HeadUnitPage, 'cdp'>,
  timeoutMs = 30_000,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no live values on the page within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      evaluateInPage<number>(run, `window.${PROBE_GLOBAL}.whenInteractive()`, true),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
