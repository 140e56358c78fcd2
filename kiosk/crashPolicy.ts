/**
 * What the kiosk does when the page's renderer dies: open the launch page again, unless the page
 * keeps dying, when the kiosk exits and lets systemd start it afresh (and, past the unit's start
 * limit, stop trying: a page that cannot live needs an engineer, not a loop).
 */
export interface CrashPolicyOptions {
  /** Crashes allowed within the window before giving up. */
  maxCrashes: number;
  windowMs: number;
}

export const KIOSK_CRASH_POLICY: CrashPolicyOptions = { maxCrashes: 3, windowMs: 60_000 };

export type CrashAction = 'reload' | 'exit';

/** A decider fed one crash time at a time (ms), keeping only the crashes inside the window. */
export function crashPolicy(options: CrashPolicyOptions): (atMs: number) => CrashAction {
  let recent: number[] = [];
  return (atMs) => {
    recent = [...recent.filter((t) => atMs - t < options.windowMs), atMs];
    return recent.length > options.maxCrashes ? 'exit' : 'reload';
  };
}
