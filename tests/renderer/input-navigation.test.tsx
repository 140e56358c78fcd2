import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../bridge/server.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { SCREENS } from '../../renderer/app/screens.ts';
import { setGeometry, type Geometry } from '../../renderer/input/focus.ts';
import type { Rect } from '../../renderer/input/spatial.ts';
import type { ScreenName } from '../../renderer/store/navSlice.ts';
import { connectVehicle, type VehicleClient } from '../../renderer/vehicle/vehicleClient.ts';
import { DRIVING, feed, PARKED, renderApp, type Harness } from './harness.tsx';

let app: Harness | undefined;
let bridge: Bridge | undefined;
let vehicle: VehicleClient | undefined;

/*
 * happy-dom has no layout (every box is 0×0), so the spatial tests give the input code a layout
 * through its geometry seam, shaped like the real CSS: each row container in document order is
 * one 100 px row (status bar, each settings choice, the parked gate, the nav bar, an overlay),
 * its controls side by side, 200 px wide with 20 px gaps. Real geometry is exercised in
 * tests/e2e/input.test.ts.
 */
const ROW =
  '.status-bar, .segmented, .gate, .nav-bar, [aria-modal="true"], ' +
  // Rows of the services screens: headers, button rows, the category tiles, list rows.
  '.screen-header, .button-row, .tiles, .list__row, .empty-state, .error-note, .cart-bar, ' +
  // Home: each column of cards.
  '.home__column';
const CONTROL = 'button, a[href], input, select, textarea, [tabindex]';
const ZERO: Rect = { left: 0, top: 0, right: 0, bottom: 0 };
const VIEWPORT: Rect = { left: 0, top: 0, right: 1920, bottom: 720 };

function rowLayout(hitTest: Geometry['hitTest'] = () => null): Geometry {
  return {
    rectOf(element) {
      const row = element.closest(ROW);
      if (!row || !element.matches(CONTROL)) return ZERO;
      const r = [...document.querySelectorAll(ROW)].indexOf(row);
      const c = [...row.querySelectorAll(CONTROL)].indexOf(element);
      return { left: c * 220, top: r * 100, right: c * 220 + 200, bottom: r * 100 + 80 };
    },
    hitTest,
    viewport: () => VIEWPORT,
  };
}

beforeEach(() => setGeometry(rowLayout()));
afterEach(async () => {
  setGeometry(null);
  delete document.documentElement.dataset.input;
  // Everything is closed even when one part fails to close, so one failure cannot spill over.
  const closing = [
    Promise.resolve().then(() => vehicle?.close()),
    Promise.resolve().then(() => bridge?.close()),
    Promise.resolve().then(() => app?.close()),
  ];
  vehicle = undefined;
  bridge = undefined;
  app = undefined;
  const failed = (await Promise.allSettled(closing)).find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
});

const focused = () => (document.activeElement as HTMLElement | null)?.dataset.testid;

function press(key: string, init: KeyboardEventInit = {}): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
}

/** One steering-wheel press as the vehicle client delivers it: the value changes, then NONE. */
function wheel(button: string): void {
  act(() => feed(app!.store, { [SIGNAL.steeringWheelButton]: button }));
  act(() => feed(app!.store, { [SIGNAL.steeringWheelButton]: 'NONE' }));
}

/** The first control of the screen shown: where a first key press lands (home has cards now). */
const firstInScreen = () => document.querySelector<HTMLElement>('main button')?.dataset.testid;

/** Reveals focus with a first press, then puts it on the nav bar's home entry. */
function focusNavHome(): void {
  expect(firstInScreen()).toBeDefined();
  press('ArrowRight');
  expect(focused()).toBe(firstInScreen());
  act(() => screen.getByTestId('nav-home').focus());
}

const stackNames = () => app!.store.getState().stack.map((s) => s.name);

/**
 * The nav bar's destinations in order, without Back. They grow as features are added, so the
 * tests walk whatever is there; home comes first and settings last.
 */
function navEntries(): string[] {
  const entries = [...document.querySelectorAll<HTMLElement>('.nav-bar button')]
    .map((b) => b.dataset.testid!)
    .filter((id) => id !== 'nav-back');
  expect(entries[0]).toBe('nav-home');
  expect(entries.at(-1)).toBe('nav-settings');
  return entries;
}

/** In the row layout, the theme choice straight above (or nearest above) a nav-bar column. */
const THEME_ABOVE = ['theme-auto', 'theme-day', 'theme-night'];
const themeAbove = (column: number) => THEME_ABOVE[Math.min(column, THEME_ABOVE.length - 1)];

describe('arrow keys and Enter', () => {
  it('first press shows focus on the current screen entry, then arrows move along the nav bar', async () => {
    app = await renderApp();
    expect(document.activeElement).toBe(document.body);
    press('ArrowRight');
    expect(focused()).toBe('nav-home');
    expect(document.documentElement.dataset.input).toBe('keys');
    const nav = navEntries();
    for (const entry of nav.slice(1)) {
      press('ArrowRight');
      expect(focused()).toBe(entry);
    }
    press('ArrowRight'); // nothing further right: focus stays
    expect(focused()).toBe('nav-settings');
    for (const entry of nav.slice(0, -1).reverse()) {
      press('ArrowLeft');
      expect(focused()).toBe(entry);
    }
  });

  it('moves between settings choices by direction and switches the language with Enter', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    const nav = navEntries();
    const column = nav.indexOf('nav-settings');
    press('ArrowRight');
    for (let i = 0; i < column; i++) press('ArrowRight');
    expect(focused()).toBe('nav-settings');
    press('Enter');
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    // A nav-bar entry keeps focus when its screen opens, as a tab does.
    expect(focused()).toBe('nav-settings');
    press('ArrowUp');
    expect(focused()).toBe(themeAbove(column)); // straight above nav-settings
    press('ArrowUp');
    expect(focused()).toBe('distance-unit-mi');
    press('ArrowUp');
    expect(focused()).toBe('language-zh-CN');
    press('ArrowRight');
    expect(focused()).toBe('language-de');
    press('ArrowLeft');
    press('ArrowLeft');
    expect(focused()).toBe('language-en');
    press('ArrowRight');
    press('Enter');
    await waitFor(() => expect(screen.getByRole('heading', { name: '设置' })).toBeTruthy());
    expect(focused()).toBe('language-zh-CN');
    expect(screen.getByTestId('language-zh-CN').getAttribute('aria-pressed')).toBe('true');
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    expect(focused()).toBe('settings-consent'); // the one control below the choices
    press('ArrowDown');
    expect(focused()).toBe('nav-home'); // straight below it
  });

  it('does not activate twice on a held Enter', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    act(() => app!.store.getState().reset({ name: 'settings' }));
    press('PageDown'); // reveal: first control of the screen
    expect(focused()).toBe('language-en');
    press('PageDown');
    press('Enter', { repeat: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.store.getState().settings.language).toBe('en');
  });

  it('leaves keys with Ctrl/Alt/Meta alone', async () => {
    app = await renderApp();
    press('ArrowRight', { altKey: true });
    expect(document.activeElement).toBe(document.body);
  });

  it('marks pointer input so the ring follows keys, not taps', async () => {
    app = await renderApp();
    press('ArrowRight');
    expect(document.documentElement.dataset.input).toBe('keys');
    fireEvent.pointerDown(screen.getByTestId('nav-settings'));
    expect(document.documentElement.dataset.input).toBe('pointer');
  });
});

describe('rotary controller', () => {
  it('steps through controls in reading order and stops at the ends', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    act(() => app!.store.getState().reset({ name: 'settings' }));
    press('PageDown');
    expect(focused()).toBe('language-en');
    const seen = [focused()];
    const nav = navEntries();
    const choices = [
      'language-en',
      'language-zh-CN',
      'language-de',
      'distance-unit-km',
      'distance-unit-mi',
      'theme-auto',
      'theme-day',
      'theme-night',
      'settings-consent',
    ];
    // Through every choice and nav entry, then three more presses that stay at the end.
    while (seen.length < choices.length + nav.length + 3) {
      press('PageDown');
      seen.push(focused());
    }
    expect(seen.slice(0, choices.length + nav.length)).toEqual([...choices, ...nav]);
    expect(seen.slice(choices.length + nav.length)).toEqual(Array(3).fill('nav-settings'));
    for (const entry of nav.slice(0, -1).reverse()) {
      press('PageUp');
      expect(focused()).toBe(entry);
    }
    press('Tab', { shiftKey: true });
    expect(focused()).toBe('settings-consent');
    press('Tab');
    expect(focused()).toBe('nav-home');
  });
});

describe('back and home', () => {
  it('Escape, Backspace and the browser Back key pop the stack and restore focus', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    press('ArrowRight');
    for (let i = 1; i < navEntries().length; i++) press('ArrowRight');
    expect(focused()).toBe('nav-settings');
    for (const key of ['Escape', 'Backspace', 'BrowserBack']) {
      act(() => app!.store.getState().push({ name: 'settings' }));
      expect(stackNames()).toEqual(['home', 'settings']);
      // A pushed screen takes focus on its first control.
      expect(focused()).toBe('language-en');
      press('PageDown');
      expect(focused()).toBe('language-zh-CN');
      press(key);
      expect(stackNames()).toEqual(['home']);
      // Back where focus was before the screen opened.
      expect(focused()).toBe('nav-settings');
    }
    // At home, Back has nothing to pop; the key is still taken so a browser cannot navigate away.
    const event = new KeyboardEvent('keydown', {
      key: 'BrowserBack',
      bubbles: true,
      cancelable: true,
    });
    act(() => void document.activeElement!.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    expect(stackNames()).toEqual(['home']);
  });

  it('returns focus to the same control of a screen that was unmounted meanwhile', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    act(() => app!.store.getState().reset({ name: 'settings' }));
    press('PageDown'); // reveals the first choice
    for (let i = 0; i < 4; i++) press('PageDown');
    const before = document.activeElement;
    expect(focused()).toBe('distance-unit-mi');
    act(() => app!.store.getState().push({ name: 'home' }));
    expect(screen.queryByTestId('distance-unit-mi')).toBeNull();
    press('Escape');
    expect(stackNames()).toEqual(['settings']);
    expect(focused()).toBe('distance-unit-mi');
    expect(document.activeElement).not.toBe(before); // a new element, found again
  });

  it('the nav-bar Back button, activated with Enter, pops and focus returns', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    focusNavHome();
    act(() => app!.store.getState().push({ name: 'settings' }));
    press('PageUp'); // from the first choice back to... nothing before it in the screen
    // The status bar has no control, so the first choice is the first control at all.
    expect(focused()).toBe('language-en');
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    expect(focused()).toBe('nav-back');
    press('Enter');
    expect(stackNames()).toEqual(['home']);
    expect(focused()).toBe('nav-home');
  });
});

describe('steering-wheel buttons', () => {
  it('move, activate, go back and go home', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { ...PARKED, [SIGNAL.steeringWheelButton]: 'NONE' }));
    wheel('RIGHT');
    expect(focused()).toBe(firstInScreen());
    expect(document.documentElement.dataset.input).toBe('keys');
    act(() => screen.getByTestId('nav-home').focus());
    const nav = navEntries();
    for (const entry of nav.slice(1)) {
      wheel('RIGHT');
      expect(focused()).toBe(entry);
    }
    wheel('OK');
    expect(stackNames()).toEqual(['settings']);
    wheel('UP');
    expect(focused()).toBe(themeAbove(nav.length - 1));
    wheel('LEFT');
    wheel('LEFT');
    expect(focused()).toBe('theme-auto');
    wheel('DOWN');
    expect(focused()).toBe('settings-consent');
    wheel('DOWN');
    expect(focused()).toBe('nav-home');
    act(() => app!.store.getState().push({ name: 'home' }));
    expect(stackNames()).toEqual(['settings', 'home']);
    wheel('BACK');
    expect(stackNames()).toEqual(['settings']);
    act(() => app!.store.getState().push({ name: 'home' }));
    wheel('HOME');
    expect(stackNames()).toEqual(['home']);
    expect(screen.getByTestId('nav-home').getAttribute('aria-current')).toBe('page');
  });

  it('HOME from a deep stack returns to home, with focus on a control that still exists', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { ...PARKED, [SIGNAL.steeringWheelButton]: 'NONE' }));
    act(() => app!.store.getState().reset({ name: 'settings' }));
    wheel('DOWN'); // reveal: first control of the screen
    expect(focused()).toBe('language-en');
    act(() => app!.store.getState().push({ name: 'home' }));
    act(() => app!.store.getState().push({ name: 'settings' }));
    expect(stackNames()).toEqual(['settings', 'home', 'settings']);
    wheel('HOME');
    expect(stackNames()).toEqual(['home']);
    expect(focused()).toBe(firstInScreen());
  });

  it('counts a held button once and ignores the value seen first after connecting', async () => {
    app = await renderApp();
    act(() => feed(app!.store, { [SIGNAL.steeringWheelButton]: 'RIGHT' })); // baseline only
    expect(document.activeElement).toBe(document.body);
    act(() => feed(app!.store, { [SIGNAL.steeringWheelButton]: 'RIGHT' })); // still held
    expect(document.activeElement).toBe(document.body);
    act(() => feed(app!.store, { [SIGNAL.steeringWheelButton]: 'NONE' }));
    wheel('RIGHT');
    expect(focused()).toBe('nav-home');
  });

  it('arrive from the real bridge through the vehicle client', async () => {
    app = await renderApp();
    bridge = await startBridge({ host: '127.0.0.1', port: 0 });
    bridge.store.set(SIGNAL.steeringWheelButton, 'NONE');
    vehicle = connectVehicle(bridge.url, app.store);
    const held = () => app!.store.getState().signals[SIGNAL.steeringWheelButton]?.value;
    await waitFor(() => expect(held()).toBe('NONE'), { timeout: 5000 });
    // Presses are events: the client asks for every change, not for a sampled level.
    const sub = bridge.stats().subscriptions.find((s) => s.path === SIGNAL.steeringWheelButton);
    expect(sub?.filter.variant).toBe('change');
    const pressOnBridge = async (button: string) => {
      bridge!.store.set(SIGNAL.steeringWheelButton, button);
      await waitFor(() => expect(held()).toBe(button), { timeout: 5000 });
      bridge!.store.set(SIGNAL.steeringWheelButton, 'NONE');
      await waitFor(() => expect(held()).toBe('NONE'), { timeout: 5000 });
    };
    await pressOnBridge('RIGHT');
    expect(focused()).toBe('nav-home');
    const second = navEntries()[1]!;
    await pressOnBridge('RIGHT');
    expect(focused()).toBe(second);
    await pressOnBridge('OK');
    expect(stackNames()).toEqual([second.replace('nav-', '')]);
    await pressOnBridge('HOME');
    expect(stackNames()).toEqual(['home']);
    // A press and release faster than a frame still counts: button values skip the frame batch.
    act(() => (document.activeElement as HTMLElement).blur());
    bridge.store.set(SIGNAL.steeringWheelButton, 'RIGHT');
    bridge.store.set(SIGNAL.steeringWheelButton, 'NONE');
    await waitFor(() => expect(focused()).toBe('nav-home'), { timeout: 5000 });
    expect(vehicle.rejected).toBe(0);
  }, 30_000);
});

describe('overlays', () => {
  function openOverlay(): HTMLElement {
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.innerHTML =
      '<button data-testid="overlay-ok">OK</button><button data-testid="overlay-cancel">Cancel</button>';
    document.body.append(overlay);
    return overlay;
  }

  it('keeps focus inside a modal overlay, and Back goes to the overlay, not the stack', async () => {
    app = await renderApp();
    act(() => feed(app!.store, PARKED));
    act(() => app!.store.getState().push({ name: 'settings' }));
    const overlay = openOverlay();
    let cancelled = 0;
    overlay.addEventListener('cancel', () => {
      cancelled += 1;
      overlay.remove();
    });
    press('PageDown');
    expect(focused()).toBe('overlay-ok');
    press('PageDown');
    press('PageDown');
    expect(focused()).toBe('overlay-cancel');
    press('PageUp');
    press('PageUp');
    expect(focused()).toBe('overlay-ok');
    press('ArrowUp'); // nothing of the screen under the overlay is a target
    press('ArrowDown');
    expect(focused()).toBe('overlay-ok');
    press('Escape');
    expect(cancelled).toBe(1);
    expect(stackNames()).toEqual(['home', 'settings']);
  });

  it('skips a control drawn under something else', async () => {
    app = await renderApp();
    const toast = document.createElement('div');
    document.body.append(toast);
    setGeometry(
      rowLayout((x, y) => {
        // The toast covers the centre of the second nav entry.
        const covered = screen.getByTestId(navEntries()[1]!);
        const r = rowLayout().rectOf(covered);
        const inside = x >= r.left && x < r.right && y >= r.top && y < r.bottom;
        return inside ? toast : null;
      }),
    );
    act(() => feed(app!.store, PARKED));
    focusNavHome();
    press('ArrowRight'); // over the covered entry to the next one
    expect(focused()).toBe(navEntries()[2]);
    press('PageUp');
    expect(focused()).toBe('nav-home');
    toast.remove();
  });
});

describe('D3: every control of every screen is reachable without touch', () => {
  const enabledButtons = () =>
    [...document.querySelectorAll<HTMLButtonElement>('button')]
      .filter((b) => !b.disabled)
      .map((b) => b.dataset.testid);

  /** All controls reached by the rotary from the first one. */
  function byRotary(): Set<string | undefined> {
    press('PageDown'); // reveal
    for (let i = 0; i < 50; i++) press('PageUp');
    const reached = new Set([focused()]);
    for (let i = 0; i < 50; i++) {
      press('PageDown');
      reached.add(focused());
    }
    return reached;
  }

  /** All controls reached by arrow keys from the first one (every direction from every control). */
  function byArrows(): Set<string | undefined> {
    press('PageDown');
    for (let i = 0; i < 50; i++) press('PageUp');
    const start = document.activeElement as HTMLElement;
    const reached = new Set<HTMLElement>([start]);
    const queue = [start];
    while (queue.length) {
      const from = queue.shift()!;
      for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
        act(() => from.focus());
        press(key);
        const to = document.activeElement as HTMLElement;
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    return new Set([...reached].map((el) => el.dataset.testid));
  }

  const OCCUPIED = { [SIGNAL.row1PassengerOccupancy]: 'OCCUPIED' };
  const states: [string, (h: Harness) => void][] = [
    ['parked', (h) => feed(h.store, PARKED)],
    ['moving, passenger seat occupied', (h) => feed(h.store, { ...DRIVING, ...OCCUPIED })],
    [
      'moving, in passenger mode',
      (h) => {
        feed(h.store, { ...DRIVING, ...OCCUPIED });
        h.store.getState().enterPassengerMode(performance.now());
      },
    ],
  ];

  for (const name of Object.keys(SCREENS) as ScreenName[]) {
    for (const [stateName, enter] of states) {
      it(`${name}, ${stateName}`, async () => {
        app = await renderApp();
        act(() => enter(app!));
        act(() => app!.store.getState().reset({ name }));
        const all = enabledButtons();
        expect(all.length).toBeGreaterThan(0);
        expect([...byRotary()].sort()).toEqual([...all].sort());
        expect([...byArrows()].sort()).toEqual([...all].sort());
      });
    }
  }
});
