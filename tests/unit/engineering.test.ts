import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPinGate,
  LOCKOUT_MS,
  MAX_FAILURES,
} from '../../electron/host/engineering/pinGate.ts';
import { engineeringHandlers } from '../../electron/host/handlers/engineering.ts';
import { HostFailure } from '../../electron/host/dispatch.ts';
import { runtimeOf } from '../../renderer/features/settings/EngineeringScreen.tsx';
import { countTap, TAP_WINDOW_MS } from '../../renderer/features/settings/versionTaps.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { devVariant } from '../support/devVariant.ts';

const NO_SERVICES = {
  outbox: {} as never,
  dataDir: '/nonexistent',
  monitor: {} as never,
  settings: {} as never,
  events: {} as never,
};
const handlersFor = (variant: Variant) =>
  engineeringHandlers({
    services: NO_SERVICES,
    facts: {
      variant,
      version: '0',
      buildTime: '2026-01-01T00:00:00.000Z',
      transport: 'socket',
      testHooks: false,
      bridgeToken: null,
    },
    secrets: [],
    recentLog: () => [],
  });
const digest = (pin: string) => createHash('sha256').update(pin).digest('hex');

describe('the engineering PIN gate (host)', () => {
  it('opens on the PIN, and on nothing else', () => {
    const gate = createPinGate(digest('2468'), () => 0);
    expect(gate.attempt('1234')).toEqual({ unlocked: false, retryAfterMs: 0 });
    expect(gate.attempt('24680')).toEqual({ unlocked: false, retryAfterMs: 0 });
    expect(gate.attempt('2468')).toEqual({ unlocked: true, retryAfterMs: 0 });
  });

  it('waits after five wrong PINs, longer each time after that, and takes the PIN once it has waited', () => {
    let now = 0;
    const gate = createPinGate(digest('2468'), () => now);
    for (let i = 1; i < MAX_FAILURES; i++) expect(gate.attempt('0000').retryAfterMs).toBe(0);
    expect(gate.attempt('0000')).toEqual({ unlocked: false, retryAfterMs: LOCKOUT_MS });
    // While it waits, even the right PIN is not taken.
    now = LOCKOUT_MS - 1;
    expect(gate.attempt('2468')).toEqual({ unlocked: false, retryAfterMs: 1 });
    now = LOCKOUT_MS;
    expect(gate.attempt('1111')).toEqual({ unlocked: false, retryAfterMs: 2 * LOCKOUT_MS });
    now = 3 * LOCKOUT_MS;
    expect(gate.attempt('2468').unlocked).toBe(true);
    // A success starts the count again.
    expect(gate.attempt('0000').retryAfterMs).toBe(0);
  });

  it('is closed on a line without a PIN, with a typed refusal', () => {
    const { engineering: _none, ...withoutPin } = devVariant();
    const handlers = handlersFor(withoutPin);
    expect(() => handlers['engineering.unlock']({ pin: '2468' })).toThrow(HostFailure);
    const dev = handlersFor(devVariant());
    const opened = dev['engineering.unlock']({ pin: '2468' }) as { session: string | null };
    expect(opened).toMatchObject({ unlocked: true, retryAfterMs: 0 });
    expect(opened.session).toMatch(/^[0-9a-f]{64}$/);
    expect(dev['engineering.unlock']({ pin: '1111' })).toEqual({
      unlocked: false,
      retryAfterMs: 0,
      session: null,
    });
  });
});

describe('the version-tap gesture', () => {
  it.each<[string, number[], number, number]>([
    ['the first tap', [], 1000, 1],
    ['taps close together add up', [0, 500, 1000, 1500, 2000, 2500], 3000, 7],
    ['a slow tap starts again', [0, 500], 500 + TAP_WINDOW_MS, 1],
    ['old taps drop out of the window', [0, 3000, 3500], TAP_WINDOW_MS + 100, 3],
  ])('%s', (_what, taps, now, expected) => {
    expect(countTap(taps, now)).toHaveLength(expected);
  });
});

describe('runtimeOf: what the page runs in', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 (KHTML, like Gecko) dashport/0.1.0 Chrome/140.0.7339.41 Electron/45.4.1 Safari/537.36',
      { chrome: '140.0', electron: '45.4.1' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      { chrome: '156.0', electron: null },
    ],
    ['curl/8.0', { chrome: null, electron: null }],
  ])('%s', (ua, expected) => {
    expect(runtimeOf(ua)).toEqual(expected);
  });
});
