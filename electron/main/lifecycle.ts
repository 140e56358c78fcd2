/**
 * Lifecycle decisions of the shell (crash recovery, single instance, shutdown order) as pure
 * functions, so their behaviour is table-tested without Electron.
 */

export interface ReloadPolicy {
  /** Delay before the first reload after a stable run. */
  baseDelayMs: number;
  /** Ceiling of the doubling delay. */
  maxDelayMs: number;
  /** A renderer that ran this long after its reload counts as stable: the backoff starts over. */
  stableAfterMs: number;
  /** Crashes are counted over this sliding window ... */
  windowMs: number;
  /** ... and more than this many in it means reloading is not helping: give up. */
  maxCrashesInWindow: number;
}

/** 0.5 s doubling to 30 s; a minute of stable running resets it; 8 crashes in 10 min is the end. */
export const DEFAULT_RELOAD_POLICY: ReloadPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  windowMs: 10 * 60_000,
  maxCrashesInWindow: 8,
};

export type ReloadDecision =
  | { action: 'reload'; delayMs: number; attempt: number }
  | { action: 'give-up'; crashesInWindow: number };

function delayFor(attempt: number, policy: ReloadPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/**
 * What to do after the renderer is gone. `crashTimestamps` holds every crash so far, including
 * the one being handled (at or before `now`). The backoff attempt grows while the renderer keeps
 * crashing soon after each reload and starts over once a reload ran stably for `stableAfterMs`.
 */
export function nextReload(
  crashTimestamps: readonly number[],
  now: number,
  policy: ReloadPolicy = DEFAULT_RELOAD_POLICY,
): ReloadDecision {
  const past = crashTimestamps.filter((t) => Number.isFinite(t) && t <= now).sort((a, b) => a - b);
  const crashesInWindow = past.filter((t) => now - t < policy.windowMs).length;
  if (crashesInWindow > policy.maxCrashesInWindow) return { action: 'give-up', crashesInWindow };

  let attempt = 0;
  let previous: number | undefined;
  for (const t of past) {
    // Time the renderer actually ran: from its reload (previous crash + delay) to this crash.
    const ranFor = previous === undefined ? Infinity : t - previous - delayFor(attempt, policy);
    attempt = ranFor >= policy.stableAfterMs ? 1 : attempt + 1;
    previous = t;
  }
  attempt = Math.max(attempt, 1);
  return { action: 'reload', delayMs: delayFor(attempt, policy), attempt };
}

/** Adds a crash and drops what no longer matters (older than the window), so memory stays bounded. */
export function recordCrash(
  crashTimestamps: readonly number[],
  now: number,
  policy: ReloadPolicy = DEFAULT_RELOAD_POLICY,
): number[] {
  // Keep one window plus the longest delay and a stable run: older crashes cannot affect nextReload.
  const horizon = Math.max(policy.windowMs, policy.maxDelayMs + policy.stableAfterMs);
  return [...crashTimestamps.filter((t) => now - t < horizon), now];
}

/** Whether a lost renderer should be brought back: not while the app is quitting. */
export function shouldRecoverRenderer(reason: string, quitting: boolean): boolean {
  return !quitting && reason !== 'clean-exit';
}

/** First instance runs; a second one only hands over to the first and quits. */
export function singleInstanceAction(gotLock: boolean): 'run' | 'quit' {
  return gotLock ? 'run' : 'quit';
}

/** What the running instance does to its window when a second instance is started. */
export function secondInstanceSteps(window: {
  exists: boolean;
  isMinimized: boolean;
  isVisible: boolean;
}): Array<'restore' | 'show' | 'focus'> {
  if (!window.exists) return [];
  const steps: Array<'restore' | 'show' | 'focus'> = [];
  if (window.isMinimized) steps.push('restore');
  if (!window.isVisible) steps.push('show');
  steps.push('focus');
  return steps;
}

export interface ShutdownSteps {
  /** Destroys the windows, so no renderer can call the host any more. */
  closeWindows(): void;
  /** Removes the IPC handler and the event forwarding. */
  unbindIpc(): void;
  /** Closes the host (cloud monitor, database) last. */
  closeHost(): void;
}

export const SHUTDOWN_ORDER = [
  'closeWindows',
  'unbindIpc',
  'closeHost',
] as const satisfies ReadonlyArray<keyof ShutdownSteps>;

/**
 * Runs the shutdown once, in order: windows, then IPC, then the host; a failing step is reported
 * and the later ones still run, so the database is closed whatever happened before.
 */
export function createShutdown(
  steps: ShutdownSteps,
  onError: (step: keyof ShutdownSteps, error: unknown) => void,
): { run(): void; readonly done: boolean } {
  let done = false;
  return {
    run() {
      if (done) return;
      done = true;
      for (const step of SHUTDOWN_ORDER) {
        try {
          steps[step]();
        } catch (error) {
          onError(step, error);
        }
      }
    },
    get done() {
      return done;
    },
  };
}
