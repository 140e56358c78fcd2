import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowserHost } from '../../scripts/lib/browserHost.ts';
import { writeLaunchPage } from '../../scripts/lib/hostPage.ts';
import { KIOSK_CRASH_POLICY } from '../../kiosk/crashPolicy.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { waitFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';
import { startStack, type Stack } from './stack.ts';

/**
 * The browser-mode kiosk's watchdog (kiosk/cli.ts, packaged) around a real Chromium, against the
 * real host:
 * when the page's renderer dies, the page comes back with this start's secret; when it keeps
 * dying, the watchdog ends the browser with a failure for systemd to restart the kiosk. The test
 * watches the browser through a second DevTools endpoint (a port; the watchdog holds the pipe).
 */
describe('kiosk watchdog (real Chromium, real host)', () => {
  const tmp = tempDir('dashport-watchdog-');
  const launchPage = join(tmp.dir, 'launch.html');
  const profile = join(tmp.dir, 'profile');
  let stack: Stack;
  let watchdog: ChildProcess;
  let watchdogLog = '';

  let devtools = '';
  /**
   * The app's page through a fresh DevTools connection: Playwright keeps a crashed page crashed,
   * so each look connects anew and sees the target as it is now.
   */
  const withAppPage = async <T>(use: (page: Page | undefined) => Promise<T>): Promise<T> => {
    const browser = await chromium.connectOverCDP(devtools);
    try {
      const page = browser
        .contexts()[0]
        ?.pages()
        .find((p) => p.url().startsWith(stack.host.url));
      return await use(page);
    } finally {
      await browser.close(); // disconnects; the browser is the watchdog's
    }
  };
  /** The home screen, drawn by a page that got into the host with its secret. */
  const homeShown = () =>
    waitFor(
      () =>
        withAppPage(async (page) => {
          const shown = await page
            ?.evaluate(() => document.querySelector('[data-testid="nav-home"]') !== null)
            .catch(() => false);
          return shown ? true : undefined;
        }),
      20_000,
    );
  const crash = () =>
    withAppPage(async (page) => {
      if (!page) throw new Error('no app page to crash');
      const session = await page.context().newCDPSession(page);
      await session.send('Page.crash').catch(() => undefined); // no answer: the page is gone
    });
  const reopened = () => watchdogLog.split('"event":"kiosk.page_reopened"').length - 1;

  beforeAll(async () => {
    // The watchdog as the .deb ships it, in the browser-mode bundle.
    const bundle = join(tmp.dir, 'browser');
    await buildBrowserHost(PROJECT_ROOT, bundle);
    stack = await startStack(tmp.dir);
    writeLaunchPage(launchPage, stack.host);
    watchdog = spawn(
      process.execPath,
      [
        ...[join(bundle, 'kiosk/cli.js'), '--launch-page', launchPage],
        ...['--', CHROMIUM_PATH, '--headless'],
        ...CHROMIUM_ARGS,
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        pathToFileURL(launchPage).href,
      ],
      { cwd: tmp.dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    watchdog.stderr!.on('data', (chunk: Buffer) => (watchdogLog += chunk.toString()));
    const portFile = join(profile, 'DevToolsActivePort');
    const port = await waitFor(
      () => (existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : undefined),
      20_000,
    );
    devtools = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(async () => {
    if (watchdog && watchdog.exitCode === null && watchdog.signalCode === null) {
      const gone = new Promise((resolve) => watchdog.once('exit', resolve));
      watchdog.kill('SIGTERM');
      await gone;
    }
    await stack?.stop();
    spawnSync('pkill', ['-KILL', '-f', tmp.dir]); // a Chromium a failed case left behind
    tmp.cleanup();
  });

  it('opens the launch page again when the page crashes, and the app comes back', async () => {
    await homeShown();
    await crash();
    await waitFor(() => (reopened() === 1 ? true : undefined), 10_000);
    await homeShown();
    expect(watchdogLog).toMatch(/"event":"kiosk\.page_crashed".*"action":"reload"/);
  }, 60_000);

  it('ends the browser with a failure when the page keeps crashing', async () => {
    const exited = new Promise<number | null>((resolve) => watchdog.once('exit', resolve));
    // One crash is behind us; the policy allows maxCrashes within its window, then gives up.
    for (let i = 2; i <= KIOSK_CRASH_POLICY.maxCrashes; i++) {
      await crash();
      await waitFor(() => (reopened() === i ? true : undefined), 10_000);
      await homeShown();
    }
    await crash();
    expect(await exited).toBe(1);
    expect(watchdogLog).toMatch(/"event":"kiosk\.page_crashed".*"action":"exit"/);
  }, 90_000);

  it('stops cleanly on SIGTERM: Chromium goes, and the watchdog dies of the same signal', async () => {
    const profileDir = join(tmp.dir, 'profile-stop');
    const stopped = spawn(
      process.execPath,
      [
        ...[join(tmp.dir, 'browser', 'kiosk/cli.js'), '--launch-page', launchPage],
        ...['--', CHROMIUM_PATH, '--headless', ...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`],
        '--remote-debugging-port=0',
        pathToFileURL(launchPage).href,
      ],
      { cwd: tmp.dir, stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const exit = new Promise<[number | null, string | null]>((resolve) =>
      stopped.once('exit', (code, signal) => resolve([code, signal])),
    );
    const chromiumOf = () =>
      spawnSync('pgrep', ['-f', profileDir], { encoding: 'utf8' }).stdout.trim();
    try {
      // Chromium is up once it has written its DevTools port.
      const portFile = join(profileDir, 'DevToolsActivePort');
      await waitFor(() => (existsSync(portFile) ? true : undefined), 20_000);
      expect(chromiumOf()).not.toBe('');
      stopped.kill('SIGTERM');
      // systemd counts death by SIGTERM as a clean stop; exit code 1 would leave the unit failed.
      expect(await exit).toEqual([null, 'SIGTERM']);
      // Chromium's helper processes (crashpad, zygote) follow its browser process out.
      await waitFor(() => (chromiumOf() === '' ? true : undefined), 10_000);
    } finally {
      // Whatever failed above, nothing of this test outlives it.
      if (stopped.exitCode === null && stopped.signalCode === null) stopped.kill('SIGKILL');
      spawnSync('pkill', ['-KILL', '-f', profileDir]);
    }
  }, 40_000);
});
