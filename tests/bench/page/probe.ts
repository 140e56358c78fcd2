/**
 * In-page half of the benchmark, bundled by tests/e2e/audit/inject.ts and installed before the
 * app's own scripts (addInitScript) as window.__dashportBench.
 *
 * "Pixel time" is an estimate of when a DOM change reaches the glass: the change is painted in
 * the frame that follows it, and that frame is presented at the next vsync, which is when the
 * frame after it begins. A change made during a frame's requestAnimationFrame phase (the app
 * applies signal batches there) is in that frame; a change made in a task between frames is in
 * the next one. A rAF loop started here runs first in every frame and opens the phase; a
 * ResizeObserver on an element the loop resizes closes it, after layout in the same rendering
 * task, so no other task can run inside the phase. (A message posted from the loop closed it
 * before: input tasks ran ahead of that message, after the frame had rendered, and a tap's change
 * was dated a frame early, sometimes before the tap.) A change is never presented before it is
 * made, which the estimate also holds to.
 */

import { BOOT_MARK } from '../../../renderer/ui/bootMarks.ts';

export interface StoreLike {
  getState(): {
    /** ts: the bridge's dp.ts (epoch ms); receivedAt: arrival in the page (performance.now()). */
    signals: Readonly<Record<string, { value: unknown; ts: number; receivedAt: number }>>;
    driveState: string;
  };
}

interface Hooks {
  store: StoreLike;
}

const hooks = () => (window as unknown as { dashportTest?: Hooks }).dashportTest;

let inFramePhase = false;
const frameEnd = new ResizeObserver(() => (inFramePhase = false));
/** Resized every frame, off screen and outside <body>, so that frameEnd is called every frame. */
let tick: HTMLElement | null = null;
const frameTimes: number[] = [];
let countFrames = false;

function frame(ts: number) {
  inFramePhase = true;
  if (!tick && document.documentElement) {
    tick = document.createElement('div');
    // Its own layout root (contain), never painted: the frame's cost is one tiny box.
    tick.style.cssText =
      'position:fixed;left:-4px;top:0;width:1px;height:1px;visibility:hidden;contain:strict';
    document.documentElement.append(tick);
    frameEnd.observe(tick);
  }
  if (tick) tick.style.width = tick.style.width === '1px' ? '2px' : '1px';
  if (countFrames) frameTimes.push(ts);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

/** Calls back with the estimated presentation time (performance.now() scale) of a DOM change made now. */
export function whenPresented(callback: (ts: number) => void): void {
  const madeAt = performance.now();
  const presented = (ts: number) => callback(Math.max(ts, madeAt));
  if (inFramePhase) requestAnimationFrame(presented);
  else requestAnimationFrame(() => requestAnimationFrame(presented));
}

const SPEED_SELECTOR = '[data-testid="speed-value"]';
const speedText = () => document.querySelector(SPEED_SELECTOR)?.textContent ?? '';

// Cold start ------------------------------------------------------------------------------------

let interactiveAt: number | null = null;
const interactiveWaiters: ((ms: number) => void)[] = [];
/** Answers whenInteractive() once both halves of coldStart() are in. */
function settleInteractive() {
  const ms = coldStart();
  if (ms !== null) for (const resolve of interactiveWaiters.splice(0)) resolve(ms);
}
const startupObserver = new MutationObserver(() => {
  if (interactiveAt !== null || !/^\d+$/.test(speedText())) return;
  interactiveAt = -1;
  startupObserver.disconnect();
  whenPresented((ts) => {
    interactiveAt = ts;
    settleInteractive();
  });
});
startupObserver.observe(document, { subtree: true, childList: true, characterData: true });

/** First contentful paint (ms since navigation start), once Chromium has reported it. */
let contentfulAt: number | null = null;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === 'first-contentful-paint') contentfulAt = entry.startTime;
  }
  settleInteractive();
}).observe({ type: 'paint', buffered: true });

/**
 * Milliseconds from navigation start to the speed readout showing a number on screen. Nothing is
 * on the glass before the first contentful paint, which Chromium dates by the frame's
 * presentation: when frames run long, the next frame's start (the estimate above) can precede it
 * by 100 ms or more, so the later of the two counts.
 */
export function coldStart(): number | null {
  if (interactiveAt === null || interactiveAt < 0 || contentfulAt === null) return null;
  return Math.max(interactiveAt, contentfulAt);
}

/**
 * Resolves with coldStart() once it is known. The bench awaits this through a bare CDP evaluate:
 * Playwright's waitForFunction would first compile its own injected script in the page, about
 * 100 ms of a throttled main thread, in the middle of a start that is still going on.
 */
export function whenInteractive(): Promise<number> {
  return new Promise((resolve) => {
    interactiveWaiters.push(resolve);
    settleInteractive();
  });
}

export interface StartupBreakdown {
  responseEnd: number | null;
  domContentLoaded: number | null;
  /** App only: the host's state in the store (from the page or by calls). */
  hostState: number | null;
  firstContentfulPaint: number | null;
  /** App only: the host answered which bridge token to present. */
  bridgeToken: number | null;
  /** App only: the bridge's socket open. */
  bridgeConnected: number | null;
  /** App only: the first batch of signal values in the store. */
  firstSample: number | null;
  interactive: number | null;
}

const markAt = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;

/** Milestones of the start, ms since navigation start. */
export function startupBreakdown(): StartupBreakdown {
  const nav = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    responseEnd: nav ? nav.responseEnd : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    hostState: markAt(BOOT_MARK.hostState),
    firstContentfulPaint: fcp ? fcp.startTime : null,
    bridgeToken: markAt(BOOT_MARK.bridgeToken),
    bridgeConnected: markAt(BOOT_MARK.bridgeConnected),
    firstSample: markAt(BOOT_MARK.firstSample),
    interactive: coldStart(),
  };
}

/** JS files fetched before the home screen was interactive. */
export function scriptsBeforeInteractive(): string[] {
  const limit = coldStart() ?? performance.now();
  return performance
    .getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.js') && e.startTime <= limit)
    .map((e) => e.name);
}

// Value to pixel --------------------------------------------------------------------------------

/** One value's way from the bridge to the glass, ms. */
export interface Leg {
  /** Bridge dp.ts to the presented frame. */
  total: number;
  /** Bridge dp.ts to arrival in the page (subscription period, transport). */
  delivery: number;
}

const legs: Leg[] = [];
let valueObserver: MutationObserver | null = null;

/** Starts recording, for each new speed shown, the time from the bridge's dp.ts to the glass. */
export function startValueToPixel(path: string): void {
  legs.length = 0;
  const target = document.querySelector(SPEED_SELECTOR);
  if (!target) throw new Error('no speed readout on screen');
  valueObserver = new MutationObserver(() => {
    const sample = hooks()?.store.getState().signals[path];
    if (!sample) return;
    const { ts: sampledAt, receivedAt } = sample;
    whenPresented((ts) =>
      legs.push({
        total: performance.timeOrigin + ts - sampledAt,
        delivery: performance.timeOrigin + receivedAt - sampledAt,
      }),
    );
  });
  valueObserver.observe(target, { subtree: true, childList: true, characterData: true });
}

export function stopValueToPixel(): Leg[] {
  valueObserver?.disconnect();
  valueObserver = null;
  return [...legs];
}

// Frames ----------------------------------------------------------------------------------------

export function startFrames(): void {
  frameTimes.length = 0;
  countFrames = true;
}

/** Frame start times (ms) since startFrames(). */
export function stopFrames(): number[] {
  countFrames = false;
  return [...frameTimes];
}

// Restriction -----------------------------------------------------------------------------------

/**
 * Resolves with the leg of the `path` sample that restricted the screen: from its dp.ts to the
 * presented frame in which `selectorShown` shows and every `selectorGone` button is disabled.
 * The sample is read when that first holds, in the task that made the change: read later, a
 * heartbeat of the same value (the bridge's timebased period) could have replaced its arrival time.
 */
export function whenRestricted(
  selectorGone: string,
  selectorShown: string,
  path: string,
): Promise<Leg> {
  const holds = () =>
    document.querySelector(selectorShown) !== null &&
    [...document.querySelectorAll<HTMLButtonElement>(selectorGone)].every((b) => b.disabled);
  return new Promise((resolve, reject) => {
    const done = () => {
      const sample = hooks()?.store.getState().signals[path];
      if (!sample) return reject(new Error(`${path} unknown when the screen was restricted`));
      const { ts: sampledAt, receivedAt } = sample;
      whenPresented((ts) =>
        resolve({
          total: performance.timeOrigin + ts - sampledAt,
          delivery: performance.timeOrigin + receivedAt - sampledAt,
        }),
      );
    };
    if (holds()) return done();
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      done();
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

// Tap feedback ----------------------------------------------------------------------------------

/**
 * Resolves with ms from the pointerdown on `selector` (its event timestamp, the input's arrival)
 * to the presentation of the next change of `attribute` on it.
 */
export function watchTap(selector: string, attribute: string): Promise<number> {
  const target = document.querySelector(selector);
  if (!target) return Promise.reject(new Error(`no ${selector}`));
  return new Promise((resolve) => {
    let downAt: number | null = null;
    target.addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { once: true });
    const observer = new MutationObserver(() => {
      if (downAt === null) return;
      observer.disconnect();
      const start = downAt;
      whenPresented((ts) => resolve(ts - start));
    });
    observer.observe(target, { attributes: true, attributeFilter: [attribute] });
  });
}

/**
 * A tap on a nav entry to the presented frame showing that screen: `main` names it and no chunk
 * is still loading (its Suspense fallback is gone). The screen's own data may still be on its way;
 * the screen, with its busy state, is what a tap must bring at once.
 */
export function watchScreen(selector: string, screen: string): Promise<number> {
  const button = document.querySelector(selector);
  if (!button) return Promise.reject(new Error(`no ${selector}`));
  return new Promise((resolve) => {
    let downAt: number | null = null;
    button.addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { once: true });
    const shown = () => {
      const main = document.querySelector<HTMLElement>('main');
      return main?.dataset.screen === screen && main.querySelector('.screen__loading') === null;
    };
    const observer = new MutationObserver(() => {
      if (downAt === null || !shown()) return;
      observer.disconnect();
      const start = downAt;
      whenPresented((ts) => resolve(ts - start));
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-screen'],
    });
  });
}

// Watches driven over CDP -----------------------------------------------------------------------

let armed: Promise<number> | null = null;

/**
 * Starts watchScreen or watchTap; `watched()` answers it later. The bench arms a watch, taps
 * through CDP input and then awaits the answer, with no test-tool script run in the page.
 */
export function arm(watch: 'screen' | 'tap', selector: string, arg: string): void {
  armed = watch === 'screen' ? watchScreen(selector, arg) : watchTap(selector, arg);
  // Handled by watched(); until then a failure must not show up as an unhandled rejection.
  armed.catch(() => {});
}

export function watched(): Promise<number> {
  const answer = armed ?? Promise.reject(new Error('nothing armed'));
  armed = null;
  return answer;
}
