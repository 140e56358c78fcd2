/** Start-up milestones as performance marks: the bench prints them, DevTools shows them on a unit. */
export const BOOT_MARK = {
  hostState: 'dashport:host-state',
  bridgeToken: 'dashport:bridge-token',
  bridgeConnected: 'dashport:bridge-connected',
  firstSample: 'dashport:first-sample',
} as const;

const marked = new Set<string>();

/** Marks the first time only: a reconnect is not a start. */
export function markBoot(name: (typeof BOOT_MARK)[keyof typeof BOOT_MARK]): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}
