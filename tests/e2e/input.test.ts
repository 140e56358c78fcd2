import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp.ts';
import { launchChromium, openPanel } from './browser.ts';
import { startStack, type Stack } from './stack.ts';
import { connectControl, type VehicleControl } from './vehicleControl.ts';

/** What the test needs to know about the focused element, read in the page. */
interface FocusInfo {
  testId: string | undefined;
  rect: { left: number; top: number; right: number; bottom: number };
  outlineStyle: string;
  outlineWidth: number;
  outlineOffset: number;
  outlineColor: string;
  focusToken: string;
  viewport: { width: number; height: number };
}

function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    // The --focus token resolved to the same colour syntax as outline-color.
    const probe = document.createElement('span');
    probe.style.color = 'var(--focus)';
    document.body.append(probe);
    const focusToken = getComputedStyle(probe).color;
    probe.remove();
    const r = el.getBoundingClientRect();
    return {
      testId: el.dataset.testid,
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineOffset: parseFloat(style.outlineOffset),
      outlineColor: style.outlineColor,
      focusToken,
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

/** The ring is drawn in the focus colour, thick enough to see, and wholly on screen. */
function expectVisibleRing(info: FocusInfo): void {
  expect(info.outlineStyle).toBe('solid');
  expect(info.outlineWidth).toBeGreaterThanOrEqual(2);
  expect(info.outlineColor).toBe(info.focusToken);
  const reach = info.outlineWidth + info.outlineOffset;
  expect(info.rect.left - reach).toBeGreaterThanOrEqual(0);
  expect(info.rect.top - reach).toBeGreaterThanOrEqual(0);
  expect(info.rect.right + reach).toBeLessThanOrEqual(info.viewport.width);
  expect(info.rect.bottom + reach).toBeLessThanOrEqual(info.viewport.height);
}

/**
 * The nav bar's destinations in order, without Back. They grow as features are added, so the
 * tests walk whatever is there; home comes first and settings last.
 */
async function navEntries(page: Page): Promise<string[]> {
  const entries = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.nav-bar button')]
      .map((b) => b.dataset.testid ?? '')
      .filter((id) => id !== 'nav-back'),
  );
  expect(entries[0]).toBe('nav-home');
  expect(entries.at(-1)).toBe('nav-settings');
  return entries;
}

/**
 * The first control of the screen shown: where a first key press lands. Waits for it, so a press
 * made after this lands there (home's cards draw after the nav bar).
 */
async function firstInScreen(page: Page): Promise<string | undefined> {
  await page.locator('main button').first().waitFor({ timeout: 20_000 });
  const id = await page.evaluate(
    () => document.querySelector<HTMLElement>('main button')?.dataset.testid,
  );
  expect(id).toBeDefined();
  return id;
}

/** With key input shown, puts focus on the nav bar's home entry (home's cards come first). */
async function focusNavHome(page: Page): Promise<FocusInfo> {
  await page.getByTestId('nav-home').focus();
  return focusInfo(page);
}

describe('non-touch input in Chromium (real layout, real bridge, cloud and host)', () => {
  const tmp = tempDir('dashport-e2e-input-');
  let stack: Stack;
  let browser: Browser;

  let control: VehicleControl;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(tmp.dir), launchChromium()]);
    // Parked, so every screen shows its controls and the layout stays put while keys move focus.
    control = await connectControl(stack.bridge.url);
    await control.park();
  });
  afterAll(async () => {
    control?.close();
    await browser?.close();
    await stack?.stop();
    tmp.cleanup();
  });

  it('arrow keys move focus spatially along the nav bar, with a visible ring', async () => {
    const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
    await page.getByTestId('nav-home').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    // The first press shows where focus is: the screen's first control (a home card's).
    const firstControl = await firstInScreen(page);
    await page.keyboard.press('ArrowRight');
    const first = await focusInfo(page);
    expect(first.testId).toBe(firstControl);
    expectVisibleRing(first);
    const home = await focusNavHome(page);
    expect(home.testId).toBe('nav-home');
    expectVisibleRing(home);

    const nav = await navEntries(page);
    let previous = home;
    for (const entry of nav.slice(1)) {
      await page.keyboard.press('ArrowRight');
      const next = await focusInfo(page);
      expect(next.testId).toBe(entry);
      expectVisibleRing(next);
      // Moved to the right, in the same row.
      expect(next.rect.left).toBeGreaterThanOrEqual(previous.rect.right);
      expect(next.rect.top).toBeLessThan(home.rect.bottom);
      expect(next.rect.bottom).toBeGreaterThan(home.rect.top);
      previous = next;
    }

    // Nothing below the nav bar: focus stays. (Right of the last entry, the nearest control up
    // and to the right is a home card's, which is where Right may rightly go.)
    await page.keyboard.press('ArrowDown');
    expect((await focusInfo(page)).testId).toBe('nav-settings');

    for (const entry of nav.slice(0, -1).reverse()) {
      await page.keyboard.press('ArrowLeft');
      expect((await focusInfo(page)).testId).toBe(entry);
    }

    // Rotary as Tab / Shift+Tab: reading order, and Tab never leaves the app.
    for (const entry of nav.slice(1)) {
      await page.keyboard.press('Tab');
      expect((await focusInfo(page)).testId).toBe(entry);
    }
    await page.keyboard.press('Tab');
    expect((await focusInfo(page)).testId).toBe('nav-settings');
    await page.keyboard.press('Shift+Tab');
    expect((await focusInfo(page)).testId).toBe(nav.at(-2));
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('Enter activates the focused control; Back pops and restores focus, and keeps the app', async () => {
    const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
    await page.getByTestId('nav-home').waitFor({ timeout: 20_000 });
    const url = page.url();
    const nav = await navEntries(page);
    // The first press reveals focus (on a home card once they are drawn); start from nav-home.
    await page.keyboard.press('ArrowRight');
    await focusNavHome(page);
    for (let i = 1; i < nav.length; i++) await page.keyboard.press('ArrowRight');
    // Enter is handled once: our click, not also the browser's implicit one.
    await page.evaluate(() => {
      const button = document.querySelector<HTMLElement>('[data-testid="nav-settings"]')!;
      button.addEventListener('click', () => {
        button.dataset.clicks = String(Number(button.dataset.clicks ?? 0) + 1);
      });
    });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('nav-settings').getAttribute('aria-current'))
      .toBe('page');
    expect(
      await page.evaluate(() => window.dashportTest!.store.getState().stack.map((s) => s.name)),
    ).toEqual(['settings']);
    expect(await page.getByTestId('nav-settings').getAttribute('data-clicks')).toBe('1');
    // A nav entry keeps focus when its screen opens; the ring stays on it.
    const after = await focusInfo(page);
    expect(after.testId).toBe('nav-settings');
    expectVisibleRing(after);

    const names = () =>
      page.evaluate(() => window.dashportTest!.store.getState().stack.map((s) => s.name));
    for (let i = 1; i < nav.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await names()).toEqual(['home']);

    // Back pops a pushed screen and focus returns to where it was.
    await page.keyboard.press('ArrowRight');
    await page.evaluate(() => window.dashportTest!.store.getState().push({ name: 'settings' }));
    expect(await names()).toEqual(['home', 'settings']);
    await page.keyboard.press('Escape');
    expect(await names()).toEqual(['home']);
    const restored = await focusInfo(page);
    expect(restored.testId).toBe(nav[1]);
    expectVisibleRing(restored);

    // At home Back has nothing to pop, and the browser's Back key is kept from the browser.
    await page.keyboard.press('Backspace');
    const prevented = await page.evaluate(() => {
      const event = new KeyboardEvent('keydown', {
        key: 'BrowserBack',
        bubbles: true,
        cancelable: true,
      });
      document.activeElement!.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(prevented).toBe(true);
    expect(await names()).toEqual(['home']);
    expect(page.url()).toBe(url);
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('in a real layout, arrows pick the nearest control each way, inside a modal overlay', async () => {
    const { page, problems } = await openPanel(browser, hostPageUrl(stack.host));
    await page.getByTestId('nav-home').waitFor({ timeout: 20_000 });
    // A modal overlay holding a 3×3 grid of buttons (styled through the CSSOM: the CSP forbids
    // inline style attributes). Its Back handler removes it, as a dialog would close.
    await page.evaluate(() => {
      const overlay = document.createElement('div');
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      Object.assign(overlay.style, { position: 'fixed', inset: '0', background: 'var(--bg)' });
      for (let i = 0; i < 9; i++) {
        const button = document.createElement('button');
        button.className = 'button';
        button.textContent = String(i);
        button.dataset.testid = `cell-${i}`;
        Object.assign(button.style, {
          position: 'absolute',
          left: `${200 + (i % 3) * 200}px`,
          top: `${60 + Math.floor(i / 3) * 200}px`,
          width: '150px',
          height: '150px',
        });
        overlay.append(button);
      }
      overlay.addEventListener('cancel', () => overlay.remove());
      document.body.append(overlay);
    });
    const at = async () => (await focusInfo(page)).testId;
    await page.keyboard.press('ArrowRight'); // reveal: the overlay's first control
    expect(await at()).toBe('cell-0');
    const moves: [string, string][] = [
      ['ArrowRight', 'cell-1'],
      ['ArrowDown', 'cell-4'],
      ['ArrowRight', 'cell-5'],
      ['ArrowDown', 'cell-8'],
      ['ArrowDown', 'cell-8'], // the nav bar lies below, but under the overlay
      ['ArrowLeft', 'cell-7'],
      ['ArrowLeft', 'cell-6'],
      ['ArrowUp', 'cell-3'],
      ['ArrowUp', 'cell-0'],
      ['ArrowUp', 'cell-0'], // nor can the status bar be reached
    ];
    for (const [key, expected] of moves) {
      await page.keyboard.press(key);
      expect(await at(), `${key} -> ${expected}`).toBe(expected);
    }
    expectVisibleRing(await focusInfo(page));
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(
      await page.evaluate(() => window.dashportTest!.store.getState().stack.map((s) => s.name)),
    ).toEqual(['home']);
    expect(problems.errors, problems.errors.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('a control drawn under something else is skipped', async () => {
    const { page } = await openPanel(browser, hostPageUrl(stack.host));
    await page.getByTestId('nav-home').waitFor({ timeout: 20_000 });
    const nav = await navEntries(page);
    // A toast-like box over the middle of the second nav entry (not modal: only what it covers is lost).
    await page.evaluate((covered) => {
      const r = document.querySelector(`[data-testid="${covered}"]`)!.getBoundingClientRect();
      const toast = document.createElement('div');
      toast.dataset.testid = 'toast';
      Object.assign(toast.style, {
        position: 'fixed',
        left: `${r.left}px`,
        top: `${r.top}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
        background: 'var(--surface)',
      });
      document.body.append(toast);
    }, nav[1]!);
    await page.keyboard.press('ArrowRight');
    expect((await focusNavHome(page)).testId).toBe('nav-home');
    // Past the covered entry, by direction and in reading order alike.
    await page.keyboard.press('ArrowRight');
    expect((await focusInfo(page)).testId).toBe(nav[2]);
    await page.keyboard.press('Shift+Tab');
    expect((await focusInfo(page)).testId).toBe('nav-home');
    await page.evaluate(() => document.querySelector('[data-testid="toast"]')!.remove());
    await page.keyboard.press('ArrowRight');
    expect((await focusInfo(page)).testId).toBe(nav[1]);
    await page.context().close();
  });

  it('the ring meets the night theme too, and a tap hides it', async () => {
    const { page } = await openPanel(browser, hostPageUrl(stack.host));
    await page.getByTestId('nav-home').waitFor({ timeout: 20_000 });
    await page.evaluate(() =>
      window.dashportTest!.store.getState().updateSettings({ themeMode: 'night' }),
    );
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('night');
    await page.keyboard.press('ArrowRight');
    const night = await focusNavHome(page);
    expect(night.testId).toBe('nav-home');
    expectVisibleRing(night);
    expect(night.focusToken).toBe('rgb(156, 194, 255)'); // night --focus #9cc2ff

    await page.getByTestId('nav-settings').click();
    expect(await page.locator('html').getAttribute('data-input')).toBe('pointer');
    expect((await focusInfo(page)).outlineStyle).toBe('none');
    await page.evaluate(() =>
      window.dashportTest!.store.getState().updateSettings({ themeMode: 'auto' }),
    );
    await page.context().close();
  });
});
