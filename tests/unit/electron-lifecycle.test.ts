import { describe, expect, it } from 'vitest';
import {
  createShutdown,
  DEFAULT_RELOAD_POLICY,
  nextReload,
  recordCrash,
  secondInstanceSteps,
  SHUTDOWN_ORDER,
  shouldRecoverRenderer,
  singleInstanceAction,
  type ReloadDecision,
} from '../../electron/main/lifecycle.ts';

/**
 * Plays a crash loop: the renderer crashes, is reloaded after the policy's delay, runs for
 * `runsMs[i]` and crashes again. Returns every decision, in order.
 */
function crashLoop(runsMs: readonly number[], start = 1_000_000): ReloadDecision[] {
  const decisions: ReloadDecision[] = [];
  let history: number[] = [];
  let now = start;
  for (const runMs of [0, ...runsMs]) {
    now += runMs;
    history = recordCrash(history, now);
    const decision = nextReload(history, now);
    decisions.push(decision);
    if (decision.action === 'reload') now += decision.delayMs;
  }
  return decisions;
}

const quickly = (n: number) => Array.from({ length: n }, () => 100);
const delays = (decisions: ReloadDecision[]) =>
  decisions.map((d) => (d.action === 'reload' ? d.delayMs : 'give-up'));

describe('nextReload', () => {
  it('backs off 0.5 s doubling to a 30 s ceiling while the renderer keeps crashing', () => {
    expect(delays(crashLoop(quickly(7)))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('gives up on the crash after too many in the window, and stays given up', () => {
    const decisions = crashLoop(quickly(10));
    expect(decisions.slice(0, 8).every((d) => d.action === 'reload')).toBe(true);
    expect(decisions[8]).toEqual({ action: 'give-up', crashesInWindow: 9 });
    expect(delays(decisions.slice(9))).toEqual(['give-up', 'give-up']);
  });

  it('starts the backoff over after a stable run', () => {
    expect(delays(crashLoop([100, 100, 61_000, 100]))).toEqual([500, 1000, 2000, 500, 1000]);
  });

  it('measures the run from the reload, so a long delay does not pass for stability', () => {
    // 30 s delay + 40 s run = 70 s between crashes, but the renderer only ran 40 s.
    expect(delays(crashLoop([...quickly(6), 40_000]))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('gives up on a renderer that crashes every minute and a half, stable or not', () => {
    expect(crashLoop(Array.from({ length: 8 }, () => 70_000)).at(-1)).toEqual({
      action: 'give-up',
      crashesInWindow: 9,
    });
  });

  it.each([
    [
      [],
      'first call with an empty history still reloads',
      { action: 'reload', delayMs: 500, attempt: 1 },
    ],
    [[5_000], 'a single crash', { action: 'reload', delayMs: 500, attempt: 1 }],
    [
      [9_999_999, 5_000],
      'timestamps from the future are ignored',
      { action: 'reload', delayMs: 500, attempt: 1 },
    ],
    [
      [Number.NaN, 5_000],
      'non-numbers are ignored',
      { action: 'reload', delayMs: 500, attempt: 1 },
    ],
  ] as const)('%o: %s', (history, _label, expected) => {
    expect(nextReload(history, 5_000)).toEqual(expected);
  });

  it('forgets crashes older than the window', () => {
    const old = Array.from({ length: 20 }, (_, i) => i * 1000);
    const now = 20 * 1000 + DEFAULT_RELOAD_POLICY.windowMs + 1;
    expect(nextReload([...old, now], now)).toEqual({ action: 'reload', delayMs: 500, attempt: 1 });
  });
});

describe('recordCrash', () => {
  it('appends the crash and keeps the history bounded', () => {
    let history: number[] = [];
    for (let t = 0; t < 1000; t++) history = recordCrash(history, t * 60_000);
    expect(history.at(-1)).toBe(999 * 60_000);
    expect(history.length).toBeLessThanOrEqual(11);
  });
});

describe('shouldRecoverRenderer', () => {
  it.each([
    ['crashed', false, true],
    ['oom', false, true],
    ['killed', false, true],
    ['abnormal-exit', false, true],
    ['launch-failed', false, true],
    ['clean-exit', false, false],
    ['crashed', true, false],
    ['oom', true, false],
  ])('%s while quitting=%s -> %s', (reason, quitting, recover) => {
    expect(shouldRecoverRenderer(reason, quitting)).toBe(recover);
  });
});

describe('single instance', () => {
  it.each([
    [true, 'run'],
    [false, 'quit'],
  ] as const)('gotLock=%s -> %s', (gotLock, action) => {
    expect(singleInstanceAction(gotLock)).toBe(action);
  });

  it.each([
    [{ exists: false, isMinimized: false, isVisible: false }, []],
    [{ exists: true, isMinimized: false, isVisible: true }, ['focus']],
    [{ exists: true, isMinimized: true, isVisible: true }, ['restore', 'focus']],
    [{ exists: true, isMinimized: false, isVisible: false }, ['show', 'focus']],
    [{ exists: true, isMinimized: true, isVisible: false }, ['restore', 'show', 'focus']],
  ])('second instance with window %o -> %o', (window, steps) => {
    expect(secondInstanceSteps(window)).toEqual(steps);
  });
});

describe('createShutdown', () => {
  it('closes windows, then IPC, then the host, exactly once', () => {
    const calls: string[] = [];
    const shutdown = createShutdown(
      {
        closeWindows: () => calls.push('closeWindows'),
        unbindIpc: () => calls.push('unbindIpc'),
        closeHost: () => calls.push('closeHost'),
      },
      () => {},
    );
    expect(shutdown.done).toBe(false);
    shutdown.run();
    shutdown.run();
    expect(calls).toEqual(['closeWindows', 'unbindIpc', 'closeHost']);
    expect(SHUTDOWN_ORDER.at(-1)).toBe('closeHost');
    expect(shutdown.done).toBe(true);
  });

  it('still closes the host when an earlier step throws, and reports the failure', () => {
    const calls: string[] = [];
    const errors: string[] = [];
    createShutdown(
      {
        closeWindows: () => {
          throw new Error('window already gone');
        },
        unbindIpc: () => calls.push('unbindIpc'),
        closeHost: () => calls.push('closeHost'),
      },
      (step, error) => errors.push(`${step}: ${(error as Error).message}`),
    ).run();
    expect(calls).toEqual(['unbindIpc', 'closeHost']);
    expect(errors).toEqual(['closeWindows: window already gone']);
  });
});
