import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a browser downloaded by a test tool. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Desktop browser UI a head unit never shows (the units disable it too; see LAUNCH). */
export const DESKTOP_UI_FEATURES =
  'PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup';

/**
 * Every Chromium feature the browser-mode unit turns off (build/systemd/dashport-browser.service),
 * so that the bench and the kiosk test run Chromium as a unit does: Translate, the desktop UI
 * above, and BackgroundResourceFetch. Under that last one, Chromium 156 writes a V8 code cache for
 * the app's module scripts at the second start but never reads it back: the boot chunk is
 * compiled anew at every ignition. Without it the cache is read (interleaved ignition starts,
 * 8 + 8 twice: 1580 against 1204 ms, 1456 against 1249), at some cost to a start with no cache
 * (1360 against 1475 ms; the bare React page 472 against 496).
 */
export const UNIT_DISABLED_FEATURES = `Translate,${DESKTOP_UI_FEATURES},BackgroundResourceFetch`;

/**
 * Chromium's flags in every test: --no-sandbox only because tests run as root in a container; the
 * quiet-network flags keep Chromium from calling home on a machine with no internet. The disabled
 * features are the desktop omnibox popup, a WebUI page Chromium loads at every launch: about 2 s
 * of a second renderer's CPU beside the page under test on these 2 cores, which no head unit runs.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${UNIT_DISABLED_FEATURES}`,
];

const LAUNCH = { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

/**
 * Chromium on a profile kept on disk, as a head unit's browser is: its HTTP cache and V8 code
 * cache survive the browser (an off-the-record context from launchChromium keeps neither).
 */
export function launchChromiumOnProfile(
  profileDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    ...LAUNCH,
    viewport,
    deviceScaleFactor: 1,
  });
}

export interface PageProblems {
  errors: string[];
}

/** A page at the dev panel's size that records console errors and CSP violations, which tests assert are absent. */
export async function openPanel(
  browser: Browser,
  url: string,
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 720 } });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.errors.push(err.message));
  await page.goto(url);
  return { page, problems };
}
