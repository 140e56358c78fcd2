import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantSchema } from '../../common/variant.schema.ts';
import { buildBrowserHost } from '../../scripts/lib/browserHost.ts';
import { writeLaunchPage } from '../../scripts/lib/hostPage.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { freePort, waitFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';
import { CHROMIUM_PATH, UNIT_DISABLED_FEATURES } from './browser.ts';
import { startStack, type Stack } from './stack.ts';
import { connectControl, type VehicleControl } from './vehicleControl.ts';

/**
 * The kiosk as a head unit runs it in browser mode: Debian's cage compositor (headless wlroots,
 * pixman renderer) as an unprivileged user, Chromium in kiosk mode on Wayland under the kiosk's
 * watchdog (as dashport-browser.service runs it), against the host.
 * The picture is taken with grim from the compositor, so it is what the panel would show, and kept
 * under test-results/kiosk/.
 *
 * Two things of Debian 12's cage 0.1.4 (wlroots 0.15) shape this test:
 * - Its headless output is 1280×720 and cannot be sized: cage has no output management (wlr-randr
 *   answers "compositor doesn't support wlr-output-management-unstable-v1"). The hangzhou-ev line
 *   is used: its panel is 1280 px wide, and the page is 1280×720.
 * - `-r -r` (the output turned 180°, which grim turns back). Without it cage tries to scan the
 *   fullscreen window's buffer out directly; the headless output refuses every such buffer
 *   ("Basic output test failed") and the refused buffers are never released, so Chromium runs out
 *   of buffers after its first frames and the output shows a stale corner of the first one. With
 *   the output turned, a client buffer never matches it, cage always composites, and every frame
 *   reaches the output. A unit's DRM output has no such problem; its unit file does not turn.
 */

const SHOTS = join(PROJECT_ROOT, 'test-results', 'kiosk');
const LINE = variantSchema.parse(
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'build/variants/hangzhou-ev.json'), 'utf8')),
);
/** The line's brand colour as grim's RGB triplet key. */
const BRAND = Number.parseInt(LINE.brand.colors.primary.slice(1), 16);
const OUTPUT = { width: 1280, height: 720 };
const WAIT = { timeout: 30_000 };

/** Run as nobody when the tests run as root (CI); as oneself otherwise. */
const asUser = (argv: string[]) =>
  process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--', ...argv] : argv;

/** An image from grim's PPM output: size and raw RGB. */
function readPpm(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [whole, w, h] = header;
  return { width: Number(w), height: Number(h), rgb: bytes.subarray(whole.length) };
}

/**
 * Pixels of Chromium's own UI over the page, where it shows it (the translate bubble, an
 * infobar): blue, in the status bar's top-right corner, where the page draws only the clock, in
 * grey on white. The Hangzhou line's brand is red, and the link dots are green.
 */
function browserUiPixels(image: { width: number; rgb: Buffer }): number {
  let blue = 0;
  for (let y = 0; y < 52; y++) {
    for (let x = Math.floor(image.width * 0.6); x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      const [r, g, b] = [image.rgb[i]!, image.rgb[i + 1]!, image.rgb[i + 2]!];
      if (b > r + 60 && b > g + 20) blue++;
    }
  }
  return blue;
}

describe('kiosk: cage + Chromium on Wayland as an unprivileged user (headless wlroots)', () => {
  const tmp = tempDir('dashport-kiosk-');
  const runtime = join(tmp.dir, 'xdg');
  const home = join(tmp.dir, 'home');
  let stack: Stack;
  let vehicle: VehicleControl;
  let cage: ChildProcess | undefined;
  let browser: Browser | undefined;
  let log = '';
  let debugPort = 0;

  const env = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    WLR_BACKENDS: 'headless',
    WLR_RENDERER: 'pixman',
    WLR_LIBINPUT_NO_DEVICES: '1',
  };
  const inSession = (argv: string[]) => {
    const full = asUser([
      'env',
      `XDG_RUNTIME_DIR=${runtime}`,
      'WAYLAND_DISPLAY=wayland-0',
      ...argv,
    ]);
    return spawnSync(full[0]!, full.slice(1), { encoding: 'buffer', maxBuffer: 1 << 28 });
  };

  beforeAll(async () => {
    // The host as browser mode ships it (dashport-host.service): the one-file bundle, run from
    // a folder with no node_modules.
    const browserHost = join(tmp.dir, 'browser');
    await buildBrowserHost(PROJECT_ROOT, browserHost);
    stack = await startStack(tmp.dir, {
      bridgeArgs: ['--speed-factor', '1'],
      variant: LINE.name,
      hostScript: join(browserHost, 'electron/host/cli.js'),
    });
    vehicle = await connectControl(stack.bridge.url);
    await vehicle.park();
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    mkdirSync(home, { recursive: true });
    const launch = join(home, 'launch.html');
    writeLaunchPage(launch, stack.host);
    if (process.getuid?.() === 0) {
      // The kiosk user owns its session directories and the launch page, and nothing else.
      for (const path of [tmp.dir, runtime, home, launch]) chownSync(path, 65534, 65534);
    }
    // The unit runs Chromium under the watchdog (kiosk/cli.js) with the system's Node. This
    // machine's Node lives under /root, out of the kiosk user's reach: a copy it may run.
    const node = join(tmp.dir, 'node');
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    debugPort = await freePort();
    const argv = asUser([
      'env',
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      'cage',
      '-d',
      '-r',
      '-r',
      '--',
      node,
      join(browserHost, 'kiosk/cli.js'),
      '--launch-page',
      launch,
      '--',
      CHROMIUM_PATH,
      '--ozone-platform=wayland',
      '--kiosk',
      // Only because the test's container gives no user namespaces to nobody; never on a unit.
      '--no-sandbox',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      // As the unit: no desktop omnibox popup preloaded beside the app, the code cache read back.
      `--disable-features=${UNIT_DISABLED_FEATURES}`,
      '--force-device-scale-factor=1',
      `--user-data-dir=${join(home, 'chromium')}`,
      `--remote-debugging-port=${debugPort}`,
      `file://${launch}`,
    ]);
    cage = spawn(argv[0]!, argv.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    cage.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    cage.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const settle = (what: string, check: () => boolean | Promise<boolean>) =>
      waitFor(async () => ((await check()) ? true : undefined), WAIT.timeout).catch(() => {
        throw new Error(
          `kiosk: ${what} within ${WAIT.timeout} ms; cage said:\n${log.slice(-3000)}`,
        );
      });
    await settle('no Wayland socket', () => existsSync(join(runtime, 'wayland-0')));
    await settle('Chromium did not open its debugging port', async () => {
      try {
        browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
        return true;
      } catch {
        return false;
      }
    });
  }, 90_000);

  afterAll(async () => {
    await browser?.close().catch(() => {});
    if (cage?.pid) {
      try {
        process.kill(-cage.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    vehicle?.close();
    await stack?.stop();
    tmp.cleanup();
  });

  /**
   * Every Chinese character on the screen has its face loaded: the bundled face comes in
   * unicode-range pieces, each fetched when first needed, and until then a character shows as
   * an empty box (a unit has no CJK font of its own).
   */
  const chineseDrawn = (page: Page) =>
    page.evaluate(async () => {
      await document.fonts.ready;
      const han = (document.body.textContent ?? '').match(
        /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu,
      );
      return han !== null && document.fonts.check('24px "Noto Sans SC"', han.join(''));
    });

  async function appPage(): Promise<Page> {
    let found: Page | undefined;
    await expect
      .poll(() => {
        found = browser!
          .contexts()
          .flatMap((c) => c.pages())
          .find((p) => p.url().startsWith(stack.host.url));
        return found !== undefined;
      }, WAIT)
      .toBe(true);
    return found!;
  }

  it('shows the home screen with live values, filling the panel, in the picture the compositor makes', async () => {
    const page = await appPage();
    await vehicle.drive(50);
    await expect
      .poll(() => page.getByTestId('drive-state').getAttribute('data-state'), WAIT)
      .toBe('MOVING');
    await expect
      .poll(async () => Number(await page.getByTestId('speed-value').textContent()), WAIT)
      .toBeGreaterThan(0);
    // Kiosk: the window fills the output the compositor drives.
    await expect
      .poll(() => page.evaluate(() => [innerWidth, innerHeight]), WAIT)
      .toEqual([OUTPUT.width, OUTPUT.height]);

    // The line speaks Chinese: its bundled face has loaded and draws the words on the screen (a
    // unit has no CJK font of its own; until the face loads, the page would show empty boxes).
    await expect.poll(() => chineseDrawn(page), WAIT).toBe(true);

    mkdirSync(SHOTS, { recursive: true });
    const png = inSession(['grim', '-']);
    expect(png.status, png.stderr.toString()).toBe(0);
    writeFileSync(join(SHOTS, 'home-moving.png'), png.stdout);
    const ppm = inSession(['grim', '-t', 'ppm', '-']);
    expect(ppm.status).toBe(0);
    const image = readPpm(ppm.stdout);
    expect([image.width, image.height]).toEqual([OUTPUT.width, OUTPUT.height]);

    // Not a blank or an error page: many colours, and the app's own (the brand blue of the
    // current nav entry, the status bar's surface).
    const counts = new Map<number, number>();
    for (let i = 0; i + 2 < image.rgb.length; i += 3) {
      const key = (image.rgb[i]! << 16) | (image.rgb[i + 1]! << 8) | image.rgb[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const pixels = image.width * image.height;
    const top = Math.max(...counts.values());
    expect(counts.size, 'distinct colours').toBeGreaterThan(50);
    expect(top / pixels, 'share of the commonest colour').toBeLessThan(0.9);
    expect(counts.get(BRAND) ?? 0, 'brand primary pixels').toBeGreaterThan(500);
    expect(browserUiPixels(image), 'browser UI over the status bar').toBe(0);
    expect(readFileSync(join(SHOTS, 'home-moving.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('after the page crashes, the watchdog brings the app back on the panel', async () => {
    const page = await appPage();
    const session = await page.context().newCDPSession(page);
    await session.send('Page.crash').catch(() => undefined); // no answer: the page is gone
    await waitFor(() => (log.includes('"event":"kiosk.page_reopened"') ? true : undefined), 20_000);
    // Playwright keeps a crashed page crashed: look again through a new DevTools connection.
    await browser!.close();
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`);
    const back = await appPage();
    // Back in with this start's secret: live values, drawn in the line's face.
    await expect
      .poll(() => back.getByTestId('drive-state').getAttribute('data-state'), WAIT)
      .toBe('MOVING');
    await expect.poll(() => chineseDrawn(back), WAIT).toBe(true);
    const png = inSession(['grim', '-']);
    expect(png.status, png.stderr.toString()).toBe(0);
    writeFileSync(join(SHOTS, 'home-after-crash.png'), png.stdout);
    const ppm = inSession(['grim', '-t', 'ppm', '-']);
    expect(browserUiPixels(readPpm(ppm.stdout)), 'browser UI over the status bar').toBe(0);
  }, 60_000);
});
