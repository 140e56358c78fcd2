import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL } from '../../common/vss/signals.ts';
import { devVariant, ENGINEERING_PIN, PROJECT_ROOT } from '../support/devVariant.ts';
import { freePort } from '../support/hostCommerce.ts';
import { TOKEN_1 } from '../support/cloud.ts';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel, type PageProblems } from './browser.ts';

/**
 * The engineering screen as a new user reaches it on a desk, by the README's own command:
 * `npm run start:web -- --scenario charging` (the start script itself, not the test stack), the
 * launch page in Chromium, Settings, seven taps on the version, the PIN; signals that change
 * while parked; "Export diagnostics" into the desk's export folder, with no token in the bundle.
 * Only the ports and the data folder differ from the command, so that it runs beside other tests.
 */
const tmp = tempDir('dashport-desk-');
const dataDir = join(tmp.dir, 'data');
const exportDir = join(dataDir, 'exports');

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`start:web exited (${code}) before running:\n${out}`)),
    );
  });
}

async function openEngineering(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  const version = page.getByTestId('system-info');
  await version.waitFor({ timeout: 15_000 });
  for (let i = 0; i < 7; i++) await version.click();
  await page.getByTestId('engineering-pin').waitFor({ timeout: 5_000 });
  for (const digit of ENGINEERING_PIN) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('engineering-tabs').waitFor({ timeout: 5_000 });
}

describe('engineering screen on a desk (npm run start:web, real Chromium)', () => {
  let start: ChildProcess;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    const [bridgePort, cloudPort, hostPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const variantFile = join(tmp.dir, 'dev.json');
    const variant = devVariant({
      bridgeUrl: `http://127.0.0.1:${bridgePort}`,
      cloudUrl: `http://127.0.0.1:${cloudPort}`,
    });
    writeFileSync(variantFile, JSON.stringify(variant));
    start = spawn(
      process.execPath,
      [
        ...['scripts/start.ts', 'web', '--no-build', '--variant', variantFile],
        ...['--host-port', String(hostPort), '--data-dir', dataDir, '--scenario', 'charging'],
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    [, browser] = await Promise.all([started(start), launchChromium()]);
    const launchPage = pathToFileURL(join(dataDir, 'host', 'open.html')).href;
    ({ page, problems } = await openPanel(browser, launchPage));
    await page.getByTestId('nav-home').waitFor({ timeout: 15_000 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (start && start.exitCode === null && start.signalCode === null) {
      const gone = new Promise((resolve) => start.once('exit', resolve));
      start.kill('SIGTERM');
      await gone;
    }
    tmp.cleanup();
  });

  it('opens with the gesture and the PIN, and shows signals changing while parked', async () => {
    await openEngineering(page);
    await page.getByTestId('engineering-tabs-signals').click();
    expect(await page.getByTestId('engineering-drive').textContent()).toMatch(/PARKED/);
    // The list is paged to fit the panel: page on, as the user would, to the range's row.
    const range = page.getByTestId(`signal-value-${SIGNAL.range}`);
    for (let i = 0; i < 10 && (await range.count()) === 0; i++) {
      await page.getByTestId('engineering-signals-next').click();
    }
    const first = await range.textContent();
    // Charging: the range grows by about 90 m a second, and the row is subscribed once a second.
    await expect
      .poll(() => range.textContent(), { timeout: 10_000, interval: 250 })
      .not.toBe(first);
  });

  it('exports a bundle into the desk folder, with no token and no host secret in it', async () => {
    await page.getByTestId('engineering-tabs-export').click();
    expect(await page.getByTestId('engineering-export-dir').textContent()).toBe(exportDir);
    await page.getByTestId('engineering-export').click();
    await page.getByTestId('engineering-export-done').waitFor({ timeout: 15_000 });

    const bundles = readdirSync(exportDir);
    expect(bundles).toEqual([expect.stringMatching(/^dashport-dev-\d{8}T\d{6}Z$/)]);
    const folder = join(exportDir, bundles[0]!);
    expect(readdirSync(folder).sort()).toEqual(['diagnostics.json', 'host.log']);
    const json = readFileSync(join(folder, 'diagnostics.json'), 'utf8');
    const log = readFileSync(join(folder, 'host.log'), 'utf8');
    const diagnostics = JSON.parse(json) as { renderer: { signals: { path: string }[] } };
    expect(diagnostics.renderer.signals.map((s) => s.path)).toContain(SIGNAL.range);
    expect(log.length).toBeGreaterThan(0);
    const hostSecret = readFileSync(join(dataDir, 'host', 'host-secret'), 'utf8').trim();
    for (const secret of [TOKEN_1, hostSecret]) {
      expect(json).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
    expect(problems.errors).toEqual([]);
  });
});
